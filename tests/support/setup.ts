// Eleventy imports .eleventy.ts and the plugins it names with Node's own loader, not
// vitest's; tsx teaches that loader TypeScript, as `node --import tsx` does for the build.
import { register } from "tsx/esm/api";

register();
