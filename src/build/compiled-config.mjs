// The Eleventy config `npm run build` names: .eleventy.ts as compiled into the bundle that
// run-compiled.mjs built and loaded (load-compiled.mjs loads it once per process).
import { loadCompiled } from "./load-compiled.mjs";

const { eleventyConfig, config } = await loadCompiled();

export default eleventyConfig;
export { config };
