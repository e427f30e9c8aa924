import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDir, buildFixture, layOutFixture } from "./support/fixture-site.ts";

/** Each broken fixture, the rule it must trip, and where (file relative to the site, line). */
const BROKEN: Array<{ fixture: string; rule: string; file: string; line: number; says?: RegExp }> = [
  { fixture: "fingerprint-digit-mistyped", rule: "fingerprint-mismatch", file: "content/security.md", line: 11, says: /digit 40 is 2 where the declared fingerprint has 1/ },
  { fixture: "fingerprint-digit-missing", rule: "fingerprint-malformed", file: "content/security.md", line: 11, says: /39 hex digits/ },
  { fixture: "fingerprint-group-missing", rule: "fingerprint-malformed", file: "content/security.md", line: 11, says: /36 hex digits/ },
  { fixture: "fingerprint-not-hex", rule: "fingerprint-malformed", file: "content/security.md", line: 11, says: /"G", which is not a hex digit/ },
  { fixture: "keyserver-other-key-id", rule: "keyserver-mismatch", file: "content/security.md", line: 11, says: /E880C9B8C5B53E92/ },
  { fixture: "mailto-raw-space", rule: "mailto-invalid", file: "content/security.md", line: 9 },
  { fixture: "mailto-undeclared", rule: "mailto-undeclared", file: "content/security.md", line: 9, says: /secure@example\.org/ },
  { fixture: "mailto-cc-undeclared", rule: "mailto-undeclared", file: "content/security.md", line: 9, says: /sends a copy \(cc\) to friend@example\.net/ },
  { fixture: "mailto-text-mismatch", rule: "mailto-text-mismatch", file: "content/security.md", line: 9 },
  { fixture: "link-text-other-host", rule: "link-text-host", file: "content/security.md", line: 11, says: /pgp\.mit\.edu/ },
  { fixture: "mojibake", rule: "mojibake", file: "content/security.md", line: 15, says: /write "’"/ },
  { fixture: "encoding-crlf", rule: "mojibake", file: "content/security.md", line: 15, says: /write "’"/ },
  { fixture: "encoding-bom", rule: "mojibake", file: "content/security.md", line: 15, says: /write "’"/ },
  { fixture: "encoding-latin1", rule: "encoding-invalid", file: "content/security.md", line: 15, says: /byte 0xE9 is not UTF-8/ },
  { fixture: "anchor-missing", rule: "anchor-missing", file: "content/security.md", line: 15, says: /#reporting-vulnerabilities/ },
  { fixture: "layout-mailto-mismatch", rule: "mailto-text-mismatch", file: "_includes/site-footer.njk", line: 4 },
  { fixture: "key-expired", rule: "key-expired", file: "content/keys/expired@example.org.asc", line: 1, says: /expired on 2021-01-01/ },
  { fixture: "key-revoked", rule: "key-revoked", file: "content/keys/revoked@example.org.asc", line: 1 },
  { fixture: "key-sign-only", rule: "key-no-encryption", file: "content/keys/sign-only@example.org.asc", line: 1 },
  { fixture: "key-other-address", rule: "key-uid-mismatch", file: "content/keys/security@example.org.asc", line: 1, says: /alice@example\.org/ },
  { fixture: "key-private", rule: "key-private", file: "content/keys/private@example.org.asc", line: 1 },
  { fixture: "key-fingerprint-mismatch", rule: "key-fingerprint-mismatch", file: "content/keys/security@example.org.asc", line: 1 },
  { fixture: "key-truncated", rule: "key-unreadable", file: "content/keys/security@example.org.asc", line: 1 },
  { fixture: "data-missing", rule: "data-missing", file: "content/_data/security.json", line: 1 },
  { fixture: "data-wrong-type", rule: "data-invalid", file: "content/_data/security.json", line: 8, says: /"contacts\[0\]\.fingerprint" is the number 12345/ },
  { fixture: "data-broken-json", rule: "data-invalid", file: "content/_data/security.json", line: 4, says: /not valid JSON/ },
  { fixture: "data-http-url", rule: "data-invalid", file: "content/_data/security.json", line: 2, says: /https/ },
  { fixture: "front-matter-broken", rule: "front-matter-invalid", file: "content/security.md", line: 2, says: /bad indentation/ },
  { fixture: "layout-unknown", rule: "layout-missing", file: "content/security.md", line: 5, says: /layouts\/nowhere\.njk/ },
  { fixture: "permalink-duplicate", rule: "permalink-duplicate", file: "content/other.md", line: 3, says: /writes public\/security\/index\.html, and so does content\/security\.md/ },
  { fixture: "permalink-outside", rule: "permalink-outside", file: "content/security.md", line: 4, says: /"\/..\/..\/escaped.html"/ },
];

/** Every file under a folder with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
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

  it.each(BROKEN)("$fixture fails with $rule at $file:$line", async ({ fixture, rule, file, line, says }) => {
    const dir = layOutFixture(fixture);
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
    if (says) expect(hit?.message).toMatch(says);
    expect(build.lines.join("\n")).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(snapshot(build.output)).toEqual(before);
  });

  it("a missing key file is a warning: the build passes, and fails under strict", async () => {
    const relaxed = await buildFixture("no-key-file");
    expect(relaxed.ok).toBe(true);

    expect(relaxed.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "warning", file: "content/_data/security.json", line: 8 }]);

    const strict = await buildFixture("no-key-file", { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "error" }]);
  });
});
