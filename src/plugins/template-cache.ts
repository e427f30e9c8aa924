/**
 * Nunjucks' compiled layouts, kept from one build to the next in .cache/nunjucks-templates.json
 * (see src/build/compiled-templates.ts for what is kept, and why that is safe).
 */
import { createRequire } from "node:module";
import type { UserConfig } from "@11ty/eleventy";
import { CompiledTemplates, keepCompiledTemplates, type NunjucksCompiler } from "../build/compiled-templates.ts";
import { projectPath, type SiteRun } from "./site-run.ts";

export interface TemplateCacheOptions {
  run: SiteRun;
  /** The file, from the project's root. */
  file?: string;
}

const DEFAULTS = {
  file: ".cache/nunjucks-templates.json",
};

export function normalizeOptions(options: TemplateCacheOptions): Required<TemplateCacheOptions> {
  const merged = { ...DEFAULTS, ...options };
  if (typeof merged.file !== "string" || merged.file === "") {
    throw new TypeError(`templateCache: option \`file\` must be a file path. Received: ${JSON.stringify(merged.file)}`);
  }
  return merged;
}

/** One store per file, so that the dev server's rebuilds read it once. */
const stores = new Map<string, CompiledTemplates>();

export default function templateCache(eleventyConfig: UserConfig, options: TemplateCacheOptions): void {
  const { run, file } = normalizeOptions(options);
  const where = projectPath(run, file);
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }) => {
    // The key names the version of the Nunjucks that compiles, read from our own copy: npm shares it
    // with Eleventy. Were Eleventy ever given one of its own, that one would compile as it always has.
    const require = createRequire(import.meta.url);
    if (require("nunjucks") !== nunjucks) return;
    const version = (require("nunjucks/package.json") as { version: string }).version;
    let store = stores.get(where);
    if (!store) stores.set(where, (store = new CompiledTemplates(where)));
    keepCompiledTemplates((nunjucks as { compiler: NunjucksCompiler }).compiler, environment.opts, store, version);
  });
  // Once per build, whatever it compiled; a build that failed keeps nothing new, and the next compiles it again.
  eleventyConfig.on("eleventy.after", () => {
    stores.get(where)?.save();
  });
}
