import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./support/runtime.ts";
import { corpus, dated, findingLine, layOutFixture, parseFinding, ROOT, WORK } from "./support/fixture-site.ts";

/** `npm run build`'s command line, from package.json, so the test runs what a maintainer runs. */
const BUILD = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { build: string } }).scripts.build.split(" ");

/** Runs the build as `npm run build` does, in a laid-out fixture site. */
function cli(dir: string, ...args: string[]) {
  const [node, script, ...rest] = BUILD;
  expect(node).toBe("node");
  const run = spawnSync(process.execPath, [path.join(ROOT, script as string), ...rest, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, POLICY_STRICT: "", POLICY_CHECKS: "" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, all: `${run.stdout}${run.stderr}` };
}

const STACK_FRAME = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

describe("the build command", () => {
  it("a good site builds, exits 0 and says where it wrote", () => {
    const run = cli(layOutFixture("_base"));
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Built content\/ into public\/ in [\d.]+ s\.$/m);
    expect(run.code).toBe(0);
  });

  it("a warning alone exits 0; with --strict the same site exits 1 and public/ is not written", () => {
    const dir = layOutFixture("no-key-file");
    const relaxed = cli(dir);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr.trim().split("\n").map(parseFinding)).toMatchObject([{ rule: "fingerprint-unverified", severity: "warning" }]);

    const page = path.join(dir, "public/security/index.html");
    const before = readFileSync(page);
    writeFileSync(path.join(dir, "content/security.md"), readFileSync(path.join(dir, "content/security.md"), "utf8").replace("We answer", "We always answer"));
    const strict = cli(dir, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error: .*under --strict\) \[fingerprint-unverified\]/);
    expect(strict.stderr).toMatch(/Build failed in [\d.]+ s; public\/ is unchanged\./);
    expect(readFileSync(page)).toEqual(before);
  });

  it("POLICY_STRICT=1 is the same as --strict", () => {
    const run = spawnSync(process.execPath, [BIN, "build"], {
      cwd: layOutFixture("no-key-file"),
      encoding: "utf8",
      env: { ...process.env, POLICY_STRICT: "1", POLICY_CHECKS: "" },
    });
    expect(run.status).toBe(1);
  });

  it("the build refuses to run with the checks turned off", () => {
    const dir = layOutFixture("fingerprint-digit-mistyped");
    const run = spawnSync(process.execPath, [BIN, "build"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, POLICY_CHECKS: "off" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/POLICY_CHECKS=off turns the checks off for `npm run bench` only/);
    expect(existsSync(path.join(dir, "public"))).toBe(false);
  });

  // Every broken site of the corpus runs through the same command in tests/site-build.test.ts,
  // in the test's own process; here one runs as a process of its own, as `npm run build` does.
  it("a broken site, run as a process, exits 1 with one-line findings, exactly those it expects, and no stack trace", () => {
    const mixed = corpus().find((c) => c.fixture === "mixed-findings");
    expect(mixed, "the corpus case mixed-findings").toBeDefined();
    const run = cli(layOutFixture(mixed!.fixture));
    expect(run.code).toBe(1);
    expect(run.all).not.toMatch(STACK_FRAME);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^Build failed in [\d.]+ s; public\/ is unchanged\.$/);
    const findings = lines.slice(0, -1).map((l) => parseFinding(l));
    expect(findings.map((f) => (f === undefined ? "(not a finding line)" : dated(findingLine(f))))).toEqual(mixed!.findings);
  });

  it("an unknown option is refused with the usage", () => {
    const run = cli(layOutFixture("_base"), "--strcit");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--strcit'/);
    expect(run.stderr).toMatch(/usage: /);
  });

  it("--help prints the usage of every command on standard output, builds nothing and exits 0", () => {
    const dir = layOutFixture("_base");
    const run = cli(dir, "--help");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^usage: security-policy-site build /);
    expect(run.stdout).toMatch(/^ +security-policy-site start .*\[--host 127\.0\.0\.1\]/m);
    expect(existsSync(path.join(dir, "public"))).toBe(false);
  });

  it("--format json prints the findings as one JSON array on standard output, and the outcome on standard error", () => {
    const run = cli(layOutFixture("mixed-findings"), "--format", "json");
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; line: number; rule: string; severity: string }>;
    expect(findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`)).toEqual([
      "content/advisories.md:8 error link-insecure",
      "content/advisories.md:10 error anchor-missing",
      "content/security.md:11 error fingerprint-mismatch",
      "content/security.md:15 error mailto-undeclared",
    ]);
    expect(run.stderr).toMatch(/^Build failed in [\d.]+ s; public\/ is unchanged\.$/m);
  });

  it("--format json on a good site prints an empty array, and the outcome on standard error", () => {
    const run = cli(layOutFixture("_base"), "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toMatch(/^Built content\/ into public\/ in [\d.]+ s\.$/m);
  });

  it("--format github prints a workflow command per finding on standard output", () => {
    const run = cli(layOutFixture("mixed-findings"), "--format", "github");
    expect(run.code).toBe(1);
    const commands = run.stdout.trim().split("\n").filter((l) => !l.startsWith("::notice"));
    expect(commands).toHaveLength(4);
    expect(commands[2]).toMatch(/^::error file=content\/security\.md,line=11,col=\d+,title=fingerprint-mismatch::fingerprint 7FC1 /);
  });

  it("an unknown format is refused with the formats there are", () => {
    const run = cli(layOutFixture("_base"), "--format", "xml");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--format xml is not a format: use text, json, github$/m);
  });
});

describe("the compiled runtime", () => {
  /**
   * A copy of the project, so that what a test changes touches nothing of the repository: its
   * own sources and dist/, and a node_modules of links to the repository's packages, but for
   * those named in `own`, which are copied so that the test may edit them.
   */
  function copyOfProject(site: string, own: string[] = []) {
    const copy = mkdtempSync(path.join(WORK, "project-"));
    for (const entry of ["bin", "src", ".eleventy.ts", "package.json", "_includes", "assets"]) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    mkdirSync(path.join(copy, "node_modules"));
    for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
      const from = path.join(ROOT, "node_modules", name);
      if (own.includes(name)) cpSync(from, path.join(copy, "node_modules", name), { recursive: true });
      else symlinkSync(from, path.join(copy, "node_modules", name), "dir");
    }
    const build = () =>
      spawnSync(process.execPath, [path.join(copy, "bin/security-policy-site.mjs"), "build"], { cwd: site, encoding: "utf8", env: { ...process.env, POLICY_STRICT: "", POLICY_CHECKS: "" } });
    return { copy, build };
  }

  it("a dependency's file changed in node_modules shows in the next build: nothing of it is compiled into dist/", () => {
    const site = layOutFixture("_base");
    const page = path.join(site, "content/security.md");
    writeFileSync(page, `${readFileSync(page, "utf8")}\n> [!NOTE]\n> Reports are read every day.\n`);
    const { copy, build } = copyOfProject(site, ["markdown-it-github-alerts"]);
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const built = path.join(site, "public/security/index.html");
    expect(readFileSync(built, "utf8")).toContain('class="markdown-alert-title"');

    const plugin = path.join(copy, "node_modules/markdown-it-github-alerts/dist/index.mjs");
    const marker = `marker-${Date.now()}`;
    const text = readFileSync(plugin, "utf8");
    expect(text).toContain("${icon}${title}</p>");
    writeFileSync(plugin, text.replace("${icon}${title}</p>", `\${icon}\${title} ${marker}</p>`));
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(built, "utf8")).toContain(` ${marker}</p>`);
    // Only our own sources were compiled, each to one module of the same name.
    const compiledFiles = readdirSync(path.join(copy, "dist"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    const sources = readdirSync(path.join(copy, "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
    expect(compiledFiles.sort()).toEqual([".eleventy.js", ...sources.map((f) => path.join("src", f.replace(/\.ts$/, ".js")))].sort());
  });

  it("notices an edit in a nested source folder and compiles that file again before it builds; a removed source takes its module with it", () => {
    const site = layOutFixture("fingerprint-digit-mistyped");
    const { copy, build } = copyOfProject(site);

    expect(build().stderr).toMatch(/: error: .* \[fingerprint-mismatch\]$/m);
    const report = path.join(copy, "src/findings/report.ts");
    writeFileSync(report, readFileSync(report, "utf8").replace("return `${f.file}:${f.line}:${f.column}: ${f.severity}: ", "return `EDITED ${f.file}:${f.line}:${f.column}: ${f.severity}: "));
    expect(build().stderr).toMatch(/^EDITED content\/security\.md:\d+:\d+: error: .* \[fingerprint-mismatch\]$/m);

    writeFileSync(path.join(copy, "src/unused.ts"), "export const unused = 1;\n");
    build();
    expect(existsSync(path.join(copy, "dist/src/unused.js"))).toBe(true);
    rmSync(path.join(copy, "src/unused.ts"));
    build();
    expect(existsSync(path.join(copy, "dist/src/unused.js"))).toBe(false);
  });

  it("a source that cannot be compiled stops the command with its file, line and column, and no stack trace", () => {
    const site = layOutFixture("_base");
    const { copy, build } = copyOfProject(site);
    writeFileSync(path.join(copy, "src/broken.ts"), "export const a = 1;\nexport const b = (;\n");
    const run = build();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^src\/broken\.ts:2:\d+: error: .+$/m);
    expect(run.stderr).toMatch(/fix it and run the command again/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
    expect(existsSync(path.join(site, "public"))).toBe(false);
  });
});
