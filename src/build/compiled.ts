/**
 * What `npm run build` runs, compiled ahead into one bundle by run-compiled.mjs: the command,
 * and the Eleventy config with every plugin. One bundle, so that the code both use is loaded
 * and compiled once; compiled-config.mjs hands Eleventy the config from it.
 */
export { endProcess, runCommand } from "./command.ts";
export { config, default as eleventyConfig } from "../../.eleventy.ts";
