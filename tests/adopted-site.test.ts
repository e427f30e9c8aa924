/**
 * A made-up project adopts the site with `init`, on a copy, and the tests of the site as shipped
 * then run on that copy (POLICY_SITE): the real site's build, its pages in Chromium and the
 * README's key commands must hold for any project's content, not only for the sample's.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initCommand } from "../src/build/init/init-command.ts";
import { ROOT, WORK } from "./support/fixture-site.ts";

/** The tests that read whatever content/ holds. Lighthouse and the bench are left to the site's own run: they time nothing the adoption changes. */
const SITE_TESTS = ["tests/real-site.test.ts", "tests/readme-commands.test.ts", "tests/browser/reader-page.test.ts"];

function runVitest(site: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, POLICY_SITE: site };
  // The run's own global setup: its own work folder, and the gpg agents it starts stopped at its end.
  delete env.SECURITY_POLICY_SITE_TESTS_SET_UP;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--project", "sites", ...SITE_TESTS], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Bounded: the three files take about two minutes on a busy two-core machine.
    const timer = setTimeout(() => child.kill("SIGKILL"), 420_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("a project that adopts the site with init", () => {
  it("passes the tests of the site as shipped, run on its own content", async () => {
    mkdirSync(WORK, { recursive: true });
    const dir = mkdtempSync(path.join(WORK, "adopted-"));
    for (const folder of ["content", "_includes", "assets"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const said: string[] = [];
    const code = await initCommand(
      ["--name", "Acme Widgets", "--url", "https://security.acme.example", "--language", "en", "--language", "es", "--contact", `security@example.org=${path.join(ROOT, "tests/fixtures/keys/ed25519.asc")}`, "--yes"],
      { cwd: dir, stdout: (t) => said.push(t), stderr: (t) => said.push(t), today: new Date().toISOString().slice(0, 10) },
    );
    expect(code, said.join("")).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8"))).toMatchObject({ name: "Acme Widgets" });

    const run = await runVitest(dir);
    // eslint-disable-next-line no-control-regex
    const plain = run.output.replace(/\u001b\[[0-9;]*m/g, "");
    expect(run.code, plain.slice(-6000)).toBe(0);
    // Every file ran, and every test in it passed.
    expect(plain).toMatch(new RegExp(`Test Files\\s+${SITE_TESTS.length} passed \\(${SITE_TESTS.length}\\)`));
    expect(plain).not.toMatch(/\bskipped\b/);
  }, 480_000);
});
