/**
 * One measured build, in its own process so that its peak memory is its own:
 * `node --import tsx bench/build-child.ts <on|off> <site folder>`.
 * Builds the site with the project's compiled buildSite and config (dist/), checks on or off
 * (buildSite's checkPages, a measuring aid only), and prints one line of JSON as its last line.
 */
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ChildResult, RESULT_PREFIX } from "./child-result.ts";
import { COMPILED_CONFIG, compiled } from "../tests/support/runtime.ts";
import { ROOT } from "./site.ts";

async function main(): Promise<void> {
  const [mode, siteDir] = process.argv.slice(2);
  if ((mode !== "on" && mode !== "off") || !siteDir) {
    throw new Error("usage: node --import tsx bench/build-child.ts <on|off> <site folder>");
  }
  register("./count-hooks.mjs", import.meta.url, { data: { root: pathToFileURL(`${ROOT}/`).href } });
  // Loaded after the hooks so that the project's imports of keys.ts and openpgp are counted.
  const { buildSite } = await compiled<typeof import("../src/build/build.ts")>("src/build/build.ts");
  const { readCounts } = await import("./counts.ts");

  const lines: string[] = [];
  const collect = (text: string) => lines.push(...text.split("\n").filter((l) => l !== ""));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await buildSite({
    input: "content",
    output: "public",
    root: path.resolve(siteDir),
    configPath: COMPILED_CONFIG,
    strict: false,
    checkPages: mode === "on",
    streams: { stdout: collect, stderr: collect },
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const report: ChildResult = { ok: result.ok, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, counts: readCounts(), lines };
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(report)}\n`);
}

await main();
