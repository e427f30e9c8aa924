import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { explainBuildError } from "./build-errors.ts";
import { type ChecksFailed, formatFinding } from "../findings/report.ts";
import type { Finding } from "../types.ts";

export interface BuildOptions {
  /** The content folder. */
  input: string;
  /** Where the finished site goes; replaced only by a build that passes. */
  output: string;
  /** The Eleventy config file. */
  configPath: string;
  /** Fail on warnings too. */
  strict: boolean;
  /** Where the build's own lines go (findings are printed by the checks as they finish). */
  log: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  /** The findings that stopped the build, or the build error turned into one. */
  findings: Finding[];
}

/**
 * Builds the site into a fresh folder beside the output, then swaps it in. A build that
 * fails, for a finding or for any other error, removes its own folder and leaves the
 * output exactly as it was: a reader never gets half a site, and never a site the
 * checks rejected.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(options.output);
  const staging = path.join(path.dirname(output), `.${path.basename(output)}-staging-${process.pid}-${Date.now()}`);
  const previousStrict = process.env.POLICY_STRICT;
  if (options.strict) process.env.POLICY_STRICT = "1";

  try {
    const eleventy = new Eleventy(options.input, staging, {
      configPath: options.configPath,
      quietMode: true,
      source: "script",
      // Eleventy warns of slow plugins ("Benchmark 199ms 12% … Transform") on stderr,
      // where only findings belong; `npm run bench` measures the build instead.
      config: (config) => quietBenchmarks(config as unknown as { benchmarkManager: BenchmarkManager }),
    });
    // Keep the staging folder even though the config names "public", as Eleventy's own CLI flags would.
    eleventy.directories.freeze();
    silenceEleventy(eleventy);
    await eleventy.write();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const failed = findChecksFailed(error);
    if (failed) return { ok: false, findings: failed.findings };
    const findings = explainBuildError(error, { staging, output: options.output });
    for (const f of findings) options.log(formatFinding(f));
    return { ok: false, findings };
  } finally {
    if (previousStrict === undefined) delete process.env.POLICY_STRICT;
    else process.env.POLICY_STRICT = previousStrict;
  }

  swapIn(staging, output);
  return { ok: true, findings: [] };
}

interface BenchmarkManager {
  setVerboseOutput(verbose: boolean): void;
  getAll(): Record<string, { setIsVerbose(verbose: boolean): void }>;
}

function quietBenchmarks({ benchmarkManager }: { benchmarkManager: BenchmarkManager }): void {
  benchmarkManager.setVerboseOutput(false);
  for (const group of Object.values(benchmarkManager.getAll())) group.setIsVerbose(false);
}

/** Two renames in one folder: the old site moves aside, the new one takes its name. */
function swapIn(staging: string, output: string): void {
  const old = `${staging}-old`;
  if (existsSync(output)) renameSync(output, old);
  renameSync(staging, output);
  rmSync(old, { recursive: true, force: true });
}

/**
 * The checks' own failure, however deep Eleventy wrapped it. Matched by name, not
 * instanceof: the config may load the checks through another module loader (tsx
 * under a test runner), which makes a second ChecksFailed class.
 */
function findChecksFailed(error: unknown): ChecksFailed | undefined {
  for (let e = error as { name?: string; findings?: unknown; originalError?: unknown; cause?: unknown } | undefined; e; e = (e.originalError ?? e.cause) as typeof e) {
    if (e.name === "ChecksFailed" && Array.isArray(e.findings)) return e as ChecksFailed;
  }
  return undefined;
}

/**
 * Eleventy prints a failed build's error with its stack, and "Wrote N files" about the
 * staging folder; the build prints its own one-line findings and outcome instead.
 */
function silenceEleventy(eleventy: Eleventy): void {
  const quiet = { log() {}, info() {}, warn() {}, error() {}, message() {}, logWithOptions() {}, forceLog() {}, closeStream() {} };
  eleventy.disableLogger();
  eleventy.errorHandler.logger = quiet;
}
