import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";
import type { OutputFormat } from "../../src/findings/report.ts";
import { COMPILED_CONFIG, compiled } from "./runtime.ts";
import { WORK } from "./work.ts";

const { buildSite } = await compiled<typeof import("../../src/build/build.ts")>("src/build/build.ts");
const { runCommand } = await compiled<typeof import("../../src/build/command.ts")>("src/build/command.ts");

export { WORK };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/sites");


export interface ParsedFinding {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  message: string;
  rule: string;
}

export interface FixtureBuild {
  ok: boolean;
  /** Every line the build printed. */
  lines: string[];
  /** What it printed on standard output (the report, in the JSON and GitHub formats). */
  stdout: string;
  findings: ParsedFinding[];
  /** The site folder (holding content/) and its output folder. */
  dir: string;
  output: string;
}

const FINDING = /^(.+?):(\d+):(\d+): (error|warning): (.*) \[([a-z0-9-]+)\]$/;

export function parseFinding(line: string): ParsedFinding | undefined {
  const m = FINDING.exec(line);
  if (!m) return undefined;
  return {
    file: m[1] as string,
    line: Number(m[2]),
    column: Number(m[3]),
    severity: m[4] as "error" | "warning",
    message: m[5] as string,
    rule: m[6] as string,
  };
}

/**
 * Lays out a fixture site: tests/fixtures/sites/_base with the case's folder on top.
 * A case's `remove.txt` lists base files it takes away (a missing data file, say).
 */
export function layOutFixture(name: string): string {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, `${name}-`));
  cpSync(path.join(FIXTURES, "_base"), dir, { recursive: true });
  // The site's own layouts, unless the case brings its own.
  cpSync(path.join(ROOT, "_includes"), path.join(dir, "_includes"), { recursive: true });
  // And its interface strings, unless the case brings its own.
  cpSync(path.join(ROOT, "content/_data/strings"), path.join(dir, "content/_data/strings"), { recursive: true });
  // And where advisories are published, and how: the advisories folder's data, with no advisory.
  cpSync(path.join(ROOT, "content/advisories/advisories.11tydata.mjs"), path.join(dir, "content/advisories/advisories.11tydata.mjs"));
  const own = path.join(FIXTURES, name);
  if (name !== "_base") {
    if (!existsSync(own)) throw new Error(`no fixture site at ${own}`);
    cpSync(own, dir, { recursive: true });
  }
  datedData(path.join(dir, "content/_data/security.json"));
  const removals = path.join(dir, "remove.txt");
  if (existsSync(removals)) {
    for (const file of readFileSync(removals, "utf8").split("\n").filter(Boolean)) rmSync(path.join(dir, file), { force: true, recursive: true });
    rmSync(removals);
  }
  return dir;
}

/**
 * A fixture's site data says when its policy was reviewed relative to the day the tests run,
 * `"{{ today }}"` or `"{{ today - 200 }}"`, so that a fixture does not go stale with the calendar.
 */
function datedData(file: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const dated = text.replace(/\{\{ today(?: - (\d+))? \}\}/g, (_, days?: string) => new Date(Date.now() - Number(days ?? 0) * 86_400_000).toISOString().slice(0, 10));
  if (dated !== text) writeFileSync(file, dated);
}

/**
 * Builds a laid-out site the way `npm run build` does, with the site's folder as the root
 * findings are named from, and collects what it printed.
 */
export async function buildDir(
  dir: string,
  options: { strict?: boolean; output?: string; format?: OutputFormat; checkPages?: boolean } = {},
): Promise<FixtureBuild> {
  const output = options.output ?? path.join(dir, "public");
  const lines: string[] = [];
  const stdout: string[] = [];
  const capture = (into: string[]) => (text: string) => {
    into.push(text);
    lines.push(...text.split("\n").filter((l) => l.trim() !== ""));
  };
  // Eleventy itself may still write to the process's streams: that would show here as a stray line.
  const stray = (chunk: unknown) => {
    lines.push(...String(chunk).split("\n").filter((l) => l.trim() !== ""));
    return true;
  };
  const spies = [vi.spyOn(process.stderr, "write").mockImplementation(stray as typeof process.stderr.write), vi.spyOn(process.stdout, "write").mockImplementation(stray as typeof process.stdout.write)];
  try {
    const result = await buildSite({
      input: "content",
      output,
      root: dir,
      configPath: COMPILED_CONFIG,
      strict: options.strict ?? false,
      format: options.format ?? "text",
      checkPages: options.checkPages ?? true,
      streams: { stdout: capture(stdout), stderr: capture([]) },
    });
    const findings = lines.map(parseFinding).filter((f): f is ParsedFinding => f !== undefined);
    return { ok: result.ok, lines, stdout: stdout.join(""), findings, dir, output };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** What a command printed, and the exit code it ended with. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Both streams, and anything else written to the process's own (which a command must not do). */
  all: string;
}

/**
 * Runs the command `npm run build -- <args>` runs (src/build/command.ts, as compiled), in this
 * process, in a laid-out site: the same arguments, environment and output as the process
 * bin/security-policy-site.mjs starts, without starting one. tests/cli.test.ts runs the real
 * process; the corpus runs here, so that each broken site costs one build, not a Node start too.
 */
export async function runBuildCommand(dir: string, ...args: string[]): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  const into = (list: string[]) => (text: string) => {
    list.push(text);
    all.push(text);
  };
  const stray = (chunk: unknown) => {
    all.push(String(chunk));
    return true;
  };
  const spies = [vi.spyOn(process.stderr, "write").mockImplementation(stray as typeof process.stderr.write), vi.spyOn(process.stdout, "write").mockImplementation(stray as typeof process.stdout.write)];
  try {
    const code = await runCommand(["build", ...args], { cwd: dir, env: {}, streams: { stdout: into(out), stderr: into(err) } });
    return { code, stdout: out.join(""), stderr: err.join(""), all: all.join("") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Every file under a folder, by path, with the SHA-256 of its bytes: to prove a folder unchanged. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (p: string) => {
    for (const entry of readdirSync(p)) {
      const full = path.join(p, entry);
      if (statSync(full).isDirectory()) visit(full);
      else files[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  visit(dir);
  return files;
}

/**
 * A broken site of the corpus: the rule it is about and where (its name in the test list), and
 * every finding its build must print, exactly and in order, with the dates that depend on the
 * day the tests run written as `{{ today }}`, `{{ today - N }}` and `{{ now }}` (see `dated`).
 */
export interface Expectation {
  fixture: string;
  rule: string;
  file: string;
  line: number;
  findings: string[];
}

/** A finding as the build prints it in the text format. */
export function findingLine(f: ParsedFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
}

const DAY = 86_400_000;

/**
 * A printed finding with what depends on when the tests run written as placeholders: a moment
 * within a day of `now` is `{{ now }}`; a day within 400 days of today is `{{ today }}` or
 * `{{ today - N }}` / `{{ today + N }}` (the fixtures' data dates itself from the day the tests
 * run, and fixed dates in the fixtures are further away); and the count of days from the build
 * to a fixed moment is `{{ days }}`.
 */
export function dated(line: string, now = new Date()): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return line
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g, (moment) => {
      const at = Date.parse(moment);
      return Math.abs(at - now.getTime()) < DAY && !moment.endsWith("T00:00:00Z") ? "{{ now }}" : moment;
    })
    .replace(/(?<!\d)(\d{4}-\d\d-\d\d)(?!\d)/g, (day) => {
      const offset = Math.round((Date.parse(`${day}T00:00:00Z`) - today) / DAY);
      if (Number.isNaN(offset) || Math.abs(offset) > 400) return day;
      return offset === 0 ? "{{ today }}" : `{{ today ${offset < 0 ? "-" : "+"} ${Math.abs(offset)} }}`;
    })
    .replace(/\b\d+ days after the build\b/g, "{{ days }} days after the build");
}

/** Every fixture folder with an `expect.json`. */
export function corpus(): Expectation[] {
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(path.join(FIXTURES, name, "expect.json")))
    .map((fixture) => ({ fixture, ...(JSON.parse(readFileSync(path.join(FIXTURES, fixture, "expect.json"), "utf8")) as Omit<Expectation, "fixture">) }));
}

export async function buildFixture(name: string, options: { strict?: boolean } = {}): Promise<FixtureBuild> {
  return buildDir(layOutFixture(name), options);
}
