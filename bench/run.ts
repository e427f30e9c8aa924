/**
 * `npm run bench [-- --quick]`: what the build costs, against the targets in the README.
 *
 * A benchmark, not a test: the machines are shared and noisy, so every comparison is made
 * of runs side by side (A, B, B, A, …), each in a fresh process, and reported as medians
 * and as the median of the per-pair ratios. It prints met or missed and exits 0 whatever the
 * figures; only a synthetic site that does not build at all, so nothing can be measured, exits 1.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ChildResult, readChildResult } from "./child-result.ts";
import { type DevTimings, measureDevServer } from "./dev-server.ts";
import { measureVerify, type VerifyTimings } from "./verify.ts";
import { measureCheck, type CheckTimings } from "./check.ts";
import { generateSite, ROOT, type SyntheticSite } from "./site.ts";
import { median, pairedRatio } from "./stats.ts";
import { measureAgainstBare, type AgainstBare } from "./against-bare.ts";
import { compile } from "../tests/support/runtime.ts";
import { run } from "./spawned.ts";
import { measureReportWeights, total, type ReportWeights } from "./report-weight.ts";
import { pageWeight, type PageWeight } from "./weight.ts";

/** The targets, as the README states them. */
const TARGETS = {
  /** Checks on / checks off at the largest site. */
  checksRatio: 1.1,
  /** Largest-site time / 1,000-page time, for four times the pages. */
  growth: 4.4,
  /** Key parses per build, for a site with one key. */
  keyParses: 1,
  /** Cold `npm run build`'s command / bare JavaScript-config Eleventy build, both without npm. */
  typescriptRatio: 1.25,
  /** /security/, HTML + CSS + JS, gzip, in bytes (1 KB = 1,000 bytes). */
  pageGzipBytes: 14_000,
  /** `npm run build` / `npm run build:bare`, cold, the real site, on Node 20 (no compile cache for ES modules). */
  bareRealRatio: 1.15,
  /** The same on Node 22, with its compile cache. */
  bareRealRatioNode22: 1.1,
  /** The same at 1,000 generated pages. */
  bare1000Ratio: 1.25,
  /** Peak memory of the full build / the bare build's, at 4,000 pages. */
  bareMemoryRatio: 1.3,
  /** /security/report/ with all it loads before the form is used, gzip, in bytes: under this. */
  reportGzipBytes: 20_000,
  /** The dev server: a save to the findings line, and to the reload signal, median, in ms. */
  devFeedbackMs: 300,
  /** A full `npm run verify` of the real site's sources against local servers, median, in ms. */
  verifyMs: 2000,
  /** `check` of one SECURITY.md with one key, through the bin, median, in ms. */
  checkMs: 700,
};

const SIZES = [1, 100, 1000, 4000] as const;
type Size = (typeof SIZES)[number];

/** Pairs of runs per site size, and of the cold-start comparison. */
const PLANS = {
  full: { pairs: { 1: 7, 100: 7, 1000: 5, 4000: 5 } as Record<Size, number>, coldRounds: 9, devEdits: 15, verifyRuns: 9, checkRuns: 15, barePairs: 5 },
  quick: { pairs: { 1: 3, 100: 3, 1000: 3, 4000: 3 } as Record<Size, number>, coldRounds: 5, devEdits: 10, verifyRuns: 5, checkRuns: 9, barePairs: 3 },
};


function progress(line: string): void {
  process.stderr.write(`  … ${line}\n`);
}

// ---------------------------------------------------------------------------------------
// Checks on against checks off

interface SizeResult {
  pages: number;
  on: ChildResult[];
  off: ChildResult[];
  failure?: string;
}

/** One build of a synthetic site in a fresh process, into an empty output folder. */
async function buildOnce(site: SyntheticSite, mode: "on" | "off"): Promise<ChildResult | string> {
  // The swap-in's removal of the previous site is not what is measured: start from none.
  rmSync(path.join(site.dir, "public"), { recursive: true, force: true });
  const child = await run(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/build-child.ts"), mode, site.dir], ROOT);
  const result = readChildResult(child.stdout);
  if (result?.ok) return result;
  const said = [...(result?.lines ?? []), ...child.stderr.split("\n")].filter((l) => l.trim() !== "").slice(0, 20);
  return `the ${site.pages}-page build with checks ${mode} failed (exit ${child.code}):\n    ${said.join("\n    ")}`;
}

async function measureSize(site: SyntheticSite, pairs: number): Promise<SizeResult> {
  const result: SizeResult = { pages: site.pages, on: [], off: [] };
  for (let i = 1; i <= pairs; i++) {
    progress(`${site.pages === 1 ? "1 page" : `${site.pages} pages`}: pair ${i} of ${pairs}`);
    // A, B then B, A: a machine that speeds up or slows down over the run favours neither.
    for (const mode of i % 2 === 1 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      const build = await buildOnce(site, mode);
      if (typeof build === "string") return { ...result, failure: build };
      result[mode].push(build);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// The cold build without npm

interface ColdResult {
  /** The builds in the order they run in each round, the real one first. */
  builds: Array<{ name: string; shown: string; ms: number[] }>;
  realOutput: string;
  failure?: string;
}

/** `npm run build`'s own command line, run without npm, writing to `output` instead of public/. */
function buildCommand(output: string): { command: string; args: string[]; shown: string } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.build;
  if (!script) throw new Error("bench: package.json has no scripts.build to measure");
  const words = script.split(/\s+/);
  if (words[0] !== "node" || /[|&;<>$`"']/.test(script)) {
    // Not a plain node command line: measure it through npm, which adds npm's own start-up.
    return { command: "npm", args: ["run", "--silent", "build", "--", "--output", output], shown: `npm run build -- --output <tmp>` };
  }
  return { command: process.execPath, args: [...words.slice(1), "--output", output], shown: `${script} --output <tmp>` };
}

/**
 * Rounds of fresh-process builds of the real content, one after the other: the real build and
 * the bare one, each run as its own command line without npm.
 */
async function measureCold(rounds: number, tmp: string): Promise<ColdResult> {
  const realOutput = path.join(tmp, "real", "public");
  const bareOutput = path.join(tmp, "bare", "public");
  mkdirSync(path.dirname(realOutput), { recursive: true });
  const real = buildCommand(realOutput);
  // cmd.cjs is not in the package's exports; it sits one folder above the entry point.
  const eleventyCli = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");
  const bareArgs = [eleventyCli, "--config=bench/bare.eleventy.mjs", "--input=content", `--output=${bareOutput}`, "--quiet"];
  const bareShown = "node node_modules/@11ty/eleventy/cmd.cjs --config=bench/bare.eleventy.mjs --input=content --output=<tmp> --quiet";
  const commands = [
    { name: "real: npm run build's command (compiled TypeScript, all plugins)", shown: real.shown, command: real.command, args: real.args, output: realOutput },
    { name: "bare: Eleventy, plain JavaScript config", shown: bareShown, command: process.execPath, args: bareArgs, output: bareOutput },
  ];
  const result: ColdResult = { builds: commands.map(({ name, shown }) => ({ name, shown, ms: [] })), realOutput };
  // One round first, not timed: the disk cache is then as warm as for any later build.
  for (let i = 0; i <= rounds; i++) {
    if (i > 0) progress(`cold builds: round ${i} of ${rounds}`);
    // Each round starts with the next build in turn, so that drift over the run favours none of them.
    for (let k = 0; k < commands.length; k++) {
      const n = (i + k) % commands.length;
      const c = commands[n]!;
      rmSync(c.output, { recursive: true, force: true });
      const done = await run(c.command, c.args, ROOT);
      if (done.code !== 0) return { ...result, failure: `${c.shown} failed (exit ${done.code}):\n${done.stderr}` };
      if (i > 0) result.builds[n]!.ms.push(done.ms);
    }
  }
  return result;
}

/**
 * A Node 22 to measure with, fetched from the npm registry by npx (the node package): its bin
 * folder, to put first on the PATH of `npm run …`; or why there is none.
 */
async function node22(): Promise<{ bin: string; version: string } | string> {
  const done = await run("npx", ["-y", "node@22", "-p", "process.execPath + ' ' + process.version"], ROOT);
  const [execPath, version] = done.stdout.trim().split("\n").at(-1)?.split(" ") ?? [];
  if (done.code !== 0 || !execPath || !version?.startsWith("v22.")) return `not measured: npx -y node@22 gave no Node 22 (exit ${done.code}): ${done.stderr.trim().split("\n").at(-1) ?? ""}`;
  return { bin: path.dirname(execPath), version };
}

// ---------------------------------------------------------------------------------------
// Printing

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const fixed = (n: number, digits = 2) => n.toFixed(digits);
const mib = (kib: number) => (kib / 1024).toFixed(0);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** A Markdown table, readable as it is printed: the first `textColumns` columns left-aligned, numbers right. */
function table(header: string[], rows: string[][], textColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const left = (i: number) => i < textColumns;
  const line = (cells: string[]) => `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => `${"-".repeat(w + 1)}${left(i) ? "-" : ":"}`).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

interface Verdict {
  target: string;
  measured: string;
  met: boolean | undefined;
}

function machine(): string {
  const cpus = os.cpus();
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return [
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `${os.availableParallelism()} CPUs (${cpus[0]?.model.trim() ?? "unknown model"})`,
    `${gib(os.totalmem())} RAM (${gib(os.freemem())} free)`,
    `Node ${process.version}, ${os.type()} ${os.release()}`,
  ].join(" · ");
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
  if (values.help) {
    process.stdout.write("usage: npm run bench [-- --quick]   (--quick: fewer runs, about two minutes)\n");
    return;
  }
  const plan = values.quick ? PLANS.quick : PLANS.full;
  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "policy-site-bench-"));
  const say = (text = "") => process.stdout.write(`${text}\n`);

  say(`# Build benchmark${values.quick ? " (quick)" : ""}`);
  say();
  say(machine());
  say(`Load average at the start: ${load()}`);
  say();

  try {
    // dist/ up to date before anything is timed; then the sites, so that writing them is not
    // measured; then one build each way, not timed, so that the disk cache is warm for every timed run.
    await compile();
    const sites = SIZES.map((pages) => generateSite(path.join(tmp, `site-${pages}`), pages));
    progress("warming up");
    for (const mode of ["on", "off"] as const) {
      const warm = await buildOnce(sites[1]!, mode);
      if (typeof warm === "string") throw new Error(warm);
    }

    const results: SizeResult[] = [];
    for (const site of sites) results.push(await measureSize(site, plan.pairs[site.pages as Size]));
    const cold = await measureCold(plan.coldRounds, tmp);
    progress(`dev server: ${plan.devEdits} edits that break the fingerprint, each followed by one that fixes it`);
    const dev: DevTimings | string = await measureDevServer(plan.devEdits, tmp).catch((error: Error) => `not measured: ${error.message}`);
    progress(`verify: ${plan.verifyRuns} runs against nginx and sks on 127.0.0.1`);
    const verify: VerifyTimings | string = await measureVerify(plan.verifyRuns, tmp).catch((error: Error) => `not measured: ${error.message}`);
    progress(`check: ${plan.checkRuns} runs of one SECURITY.md with one key`);
    const checked: CheckTimings | string = await measureCheck(plan.checkRuns, tmp).catch((error: Error) => `not measured: ${error.message}`);
    const againstBare: AgainstBare[] = [];
    for (const [name, pages, input] of [["the real site", 1, path.join(ROOT, "content")], ["1,000 pages", 1000, sites[2]!.input], ["4,000 pages", 4000, sites[3]!.input]] as const) {
      againstBare.push(await measureAgainstBare(name, pages, input, plan.barePairs, tmp, progress));
    }
    // The real site again on Node 22, where the entry point turns on Node's compile cache.
    progress("fetching a Node 22 with npx -y node@22");
    const other = await node22();
    const onNode22: AgainstBare | string =
      typeof other === "string" ? other : await measureAgainstBare(`the real site, Node ${other.version}`, 1, path.join(ROOT, "content"), plan.barePairs, tmp, progress, other.bin);
    progress("report page: the real site with a test key, in Chromium");
    const report: ReportWeights | string = await measureReportWeights(tmp).catch((error: Error) => `not measured: ${error.message}`);
    let weight: PageWeight | string;
    try {
      weight = cold.failure ? "not measured: the real build failed" : pageWeight(cold.realOutput, "/security/");
    } catch (error) {
      weight = (error as Error).message;
    }

    // --- Against bare Eleventy
    say("## Against bare Eleventy, both through npm");
    say();
    say("`npm run build` (all checks, decoration and publishing) against `npm run build:bare` (Eleventy, markdown-it and one minimal layout,");
    say("bench/bare.eleventy.mjs) on the same Markdown: the real site, and 1,000 and 4,000 generated copies of a policy page. Each build a fresh");
    say("npm process into an empty folder, timed from spawn to exit; the pairs alternate which runs first, after one untimed pair; full/bare is");
    say("the median of the per-pair ratios. Peak memory is the largest resident size in the npm process tree (GNU time).");
    say();
    const mibOf = (runs: Array<{ maxRssKiB?: number }>) => (runs.every((r) => r.maxRssKiB !== undefined) && runs.length > 0 ? median(runs.map((r) => r.maxRssKiB!)) : undefined);
    say(
      table(
        ["site", "pairs", "full ms", "bare ms", "full/bare", "full peak MiB", "bare peak MiB", "memory full/bare"],
        [...againstBare, ...(typeof onNode22 === "string" ? [] : [onNode22])].map((b) => {
          if (b.failure || b.full.length === 0) return [b.name, "failed", "", "", "", "", "", ""];
          const fullMem = mibOf(b.full);
          const bareMem = mibOf(b.bare);
          return [b.name, String(b.full.length), int(median(b.full.map((r) => r.ms))), int(median(b.bare.map((r) => r.ms))), fixed(pairedRatio(b.full.map((r) => r.ms), b.bare.map((r) => r.ms))), fullMem === undefined ? "n/a" : mib(fullMem), bareMem === undefined ? "n/a" : mib(bareMem), fullMem !== undefined && bareMem !== undefined ? fixed(fullMem / bareMem) : "n/a"];
        }),
      ),
    );
    for (const b of [...againstBare, ...(typeof onNode22 === "string" ? [] : [onNode22])]) if (b.failure) say(`\n${b.failure}`);
    if (typeof onNode22 === "string") say(`\nNode 22: ${onNode22}`);
    say();

    // --- Checks on against checks off
    say("## Checks on against checks off");
    say();
    say(`Synthetic policy sites in ${os.tmpdir()}, built by the compiled buildSite and config (dist/); each build in a fresh process, into an empty output folder.`);
    say("Checks off (buildSite's checkPages: false) is a measuring aid only, never a way to publish: the same set-up without the per-page checks (data and keys are still loaded).");
    say("Times are medians of the build itself (process start-up excluded); the pairs run on, off then off, on; on/off is the median of the");
    say("per-pair ratios, of wall time and of CPU time (CPU time leaves out waiting for the disk, which the checks do not add to).");
    say();
    const rows: string[][] = [];
    const ratioOf = (r: SizeResult, f: (b: ChildResult) => number) => pairedRatio(r.on.map(f), r.off.map(f));
    for (const r of results) {
      if (r.failure || r.on.length === 0) {
        rows.push([int(r.pages), "failed", "", "", "", "", "", "", "", ""]);
        continue;
      }
      const on = median(r.on.map((b) => b.ms));
      const off = median(r.off.map((b) => b.ms));
      rows.push([
        int(r.pages),
        String(r.on.length),
        int(on),
        int(off),
        fixed(ratioOf(r, (b) => b.ms)),
        fixed(ratioOf(r, (b) => b.cpuMs)),
        int(r.pages / (on / 1000)),
        int(r.pages / (off / 1000)),
        mib(median(r.on.map((b) => b.maxRssKiB))),
        mib(median(r.off.map((b) => b.maxRssKiB))),
      ]);
    }
    say(table(["pages", "pairs", "on ms", "off ms", "on/off", "on/off CPU", "on pages/s", "off pages/s", "on peak MiB", "off peak MiB"], rows));
    for (const r of results) if (r.failure) say(`\n${r.failure}`);
    say();

    // --- Keys
    say("## Key parses per build");
    say();
    say("Counted in each build by routing the project's imports of src/rules/keys.ts and openpgp through bench/counting-*.ts (module hooks; src is unchanged).");
    say();
    const parses = (b: ChildResult) => Object.entries(b.counts).filter(([name]) => name.startsWith("openpgp.")).reduce((n, [, c]) => n + c, 0);
    const keyRows = results
      .filter((r) => r.on.length > 0)
      .map((r) => {
        const all = [...r.on, ...r.off];
        const range = (f: (b: ChildResult) => number) => {
          const v = all.map(f);
          return Math.min(...v) === Math.max(...v) ? String(v[0]) : `${Math.min(...v)}–${Math.max(...v)}`;
        };
        return [int(r.pages), String(all.length), range((b) => b.counts.inspectKey ?? 0), range(parses)];
      });
    say(table(["pages", "builds", "inspectKey calls", "openpgp key reads"], keyRows));
    say();

    // --- TypeScript
    say("## The cold build without npm");
    say();
    say("The real site (content/), cold: every build a fresh process, timed from spawn to exit, the two run in turn in each round,");
    say("after one untimed round that warms the disk cache (and compiles dist/ if a source changed).");
    say("The bare build is Eleventy, markdown-it-anchor and one minimal layout only (bench/bare-includes/), with a plain JavaScript config:");
    say("it cannot run the project's plugins (checks, decoration, publishing), so its pages are not the checked ones.");
    say();
    let coldRatio: number | undefined;
    if (cold.failure) {
      say(cold.failure);
    } else {
      const bare = cold.builds[1]!.ms;
      coldRatio = pairedRatio(cold.builds[0]!.ms, bare);
      say(
        table(
          ["build", "runs", "median ms", "min ms", "max ms", "÷ bare"],
          cold.builds.map((b) => [b.name, String(b.ms.length), int(median(b.ms)), int(Math.min(...b.ms)), int(Math.max(...b.ms)), fixed(pairedRatio(b.ms, bare))]),
        ),
      );
      say();
      for (const b of cold.builds) say(`- ${b.name}: \`${b.shown}\``);
      say("(`npm run build`'s own command line is run without npm, whose start-up would be the same for both; ÷ bare is the median of the per-round ratios.)");
    }
    say();

    // --- Page weight
    say("## Page weight of /security/");
    say();
    if (typeof weight === "string") {
      say(weight);
    } else {
      say("From the real build's output; gzip at zlib's default level, one file at a time (each is its own response); 1 KB = 1,000 bytes.");
      say();
      const weightRows = weight.resources.map((r) => [`${r.url} (${r.kind}${r.kind === "icon" ? ", not counted" : ""})`, int(r.raw), int(r.gzip)]);
      weightRows.push(["HTML + CSS + JS", int(weight.raw), int(weight.gzip)]);
      say(table(["file", "raw bytes", "gzip bytes"], weightRows));
    }
    say();

    // --- The report page
    say("## The report page, in Chromium");
    say();
    say("The real site with the test key ed25519.asc for its first contact (address, fingerprint and keyserver key ID replaced), so that it has a");
    say("report page; built, served from 127.0.0.1 and opened in Chromium. Every request is recorded; each fetched file is weighed from the build,");
    say("gzip at zlib's default level, one file at a time; 1 KB = 1,000 bytes. Encrypt is the first, to the one key, after one field is filled.");
    say();
    if (typeof report === "string") {
      say(report);
    } else {
      const rows: string[][] = [];
      for (const [stage, files] of [["/security/, all it loads", report.policy], ["/security/report/ before use", report.reportBefore], ["what Encrypt loads", report.encrypt]] as const) {
        for (const f of files) rows.push([stage, f.path, int(f.raw), int(f.gzip)]);
        rows.push([stage, `total (${files.length} request${files.length === 1 ? "" : "s"})`, int(total(files, "raw")), int(total(files, "gzip"))]);
      }
      say(table(["when", "file", "raw bytes", "gzip bytes"], rows, 2));
      say();
      say(report.elsewhere.length === 0 ? "No request went anywhere but the site itself." : `Requests elsewhere: ${report.elsewhere.join(", ")}`);
    }
    say();

    // --- The dev server
    say("## The dev server's feedback");
    say();
    say("`npm start`'s command on a copy of the real site, on 127.0.0.1: each edit of content/en/security.md breaks the shown fingerprint, then the");
    say("next fixes it. Timed from the write to the fingerprint-mismatch line the server prints, and to the reload signal its websocket sends");
    say("(what the browser's reload client waits for). Eleventy's watcher waits for a file to stay unchanged for 150 ms before it rebuilds.");
    say();
    if (typeof dev === "string") {
      say(dev);
    } else {
      const spread = (ms: number[]) => `${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))}`;
      say(table(["from a save to", "edits", "median ms", "range ms"], [["the findings line", String(dev.findingsMs.length), String(Math.round(median(dev.findingsMs))), spread(dev.findingsMs)], ["the reload signal", String(dev.reloadMs.length), String(Math.round(median(dev.reloadMs))), spread(dev.reloadMs)]]));
    }
    say();

    // --- verify
    say("## npm run verify against local servers");
    say();
    say("The real site built and served by nginx over HTTPS on 127.0.0.1 with a test CA's certificate, the keyservers its page links to");
    say("served by sks behind the same nginx, and keys.openpgp.org's answers as files; `npm run verify`'s own command (bin/security-policy-site.mjs verify) in a");
    say("fresh process each run, reaching them under their real names through --connect-to, timed from spawn to exit. Where a contact's key");
    say("is not in content/keys/, the keyservers are asked for a key they do not have: the run ends in a disagreement, having asked every source.");
    say();
    if (typeof verify === "string") say(verify);
    else say(table(["runs", "sources", "median ms", "range ms", "exit code"], [[String(verify.ms.length), String(verify.sources), String(Math.round(median(verify.ms))), `${Math.round(Math.min(...verify.ms))}–${Math.round(Math.max(...verify.ms))}`, String(verify.code)]]));
    say();

    // --- check
    say("## npm run check of one SECURITY.md");
    say();
    say("A SECURITY.md with one fingerprint, a mailto link and a keyserver link, and its key in --keys; `check`'s own command");
    say("(bin/security-policy-site.mjs check SECURITY.md --keys keys) in a fresh process each run, timed from spawn to exit.");
    say();
    if (typeof checked === "string") say(checked);
    else say(table(["runs", "median ms", "range ms", "exit code"], [[String(checked.ms.length), String(Math.round(median(checked.ms))), `${Math.round(Math.min(...checked.ms))}–${Math.round(Math.max(...checked.ms))}`, String(checked.code)]]));
    say();

    // --- Targets
    const at = (pages: Size) => results.find((r) => r.pages === pages && !r.failure && r.on.length > 0);
    const largest = at(4000);
    const thousand = at(1000);
    const verdicts: Verdict[] = [];
    if (largest) {
      const ratio = pairedRatio(largest.on.map((b) => b.ms), largest.off.map((b) => b.ms));
      verdicts.push({ target: `checks add at most ${Math.round((TARGETS.checksRatio - 1) * 100)} % at 4,000 pages`, measured: `on/off ${fixed(ratio)} (${ratio >= 1 ? "+" : "−"}${Math.abs(Math.round((ratio - 1) * 100))} %)`, met: ratio <= TARGETS.checksRatio });
    } else {
      verdicts.push({ target: "checks add at most 10 % at 4,000 pages", measured: "not measured", met: undefined });
    }
    if (largest && thousand) {
      const growth = median(largest.on.map((b) => b.ms)) / median(thousand.on.map((b) => b.ms));
      const growthOff = median(largest.off.map((b) => b.ms)) / median(thousand.off.map((b) => b.ms));
      verdicts.push({ target: `4,000 pages take at most ${TARGETS.growth}× the 1,000-page time`, measured: `${fixed(growth)}× (checks off: ${fixed(growthOff)}×)`, met: growth <= TARGETS.growth });
    } else {
      verdicts.push({ target: `4,000 pages take at most ${TARGETS.growth}× the 1,000-page time`, measured: "not measured", met: undefined });
    }
    const measuredBuilds = results.flatMap((r) => [...r.on, ...r.off]);
    if (measuredBuilds.length > 0 && largest) {
      const most = Math.max(...measuredBuilds.map((b) => Math.max(b.counts.inspectKey ?? 0, parses(b))));
      verdicts.push({
        target: "keys are parsed once per build, not per page",
        measured: `at most ${most} inspectKey call and ${Math.max(...measuredBuilds.map(parses))} openpgp key read per build, for 1 key and up to 4,000 pages`,
        met: most === TARGETS.keyParses && measuredBuilds.every((b) => (b.counts.inspectKey ?? 0) === 1),
      });
    } else {
      verdicts.push({ target: "keys are parsed once per build, not per page", measured: "not measured", met: undefined });
    }
    verdicts.push({
      target: `cold build at most ${TARGETS.typescriptRatio}× the bare JavaScript-config build`,
      measured: coldRatio === undefined ? "not measured" : `${fixed(coldRatio)}×`,
      met: coldRatio === undefined ? undefined : coldRatio <= TARGETS.typescriptRatio,
    });
    verdicts.push({
      target: `/security/ weighs at most ${kb(TARGETS.pageGzipBytes)} gzip`,
      measured: typeof weight === "string" ? "not measured" : `${kb(weight.gzip)} gzip (${kb(weight.raw)} raw)`,
      met: typeof weight === "string" ? undefined : weight.gzip <= TARGETS.pageGzipBytes,
    });

    const bareRatio = (b: AgainstBare | undefined) => (b && !b.failure && b.full.length > 0 ? pairedRatio(b.full.map((r) => r.ms), b.bare.map((r) => r.ms)) : undefined);
    for (const [b, limit, what] of [
      [againstBare[0], TARGETS.bareRealRatio, `the real site, cold, Node ${process.version}`],
      [typeof onNode22 === "string" ? undefined : onNode22, TARGETS.bareRealRatioNode22, "the real site, cold, Node 22 with its compile cache"],
      [againstBare[1], TARGETS.bare1000Ratio, "1,000 pages"],
    ] as const) {
      const ratio = bareRatio(b);
      verdicts.push({ target: `npm run build at most ${limit}× bare Eleventy: ${what}`, measured: ratio === undefined ? "not measured" : `${fixed(ratio)}×`, met: ratio === undefined ? undefined : ratio <= limit });
    }
    // At 4,000 pages the time is reported in the table above, and the memory held to a target here.
    const memFull = againstBare[2] && !againstBare[2].failure ? mibOf(againstBare[2].full) : undefined;
    const memBare = againstBare[2] && !againstBare[2].failure ? mibOf(againstBare[2].bare) : undefined;
    verdicts.push({
      target: `peak memory at 4,000 pages at most ${TARGETS.bareMemoryRatio}× bare Eleventy's`,
      measured: memFull === undefined || memBare === undefined ? "not measured" : `${mib(memFull)} MiB against ${mib(memBare)} MiB (${fixed(memFull / memBare)}×)`,
      met: memFull === undefined || memBare === undefined ? undefined : memFull / memBare <= TARGETS.bareMemoryRatio,
    });
    const measuredReport = typeof report === "string" ? undefined : report;
    verdicts.push({
      target: `/security/ with a report page, all it loads in a browser, at most ${kb(TARGETS.pageGzipBytes)} gzip`,
      measured: measuredReport ? `${kb(total(measuredReport.policy, "gzip"))} gzip in ${measuredReport.policy.length} requests` : "not measured",
      met: measuredReport ? total(measuredReport.policy, "gzip") <= TARGETS.pageGzipBytes && measuredReport.elsewhere.length === 0 : undefined,
    });
    verdicts.push({
      target: `/security/report/ before use, all it loads, under ${kb(TARGETS.reportGzipBytes)} gzip`,
      measured: measuredReport ? `${kb(total(measuredReport.reportBefore, "gzip"))} gzip in ${measuredReport.reportBefore.length} requests` : "not measured",
      met: measuredReport ? total(measuredReport.reportBefore, "gzip") < TARGETS.reportGzipBytes && measuredReport.elsewhere.length === 0 : undefined,
    });
    verdicts.push({
      target: "Encrypt loads openpgp.js from the site itself, and only then",
      measured: measuredReport ? `${kb(total(measuredReport.encrypt, "gzip"))} gzip (${kb(total(measuredReport.encrypt, "raw"))} raw) in ${measuredReport.encrypt.length} requests` : "not measured",
      met: measuredReport
        ? measuredReport.encrypt.length > 0 &&
          measuredReport.encrypt.every((f) => f.path.startsWith("/assets/openpgp/")) &&
          [...measuredReport.policy, ...measuredReport.reportBefore].every((f) => !f.path.startsWith("/assets/openpgp/"))
        : undefined,
    });

    for (const [what, key] of [["the findings line", "findingsMs"], ["the reload signal", "reloadMs"]] as const) {
      const ms = typeof dev === "string" ? undefined : median(dev[key]);
      verdicts.push({
        target: `dev server: a save to ${what} in at most ${TARGETS.devFeedbackMs} ms (median)`,
        measured: ms === undefined ? "not measured" : `${Math.round(ms)} ms`,
        met: ms === undefined ? undefined : ms <= TARGETS.devFeedbackMs,
      });
    }

    const verifyMedian = typeof verify === "string" ? undefined : median(verify.ms);
    verdicts.push({
      target: `npm run verify of the real site's sources in under ${TARGETS.verifyMs / 1000} s (median)`,
      measured: verifyMedian === undefined ? "not measured" : `${Math.round(verifyMedian)} ms`,
      met: verifyMedian === undefined ? undefined : verifyMedian < TARGETS.verifyMs,
    });

    const checkMedian = typeof checked === "string" ? undefined : median(checked.ms);
    verdicts.push({
      target: `npm run check of one SECURITY.md with one key in at most ${TARGETS.checkMs} ms (median)`,
      measured: checkMedian === undefined ? "not measured" : `${Math.round(checkMedian)} ms`,
      met: checkMedian === undefined ? undefined : checkMedian <= TARGETS.checkMs,
    });

    say("## Targets");
    say();
    say(table(["target", "measured", "result"], verdicts.map((v) => [v.target, v.measured, v.met === undefined ? "not measured" : v.met ? "met" : "MISSED"]), 3));
    say();
    say(`Load average at the end: ${load()}. Bench took ${fixed((performance.now() - started) / 1000, 0)} s.`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  // Only when nothing can be measured (the synthetic site does not build at all): say why, without a stack.
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
