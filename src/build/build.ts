import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { FindingCollector, type Report } from "../findings/collector.ts";
import { printReport, type OutputFormat, type Streams } from "../findings/report.ts";
import { quietBenchmarks, silenceEleventy } from "../plugins/eleventy-internals.ts";
import { provideSiteRun } from "../plugins/site-run.ts";
import { ChecksStopped } from "../plugins/page-checks.ts";
import { errorChain, explainBuildError, layoutLookup } from "./build-errors.ts";
import { applySuppressions } from "../rules/suppressions.ts";
import { wkdHostsFolder } from "../formats/wkd.ts";

export interface BuildOptions {
  /** The content folder. */
  input: string;
  /** Where the finished site goes; replaced only by a build that passes. */
  output: string;
  /** The Eleventy config file. */
  configPath: string;
  /** Fail on warnings too. */
  strict: boolean;
  /** The folder findings name files from (the project the command runs in). Default: the working directory. */
  root?: string;
  /** How the findings are printed. Default: one line each. */
  format?: OutputFormat;
  /** Where the findings and notices are printed. Default: the process's standard output and error. */
  streams?: Streams;
  /** false skips the per-page checks but still loads the data; only `npm run bench` sets it, to measure what the checks cost. */
  checkPages?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Everything the build found, printed once; the errors among them are why it failed. */
  report: Report;
}

const PROCESS_STREAMS: Streams = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/**
 * Builds the site into a fresh folder beside the output, then swaps it in. Every finding
 * (site data, keys, pages, publishing, Eleventy's own errors) is collected, printed once in
 * the format asked for, and decides the outcome: a build with an error removes its own folder
 * and leaves the output exactly as it was, so a reader never gets half a site, and never a
 * site the checks rejected.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const output = path.resolve(root, options.output);
  const staging = path.join(path.dirname(output), `.${path.basename(output)}-staging-${process.pid}-${Date.now()}`);
  const findings = new FindingCollector({ root, strict: options.strict, suppress: applySuppressions });
  let eleventyConfig: UserConfig | undefined;

  try {
    // Relative to where the command runs, as Eleventy names its templates: given an absolute input
    // folder, it would not find the data files of folders inside it (content/advisories/advisories.11tydata.mjs).
    const eleventy = new Eleventy(path.relative(process.cwd(), path.resolve(root, options.input)) || ".", staging, {
      configPath: path.resolve(root, options.configPath),
      quietMode: true,
      source: "script",
      config: (config) => {
        eleventyConfig = config as UserConfig;
        // Eleventy warns of slow plugins ("Benchmark 199ms 12% … Transform") on stderr,
        // where only findings belong; `npm run bench` measures the build instead.
        quietBenchmarks(config as UserConfig);
        // The build prints the findings itself, once, after Eleventy's own errors are among them.
        provideSiteRun(config as UserConfig, { findings, reportEachBuild: false, checkPages: options.checkPages ?? true, output: findings.relative(output) });
      },
    });
    silenceEleventy(eleventy);
    await eleventy.write();
  } catch (error) {
    // A stop the checks asked for has its findings collected already; anything else becomes one.
    if (!stoppedByChecks(error)) {
      const explained = explainBuildError(error, {
        staging,
        output,
        input: path.resolve(root, options.input),
        layouts: eleventyConfig && layoutLookup(eleventyConfig),
        relative: (f) => findings.relative(f),
      });
      // Eleventy reads the site data too, and fails on what the checks have already placed exactly (a JSON syntax error, say).
      findings.add(...explained.filter((f) => !findings.hasErrorIn(f.file)));
    }
  }

  const report = findings.report();
  printReport(report, options.format ?? "text", options.streams ?? PROCESS_STREAMS);
  if (report.errors > 0) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(wkdHostsFolder(staging), { recursive: true, force: true });
    return { ok: false, report };
  }
  const old = swapIn(staging, output);
  // The other hosts' directories (public-wkd/) follow the site: this build's, or none when it wrote none.
  const oldHosts = swapIn(wkdHostsFolder(staging), wkdHostsFolder(output));
  removeLater([old, oldHosts].filter((f): f is string => f !== undefined));
  return { ok: true, report };
}

/**
 * Two renames in one folder: the old site moves aside, the new one takes its name (a folder the
 * build did not write leaves none in its place); the old one, if any, is returned. Removing the
 * old site is left to a process of its own, off the build's path: it took a tenth of a second
 * at 1,000 pages and seconds at 4,000, and the new site is in place before it starts.
 */
function swapIn(staging: string, output: string): string | undefined {
  const old = `${staging}-old`;
  if (existsSync(output)) renameSync(output, old);
  if (existsSync(staging)) renameSync(staging, output);
  return existsSync(old) ? old : undefined;
}

/**
 * Removes folders from a detached process that outlives the build's. One left behind (the
 * machine stopped first) is named `.<output>-staging-…-old`, ignored by git, and removed by the
 * next build the same way.
 */
function removeLater(folders: string[]): void {
  if (folders.length === 0) return;
  const parent = path.dirname(folders[0]!);
  const prefix = `${path.basename(folders[0]!).split("-staging-")[0]}-staging-`;
  const leftovers = readdirSync(parent).filter((name) => name.startsWith(prefix) && name.endsWith("-old")).map((name) => path.join(parent, name));
  const remover = spawn(process.execPath, ["-e", "for (const f of process.argv.slice(1)) require('node:fs').rmSync(f, { recursive: true, force: true })", ...new Set([...folders, ...leftovers])], {
    detached: true,
    stdio: "ignore",
  });
  remover.on("error", () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  remover.unref();
}

/** Whether the checks stopped the build on purpose, however deep Eleventy wrapped the error. */
export function stoppedByChecks(error: unknown): boolean {
  return errorChain(error).some((e) => e instanceof ChecksStopped);
}
