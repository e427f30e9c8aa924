/**
 * The error Eleventy fails a build with, for the cases of the rules explainBuildError reports: a
 * small site is laid out in a folder of its own and built by a plain Eleventy (none of this
 * project's plugins), quiet, the way tests/eleventy-internals.test.ts makes one. The error it
 * throws, of Eleventy's own classes, is what the build command hands to explainBuildError.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { explainBuildError, layoutLookup } from "../../../src/build/build-errors.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { silenceEleventy } from "../../../src/plugins/eleventy-internals.ts";
import { docExample } from "../../support/rule-tester.ts";
import { WORK } from "../../support/work.ts";

export interface SiteInput {
  /** The files of the content folder, by their path in it. */
  files: Record<string, string>;
  /** Layout aliases the config adds, by alias. */
  aliases?: Record<string, string>;
  /** Markdown pages rendered with Nunjucks first, as the site's config has them (Eleventy's own default is Liquid). */
  markdownNunjucks?: boolean;
}

/**
 * The site of a rule's doc page: its input block's text at the path the block names in the
 * content folder (content/_data/releases.js is the site's _data/releases.js), beside `others`.
 */
export function pageSite(ruleId: string, text: string, others: Record<string, string> = {}): SiteInput {
  const file = docExample(ruleId).file;
  if (!file.startsWith("content/")) throw new Error(`docs/rules/${ruleId}.md: its input is ${file}, not a file of the content folder`);
  return { files: { ...others, [file.slice("content/".length)]: text } };
}

/** Either a site Eleventy builds, or an error as the build command is handed it. */
export type BuildInput = SiteInput | { error: unknown };

/**
 * What explainBuildError makes of the error of building the input (nothing when it builds), its
 * files named from the site's folder, as the build names them from the project's.
 */
export async function explained(input: BuildInput): Promise<Finding[]> {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, "build-error-"));
  const folders = (config?: UserConfig) => ({
    staging: path.join(dir, ".public-staging"),
    output: path.join(dir, "public"),
    input: path.join(dir, "content"),
    relative: (file: string) => path.relative(dir, path.resolve(file)),
    ...(config ? { layouts: layoutLookup(config) } : {}),
  });
  if ("error" in input) return explainBuildError(input.error, folders());

  for (const [file, text] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(dir, "content", file)), { recursive: true });
    writeFileSync(path.join(dir, "content", file), text);
  }
  // The config callback cannot set the engine of Markdown pages: a config file does.
  const configPath = input.markdownNunjucks ? path.join(dir, "eleventy.config.mjs") : undefined;
  if (configPath) writeFileSync(configPath, 'export const config = { markdownTemplateEngine: "njk" };\n');
  let config: UserConfig | undefined;
  // Relative to the working directory, as the build gives Eleventy its input folder.
  const eleventy = new Eleventy(path.relative(process.cwd(), path.join(dir, "content")), path.join(dir, ".public-staging"), {
    quietMode: true,
    ...(configPath ? { configPath } : {}),
    config: (c) => {
      config = c as UserConfig;
      for (const [alias, file] of Object.entries(input.aliases ?? {})) config.addLayoutAlias(alias, file);
    },
  });
  silenceEleventy(eleventy);
  try {
    await eleventy.write();
    return [];
  } catch (error) {
    return explainBuildError(error, folders(config));
  }
}
