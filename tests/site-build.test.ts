import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDir, buildFixture, corpus, type Expectation, layOutFixture, snapshot } from "./support/fixture-site.ts";

const CORPUS = corpus();


describe("fixture sites", () => {
  it("the base fixture builds with no findings and writes the policy page", async () => {
    const build = await buildFixture("_base");
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);
    const html = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    expect(html).toContain('<h2 id="reporting-a-vulnerability">');
    expect(html).not.toContain("policy-source:");
  });

  it("a fingerprint written unbroken in lower case is accepted", async () => {
    const build = await buildFixture("fingerprint-lower-case-unbroken");
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);
  });

  it("a keyserver link by the key's long key ID is accepted", async () => {
    const build = await buildFixture("keyserver-key-id");
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);
  });

  it.each(["key-v6", "key-rsa"])("a site with the %s key passes", async (fixture) => {
    const build = await buildFixture(fixture);
    expect(build.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(build.ok).toBe(true);
  });

  it("the corpus holds at least 30 broken sites", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS)("$fixture fails with $rule at $file:$line", async ({ fixture, rule, file, line, says }) => {
    const dir = layOutFixture(fixture);
    await expectFailure(dir, { rule, file, line, says });
  });

  it("a 5 MB page fails as too large, and leaves the last good build alone", async () => {
    const dir = layOutFixture("_base");
    const page = path.join(dir, "content/security.md");
    const paragraph = "We read every report and answer within a day. ".repeat(20);
    writeFileSync(page, `${readFileSync(page, "utf8")}\n${`${paragraph}\n\n`.repeat(Math.ceil((5 * 1_048_576) / (paragraph.length + 2)))}`);
    await expectFailure(dir, { rule: "page-too-large", file: "content/security.md", line: 1, says: "the page is 5\\.0 MB" });
  });

  async function expectFailure(dir: string, { rule, file, line, says }: Omit<Expectation, "fixture">) {
    // A good build first: the broken one must leave it exactly as it was.
    const good = await buildDir(layOutFixture("_base"), { output: path.join(dir, "public") });
    expect(good.ok).toBe(true);
    const before = snapshot(good.output);

    const build = await buildDir(dir);
    expect(build.ok).toBe(false);
    const hit = build.findings.find((f) => f.rule === rule && f.file === file) ?? build.findings.find((f) => f.rule === rule);
    expect(hit, `no ${rule} finding in:\n${build.lines.join("\n")}`).toBeDefined();
    expect(hit?.severity).toBe("error");
    expect(hit?.file).toBe(file);
    expect(hit?.line).toBe(line);
    if (says) expect(hit?.message).toMatch(new RegExp(says));
    expect(build.lines.join("\n")).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(snapshot(build.output)).toEqual(before);
  }

  it("a missing key file is a warning: the build passes, and fails under strict", async () => {
    const relaxed = await buildFixture("no-key-file");
    expect(relaxed.ok).toBe(true);

    expect(relaxed.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "warning", file: "content/_data/security.json", line: 8 }]);

    const strict = await buildFixture("no-key-file", { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "error" }]);
  });
});
