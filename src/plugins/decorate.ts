import type { UserConfig } from "@11ty/eleventy";
import { decorateMarkdown, type DecorateOptions } from "../markdown/decorate.ts";
import type { SiteRun } from "./site-run.ts";

/**
 * Decorates every Markdown page for its reader (src/markdown/decorate.ts): the fingerprint
 * with its Copy button and key link, the prefilled report links, and `rel` and `https:` on
 * external links; an insecure link's finding goes to the run's collector.
 */
export default function decorate(eleventyConfig: UserConfig, options: Partial<Omit<DecorateOptions, "findings">> & { run: SiteRun }): void {
  const { run, ...rest } = options;
  eleventyConfig.amendLibrary("md", (md) => md.use(decorateMarkdown, { ...rest, findings: run.findings }));
}
