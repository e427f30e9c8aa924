/** What bench/build-child.ts reports about one build, as the last line of its output. */
export interface ChildResult {
  ok: boolean;
  /** Wall time of buildSite, from the call to the swap-in. */
  ms: number;
  /** CPU time of the process (user + system, all threads) over the same span: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident memory of the whole process, in KiB. */
  maxRssKiB: number;
  /** Calls to inspectKey and to openpgp's key readers during the build. */
  counts: Record<string, number>;
  /** What the build printed, to show when it failed. */
  lines: string[];
}

export const RESULT_PREFIX = "bench-result ";

/** The child's report in its output, or undefined when it never got to print one. */
export function readChildResult(stdout: string): ChildResult | undefined {
  const line = stdout.split("\n").reverse().find((l) => l.startsWith(RESULT_PREFIX));
  return line === undefined ? undefined : (JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
}
