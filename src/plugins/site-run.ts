/**
 * What the command that runs Eleventy asks of this build: where findings go (the collector,
 * which knows the root that file names are relative to and whether warnings fail), whether
 * the plugins print them after each build, and whether pages are checked. The build command
 * and the dev server pass it through Eleventy's `config` option; a bare `eleventy` run gets
 * the defaults. Nothing travels through the environment or the working directory.
 */
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { FindingCollector } from "../findings/collector.ts";
import { applySuppressions } from "../rules/suppressions.ts";

export interface SiteRun {
  findings: FindingCollector;
  /**
   * After each build, print the findings (the dev server, which keeps serving); and in a
   * one-off build fail on an error. Off for `npm run build`, which prints once, itself,
   * after it has added Eleventy's own errors.
   */
  reportEachBuild: boolean;
  /** false skips the per-page checks but still loads the data; only `npm run bench` sets it, to measure what the checks cost. */
  checkPages: boolean;
  /** Set by `npm start`: the dev server's port, for its live reload and its findings panel. */
  dev?: { port: number };
  /**
   * The output folder as the command names it (public), when Eleventy writes elsewhere first (the
   * build's staging folder): what notices call the folders beside it, such as public-wkd/.
   */
  output?: string;
}

/**
 * A folder or file of the project, as Eleventy reads paths in its config (from the folder the
 * process runs in): the project is the run's root, wherever the command was started.
 */
export function projectPath(run: SiteRun, relative: string): string {
  return path.relative(process.cwd(), path.join(run.findings.root, relative)) || ".";
}

/** What each config object's command provided. */
const RUNS = new WeakMap<UserConfig, SiteRun>();

/** Called from Eleventy's `config` option, which runs before the project's config file. */
export function provideSiteRun(eleventyConfig: UserConfig, run: SiteRun): void {
  RUNS.set(eleventyConfig, run);
}

/** The run the command provided, or a bare `eleventy`'s: names relative to where it runs, printed after each build. */
export function siteRun(eleventyConfig: UserConfig): SiteRun {
  let run = RUNS.get(eleventyConfig);
  if (run === undefined) {
    run = { findings: new FindingCollector({ root: process.cwd(), strict: false, suppress: applySuppressions }), reportEachBuild: true, checkPages: true };
    RUNS.set(eleventyConfig, run);
  }
  return run;
}
