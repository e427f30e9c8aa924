import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readableDate } from "../src/formats/date.ts";
import { hasTemplateSyntax } from "../src/plugins/markdown-templates.ts";
import { buildDir, buildFixture, corpus, dated, type Expectation, findingLine, layOutFixture, parseFinding, runBuildCommand, snapshot } from "./support/fixture-site.ts";

/** A line of a stack trace, which no command may print. */
const STACK_FRAME = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

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

  it.each(CORPUS)("$fixture fails with $rule at $file:$line: the build command exits 1 with exactly the findings it expects, and public/ as it was", async ({ fixture, rule, file, line, findings }) => {
    const run = await expectFailure(layOutFixture(fixture), { rule, file, line });
    // Every finding, as printed: a new false positive, a lost finding or a changed message fails here.
    expect(run.findings.map((f) => dated(findingLine(f)))).toEqual(findings);
  });

  it("a 5 MB page fails as too large, and leaves the last good build alone", async () => {
    const dir = layOutFixture("_base");
    const page = path.join(dir, "content/security.md");
    const paragraph = "We read every report and answer within a day. ".repeat(20);
    writeFileSync(page, `${readFileSync(page, "utf8")}\n${`${paragraph}\n\n`.repeat(Math.ceil((5 * 1_048_576) / (paragraph.length + 2)))}`);
    const run = await expectFailure(dir, { rule: "page-too-large", file: "content/security.md", line: 1 });
    expect(run.findings.find((f) => f.rule === "page-too-large")?.message).toMatch(/the page is 5\.0 MB/);
  });

  /** The base fixture's good build, made once: each broken case starts from a copy of it in its public/. */
  let goodBuild: Promise<string> | undefined;
  function good(): Promise<string> {
    goodBuild ??= (async () => {
      const build = await buildDir(layOutFixture("_base"));
      expect(build.ok, build.lines.join("\n")).toBe(true);
      return build.output;
    })();
    return goodBuild;
  }

  /**
   * Runs the build command in a broken site whose public/ holds a good build: it must exit 1,
   * print one line per finding and then that the build failed, no stack trace, and leave public/
   * exactly as it was.
   */
  async function expectFailure(dir: string, { rule, file, line }: Pick<Expectation, "rule" | "file" | "line">) {
    const output = path.join(dir, "public");
    cpSync(await good(), output, { recursive: true });
    const before = snapshot(output);

    const run = await runBuildCommand(dir);
    expect(run.code, run.all).toBe(1);
    expect(run.all).not.toMatch(STACK_FRAME);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^Build failed in [\d.]+ s; public\/ is unchanged\.$/);
    const findings = lines.slice(0, -1).map((l) => parseFinding(l) ?? { file: "", line: 0, column: 0, severity: "error" as const, rule: "", message: `(not a finding line) ${l}` });
    const hit = findings.find((f) => f.rule === rule && f.file === file) ?? findings.find((f) => f.rule === rule);
    expect(hit, `no ${rule} finding in:\n${run.stderr}`).toBeDefined();
    expect(hit?.severity).toBe("error");
    expect(hit?.file).toBe(file);
    expect(hit?.line).toBe(line);
    expect(snapshot(output)).toEqual(before);
    return { ...run, findings };
  }

  it("a good build replaces the last one at once, and its old files are removed afterwards, off the build's path", async () => {
    const dir = layOutFixture("_base");
    const output = path.join(dir, "public");
    expect((await buildDir(dir, { output })).ok).toBe(true);
    writeFileSync(path.join(output, "left-from-the-last-build.txt"), "old");
    expect((await buildDir(dir, { output })).ok).toBe(true);
    // The new site is in place when the build returns.
    expect(existsSync(path.join(output, "left-from-the-last-build.txt"))).toBe(false);
    expect(existsSync(path.join(output, "security/index.html"))).toBe(true);
    // The old one, moved aside, is gone soon after: polled for at most 10 s.
    const aside = () => readdirSync(dir).filter((name) => name.startsWith(".public-staging-"));
    for (let i = 0; i < 200 && aside().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(aside()).toEqual([]);
  });

  it("a Markdown page with template syntax is still a Nunjucks template; one without is rendered the same by markdown-it alone", async () => {
    expect(hasTemplateSyntax("Report to {{ security.name }}")).toBe(true);
    expect(hasTemplateSyntax("{% if x %}")).toBe(true);
    expect(hasTemplateSyntax("a {#comment#}")).toBe(true);
    expect(hasTemplateSyntax("JSON such as {\"a\": {}} and a {placeholder}")).toBe(false);
    const dir = layOutFixture("_base");
    writeFileSync(path.join(dir, "content/about.md"), "---\ntitle: About\npermalink: /about/\n---\n\nThe {{ security.name }} project; a literal {name} stays.\n");
    const build = await buildDir(dir);
    expect(build.ok, build.lines.join("\n")).toBe(true);
    expect(readFileSync(path.join(build.output, "about/index.html"), "utf8")).toContain("<p>The Example project; a literal {name} stays.</p>");
  });

  it("a missing key file is a warning: the build passes, and fails under strict", async () => {
    const relaxed = await buildFixture("no-key-file");
    expect(relaxed.ok).toBe(true);

    expect(relaxed.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "warning", file: "content/_data/security.json", line: 8 }]);

    const strict = await buildFixture("no-key-file", { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "error" }]);
  });

  it("a key file named after no contact is an error: the key is neither checked nor published", async () => {
    const dir = layOutFixture("_base");
    cpSync(path.join(dir, "content/keys/security@example.org.asc"), path.join(dir, "content/keys/old-team@example.org.asc"));
    const build = await buildDir(dir);
    expect(build.ok).toBe(false);
    expect(build.findings).toMatchObject([{ rule: "key-unused", severity: "error", file: "content/keys/old-team@example.org.asc", line: 1 }]);
    expect(existsSync(path.join(build.output, "security/keys/old-team@example.org.asc"))).toBe(false);
  });
});

describe("one road for findings", () => {
  it("every finding of several rules on several pages is printed, sorted by file and line; no page's error hides another's", async () => {
    const build = await buildFixture("mixed-findings");
    expect(build.ok).toBe(false);
    expect(build.findings.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      "content/advisories.md:8 link-insecure",
      "content/advisories.md:10 anchor-missing",
      "content/security.md:11 fingerprint-mismatch",
      "content/security.md:15 mailto-undeclared",
    ]);
  });

  it("--format json prints the same findings as one JSON array, and nothing else, on standard output", async () => {
    const text = await buildFixture("mixed-findings");
    const json = await buildDir(layOutFixture("mixed-findings"), { format: "json" });
    expect(json.ok).toBe(false);
    const printed = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(printed.map((f) => Object.keys(f))).toEqual(printed.map(() => ["file", "line", "column", "severity", "rule", "message"]));
    expect(printed).toEqual(text.findings);
  });

  it("--format github prints one workflow command per finding, each naming its file, line, column and rule", async () => {
    const text = await buildFixture("mixed-findings");
    const github = await buildDir(layOutFixture("mixed-findings"), { format: "github" });
    const commands = github.stdout.trim().split("\n").filter((l) => !l.startsWith("::notice"));
    expect(commands).toEqual(text.findings.map((f) => `::${f.severity} file=${f.file},line=${f.line},col=${f.column},title=${f.rule}::${f.message}`));
  });

  it("a syntax error in the site data is reported once, where the JSON breaks, not again as Eleventy's own error", async () => {
    const build = await buildFixture("data-broken-json");
    expect(build.findings.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual(["content/_data/security.json:4 data-invalid"]);
  });

  it("a duplicated key in the site data is an error at the second key, not a value silently lost", async () => {
    const build = await buildFixture("data-duplicate-key");
    expect(build.findings).toContainEqual(
      expect.objectContaining({ rule: "data-duplicate-key", file: "content/_data/security.json", line: 9, column: 7 }),
    );
  });
});

describe("comments that turn rules off", () => {
  it("used well: the build passes, each suppressed place is one notice, and the comments are not published", async () => {
    const build = await buildFixture("suppress-checksum");
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);
    const notices = build.lines.filter((l) => / notice: /.test(l));
    expect(notices).toEqual([
      expect.stringMatching(/^content\/security\.md:22:26: notice: fingerprint-mismatch turned off here by the comment on line 21: fingerprint 9F86 D081 .* is not the declared fingerprint of security@example\.org/),
      expect.stringMatching(/^content\/security\.md:25:22: notice: mojibake turned off here by the comment on line 24: "â€™" is UTF-8 text mis-decoded as Windows-1252/),
    ]);
    const html = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    expect(html).not.toContain("policy-checks-");
    expect(html).toContain("9F86 D081");
  });

  it("used badly: a secret-keeping rule is an error, an unknown id, an unused id and a comment with no rule are warnings", async () => {
    const build = await buildFixture("suppress-misused");
    expect(build.ok).toBe(false);
    expect(build.findings.map(({ line, rule, severity }) => `${line} ${severity} ${rule}`)).toEqual([
      "19 error suppression-forbidden",
      "19 warning suppression-unknown",
      "22 warning suppression-unused",
      "25 warning suppression-unknown",
    ]);
    expect(build.findings.find((f) => f.rule === "suppression-unknown")?.message).toMatch(/"fingerprint-malfromed" .* did you mean "fingerprint-malformed"\?/);
    // The rule the comment named correctly is still turned off, and says so.
    expect(build.lines.filter((l) => / notice: fingerprint-mismatch turned off/.test(l))).toHaveLength(1);
  });

  it("under --strict a suppression's warnings fail the build too", async () => {
    const dir = layOutFixture("suppress-checksum");
    const page = path.join(dir, "content/security.md");
    writeFileSync(page, readFileSync(page, "utf8").replace("disable-next-line fingerprint-mismatch", "disable-next-line fingerprint-mismatch fingerprint-malformed"));
    const build = await buildDir(dir, { strict: true });
    expect(build.ok).toBe(false);
    expect(build.findings).toMatchObject([{ rule: "suppression-unused", severity: "error", line: 21 }]);
  });
});

describe("an Expires that means a person reviewed the policy", () => {
  const today = () => new Date().toISOString().slice(0, 10);

  it("the policy page says when it was last reviewed, in a <time> element", async () => {
    const build = await buildFixture("_base");
    const html = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    expect(html).toContain(`<p class="reviewed">Last reviewed <time datetime="${today()}">${readableDate(today(), "en")}</time></p>`);
  });

  it("Expires counts from the review, not from the build", async () => {
    const dir = layOutFixture("_base");
    const data = path.join(dir, "content/_data/security.json");
    const reviewed = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(data, readFileSync(data, "utf8").replace(`"reviewed": "${today()}"`, `"reviewed": "${reviewed}"`));
    const build = await buildDir(dir);
    expect(build.ok).toBe(true);
    const expires = /^Expires: (\S+)$/m.exec(readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8"))?.[1];
    expect(expires).toBe(new Date(Date.parse(`${reviewed}T00:00:00Z`) + 180 * 86_400_000).toISOString().replace(".000Z", "Z"));
  });

  it("within 30 days of Expires the build warns that a review is due, and still publishes", async () => {
    const dir = layOutFixture("_base");
    const data = path.join(dir, "content/_data/security.json");
    writeFileSync(data, readFileSync(data, "utf8").replace(`"reviewed": "${today()}"`, `"reviewed": "${new Date(Date.now() - 165 * 86_400_000).toISOString().slice(0, 10)}"`));
    const build = await buildDir(dir);
    expect(build.ok).toBe(true);
    expect(build.findings).toMatchObject([
      { rule: "securitytxt-expiring", severity: "warning", file: "content/_data/security.json", line: 11, message: expect.stringMatching(/^security\.txt expires on \d{4}-\d{2}-\d{2}, in 1[45] days: review the policy, then set "reviewed" to the day of the review/) },
    ]);
    expect(existsSync(path.join(build.output, ".well-known/security.txt"))).toBe(true);
    const strict = await buildDir(dir, { strict: true });
    expect(strict.ok).toBe(false);
  });
});

