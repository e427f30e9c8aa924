import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpus, layOutFixture, parseFinding, ROOT, snapshot, WORK } from "./support/fixture-site.ts";

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

// The first build compiles the TypeScript once; the tests then share the compiled command.
beforeAll(() => {
  expect(cli(layOutFixture("_base")).code).toBe(0);
});

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
    const run = spawnSync(process.execPath, [path.join(ROOT, "src/build/run-compiled.mjs"), "build"], {
      cwd: layOutFixture("no-key-file"),
      encoding: "utf8",
      env: { ...process.env, POLICY_STRICT: "1", POLICY_CHECKS: "" },
    });
    expect(run.status).toBe(1);
  });

  it("the build refuses to run with the checks turned off", () => {
    const dir = layOutFixture("fingerprint-digit-mistyped");
    const run = spawnSync(process.execPath, [path.join(ROOT, "src/build/run-compiled.mjs"), "build"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, POLICY_CHECKS: "off" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/POLICY_CHECKS=off turns the checks off for `npm run bench` only/);
    expect(existsSync(path.join(dir, "public"))).toBe(false);
  });

  it.each(corpus())("the broken site $fixture exits 1 with one-line findings, $rule among them, and no stack trace", ({ fixture, rule, file, line }) => {
    const run = cli(layOutFixture(fixture));
    expect(run.code).toBe(1);
    expect(run.all).not.toMatch(STACK_FRAME);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^Build failed in [\d.]+ s; public\/ is unchanged\.$/);
    const findings = lines.slice(0, -1).map((l) => parseFinding(l));
    expect(findings.every((f) => f !== undefined), lines.join("\n")).toBe(true);
    expect(findings).toContainEqual(expect.objectContaining({ rule, file, line, severity: "error" }));
  });

  it("an unknown option is refused with the usage", () => {
    const run = cli(layOutFixture("_base"), "--strcit");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--strcit'/);
    expect(run.stderr).toMatch(/usage: /);
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

describe("the compiled build", () => {
  it("a second build, from the layouts Nunjucks compiled the first time, writes the same site; an edited layout is used at once", () => {
    const dir = layOutFixture("_base");
    const site = path.join(dir, "public");
    expect(cli(dir).code).toBe(0);
    const first = snapshot(site);
    const kept = path.join(dir, ".cache/nunjucks-templates.json");
    expect(Object.keys(JSON.parse(readFileSync(kept, "utf8")).templates).length).toBeGreaterThan(3);
    const written = statSync(kept).mtimeMs;

    expect(cli(dir).code).toBe(0);
    expect(snapshot(site)).toEqual(first);
    // Every layout came from the file: nothing was compiled, so nothing was added to it.
    expect(statSync(kept).mtimeMs).toBe(written);

    const footer = path.join(dir, "_includes/site-footer.njk");
    writeFileSync(footer, readFileSync(footer, "utf8").replace("<footer", '<footer data-edited="yes"'));
    expect(cli(dir).code).toBe(0);
    expect(readFileSync(path.join(site, "security/index.html"), "utf8")).toContain('<footer data-edited="yes"');
  });

  /** A copy of the project's sources, sharing its packages, so that what a test changes touches nothing of the repository; and a build of `site` with it. */
  function copyOfProject(site: string) {
    const copy = mkdtempSync(path.join(WORK, "project-"));
    for (const entry of ["src", ".eleventy.ts", "package.json", "_includes", "assets"]) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
    const build = () => spawnSync(process.execPath, [path.join(copy, "src/build/run-compiled.mjs"), "build"], { cwd: site, encoding: "utf8", env: { ...process.env, POLICY_STRICT: "", POLICY_CHECKS: "" } });
    return { copy, build };
  }

  it("runs from V8's code cache of the bundle, written by the first build; a cache V8 rejects is written again", () => {
    const site = layOutFixture("_base");
    const { copy, build } = copyOfProject(site);
    expect(build().status).toBe(0);
    const compiled = path.join(copy, ".cache/compiled");
    const hash = createHash("sha1").update(readFileSync(path.join(compiled, "bundle.cjs"))).digest("hex").slice(0, 16);
    const name = `bundle-${hash}-v8-${process.versions.v8}.v8-cache`;
    expect(readdirSync(compiled).filter((f) => f.endsWith(".v8-cache"))).toEqual([name]);
    const cache = path.join(compiled, name);
    const written = statSync(cache).mtimeMs;
    const first = snapshot(path.join(site, "public"));

    // Used as it is: not written again.
    expect(build().status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(snapshot(path.join(site, "public"))).toEqual(first);

    // Not a cache V8 made: rejected, the bundle compiled as usual, and a good cache written in its place.
    writeFileSync(cache, Buffer.alloc(64));
    const again = build();
    expect(again.status, again.stderr).toBe(0);
    expect(statSync(cache).size).toBeGreaterThan(64);
    expect(snapshot(path.join(site, "public"))).toEqual(first);
  });

  it("a build that fails writes no code cache: it may have stopped before most of the code ran", () => {
    const { copy, build } = copyOfProject(layOutFixture("fingerprint-digit-mistyped"));
    expect(build().status).toBe(1);
    expect(existsSync(path.join(copy, ".cache/compiled/bundle.cjs"))).toBe(true);
    expect(readdirSync(path.join(copy, ".cache/compiled")).filter((f) => f.endsWith(".v8-cache"))).toEqual([]);
  });

  it("notices an edit in a nested source folder and compiles again before it builds", () => {
    const site = layOutFixture("fingerprint-digit-mistyped");
    const { copy, build } = copyOfProject(site);

    expect(build().stderr).toMatch(/: error: .* \[fingerprint-mismatch\]$/m);
    const report = path.join(copy, "src/findings/report.ts");
    writeFileSync(report, readFileSync(report, "utf8").replace("return `${f.file}:${f.line}:${f.column}: ${f.severity}: ", "return `EDITED ${f.file}:${f.line}:${f.column}: ${f.severity}: "));
    expect(build().stderr).toMatch(/^EDITED content\/security\.md:\d+:\d+: error: .* \[fingerprint-mismatch\]$/m);
  });
});

