/**
 * The build on each Node line it supports: the same site, byte for byte, from Node 20 and from
 * Node 22. Node 22 comes from npm's cache (`npx -y node@22`, which the README's test command and
 * .ci/run run once beforehand); the test itself asks no registry.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteWithAdvisories } from "./support/advisory-site.ts";
import { snapshot } from "./support/fixture-site.ts";
import { BIN } from "./support/runtime.ts";

/** The Node 22 in npm's cache, or why there is none. */
function node22(): string {
  const found = spawnSync("npx", ["--offline", "-y", "node@22", "-p", "process.execPath + ' ' + process.version"], { encoding: "utf8", timeout: 60_000 });
  const [execPath, version] = (found.stdout ?? "").trim().split("\n").at(-1)?.split(" ") ?? [];
  if (found.status !== 0 || !execPath || !version?.startsWith("v22.")) {
    throw new Error(`no Node 22 in npm's cache: run npx -y node@22 --version once (the README's test command does). npx said: ${(found.stderr ?? "").trim().split("\n").at(-1) ?? ""}`);
  }
  return execPath;
}

describe("Node versions", () => {
  it("the build writes the same site, byte for byte, on Node 20 and on Node 22", () => {
    const node = node22();
    const { dir } = siteWithAdvisories();
    const build = (executable: string, output: string) => {
      const run = spawnSync(executable, [BIN, "build", "--output", output], { cwd: dir, encoding: "utf8", env: { ...process.env, POLICY_STRICT: "", POLICY_CHECKS: "" }, timeout: 60_000 });
      expect(run.status, `${executable}: ${run.stderr}`).toBe(0);
      return snapshot(path.join(dir, output));
    };
    const on20 = build(process.execPath, "public-node20");
    const on22 = build(node, "public-node22");
    expect(process.version).toMatch(/^v20\./);
    expect(Object.keys(on20).length).toBeGreaterThan(20);
    expect(on22).toEqual(on20);
  }, 120_000);
});
