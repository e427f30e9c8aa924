import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpus, layOutFixture, parseFinding, ROOT } from "./support/fixture-site.ts";

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
});
