/**
 * Advisories as their authors write them: each field read with its line, every check at the
 * line it is about, and the OSV record made from them, valid against OSV's own schema
 * (tests/fixtures/specs/osv-schema.json, ossf/osv-schema's validation/schema.json).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAdvisory } from "../src/formats/advisory.ts";
import { ratingOf, scoreVector } from "../src/formats/cvss.ts";
import { affectedText, creditedPeople, fixedText } from "../src/plugins/advisories.ts";
import { osvRecord } from "../src/publish/osv.ts";
import { csafDistributionFiles, withVersion } from "../src/publish/csaf.ts";
import { validateProviderMetadata } from "./support/csaf-provider-schema.ts";
import { parseRfc3339 } from "../src/formats/security-txt.ts";
import { checkAdvisories, compareVersions, idProblem } from "../src/rules/advisory.ts";
import { ADVISORY_PRODUCTS } from "./support/advisory-site.ts";
import { ROOT } from "./support/fixture-site.ts";
import { validateOsv } from "./support/osv-schema.ts";

const NOW = new Date("2026-11-25T00:00:00Z");
const FIXTURES = path.join(ROOT, "tests/fixtures/advisories");
const fixture = (name: string) => ({ file: `content/advisories/${name}`, text: readFileSync(path.join(FIXTURES, name), "utf8") });
const GOOD = ["GHSA-2c4m-59x9-fr2g.md", "CVE-2025-31337.md", "GHSA-w8qv-6jwh-64r5.md"];
/** The site data's products, those the fixture advisories are about. */
const DECLARED = { file: "content/_data/security.json", products: ADVISORY_PRODUCTS };


/** An advisory file from the first good one, with `edit` applied to its text. */
function edited(edit: (text: string) => string, name = "GHSA-2c4m-59x9-fr2g.md") {
  const base = fixture("GHSA-2c4m-59x9-fr2g.md");
  return { file: `content/advisories/${name}`, text: edit(base.text) };
}

function findingsOf(...files: Array<{ file: string; text: string }>) {
  return checkAdvisories(files, NOW, DECLARED).findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.rule}: ${f.message}`);
}

/** The line of the first line of `text` that starts with `start`, 1-based. */
function lineOf(text: string, start: string): number {
  return text.split("\n").findIndex((l) => l.trimStart().startsWith(start)) + 1;
}

describe("good advisories", () => {
  it("three advisories in three ecosystems pass every check, and come out newest first", () => {
    const { advisories, findings } = checkAdvisories(GOOD.map(fixture), NOW, DECLARED);
    expect(findings).toEqual([]);
    expect(advisories.map((a) => a.id)).toEqual(["GHSA-w8qv-6jwh-64r5", "CVE-2025-31337", "GHSA-2c4m-59x9-fr2g"]);
    expect(new Set(advisories.flatMap((a) => a.affected.map((p) => p.ecosystem)))).toEqual(new Set(["npm", "PyPI", "Maven", "GIT"]));
  });

  it("each is a valid OSV record, field for field the front matter", () => {
    const { advisories } = checkAdvisories(GOOD.map(fixture), NOW, DECLARED);
    for (const advisory of advisories) {
      const record = osvRecord(advisory, `https://example.org/security/advisories/${advisory.id}/`);
      expect(validateOsv(record), `${advisory.id}: ${JSON.stringify(validateOsv.errors)}`).toBe(true);
      expect(record.id).toBe(advisory.id);
      expect(record.modified).toBe(advisory.modified);
      expect(record.published).toBe(advisory.published);
      expect(record.summary).toBe(advisory.summary);
      expect(record).not.toHaveProperty("database_specific");
    }
    const npm = osvRecord(advisories.find((a) => a.id === "GHSA-2c4m-59x9-fr2g")!, "https://example.org/security/advisories/GHSA-2c4m-59x9-fr2g/");
    expect(npm).toEqual({
      schema_version: "1.6.0",
      id: "GHSA-2c4m-59x9-fr2g",
      modified: "2025-03-04T10:00:00Z",
      published: "2025-03-01T09:30:00Z",
      aliases: ["CVE-2025-24981"],
      summary: "Prototype pollution in the options parser lets a crafted request change every later request's defaults.",
      details: expect.stringContaining("`parseOptions`"),
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
      affected: [{ package: { ecosystem: "npm", name: "@example/options" }, ranges: [{ type: "SEMVER", events: [{ introduced: "2.0.0" }, { fixed: "2.4.3" }] }] }],
      references: [
        { type: "ADVISORY", url: "https://example.org/security/advisories/GHSA-2c4m-59x9-fr2g/" },
        { type: "FIX", url: "https://github.com/example/options/commit/4f6c2b9d0e1a3c5b7d9f1e2a4c6b8d0f2e4a6c8b" },
        { type: "ADVISORY", url: "https://github.com/advisories/GHSA-2c4m-59x9-fr2g" },
      ],
      credits: [
        { name: "Ana Researcher", contact: ["mailto:ana@example.net"], type: "FINDER" },
        { name: "Bo Maintainer", type: "REMEDIATION_DEVELOPER" },
      ],
    });
  });

  it("the severity's score and rating come from the vector alone, v3.1 and v4.0", () => {
    const { advisories } = checkAdvisories(GOOD.map(fixture), NOW, DECLARED);
    const byId = new Map(advisories.map((a) => [a.id, a]));
    expect(byId.get("GHSA-2c4m-59x9-fr2g")?.severity).toEqual({ vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", version: "3.1", score: 9.8, rating: "Critical" });
    expect(byId.get("CVE-2025-31337")?.severity).toMatchObject({ version: "4.0", score: 9.3, rating: "Critical" });
    expect(byId.get("GHSA-w8qv-6jwh-64r5")?.severity).toMatchObject({ version: "3.1", score: 5.3, rating: "Medium" });
  });

  it("the versions read as a researcher checks theirs, and the credits once per person", () => {
    const { advisories } = checkAdvisories(GOOD.map(fixture), NOW, DECLARED);
    const say = (key: string, values: Record<string, string> = {}) => `${key}(${Object.values(values).join(",")})`;
    const pypi = advisories.find((a) => a.id === "CVE-2025-31337")!.affected[0]!;
    expect(affectedText(pypi, say)).toBe("rangeFromThrough(1.2,1.4.2)");
    expect(fixedText(pypi, (k) => k)).toBe("fixedNone");
    expect(creditedPeople(advisories).map((p) => [p.name, p.credits.map((c) => c.id)])).toEqual([
      ["Ana Researcher", ["GHSA-2c4m-59x9-fr2g", "GHSA-w8qv-6jwh-64r5"]],
      ["Bo Maintainer", ["GHSA-2c4m-59x9-fr2g"]],
      ["Chidi Okafor", ["CVE-2025-31337"]],
    ]);
  });
});

describe("each check, at its line", () => {
  it("a missing summary is at the top, naming the field", () => {
    const file = edited((t) => t.replace(/^summary:.*\n/m, ""));
    expect(findingsOf(file)).toEqual(["content/advisories/GHSA-2c4m-59x9-fr2g.md:1:1: advisory-field: the advisory has no `summary`: one sentence: what an attacker can do, in what"]);
  });

  it("a misspelt field, a list where text belongs, an unknown credit type and ecosystem are each at their line", () => {
    const file = edited((t) => t.replace("title:", "titel:").replace("type: FINDER", "type: DISCOVERER").replace("ecosystem: npm", "ecosystem: NPM").replace(/^summary: .*$/m, "summary: [one, two]"));
    const found = findingsOf(file);
    const text = file.text;
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`:${lineOf(text, "titel:")}:1: advisory-field: \`titel\` is not an advisory field`)),
        expect.stringMatching(new RegExp(`:${lineOf(text, "summary:")}:\\d+: advisory-field: \`summary\` must be text`)),
        expect.stringMatching(new RegExp(`:${lineOf(text, "type: DISCOVERER")}:\\d+: advisory-field: the credit type "DISCOVERER" is not one of OSV's`)),
        expect.stringMatching(new RegExp(`:${lineOf(text, "- ecosystem: NPM")}:\\d+: advisory-field: the ecosystem "NPM" is not one OSV knows: write it "npm"`)),
      ]),
    );
  });

  it("an id with no OSV prefix, a malformed CVE alias, an alias that is the id, and an id that is not the file's name", () => {
    expect(idProblem("BAL-2021-001")).toMatch(/does not start with a prefix OSV knows/);
    expect(idProblem("CVE-2021-123")).toMatch(/is not a CVE id/);
    expect(idProblem("GHSA-f5qg-fqrw")).toMatch(/is not a GHSA id/);
    expect(idProblem("GHSA-F5QG-FQRW-V5WW")).toMatch(/is not a GHSA id/);
    expect(idProblem("GHSA-f5qg-fqrw-v5ww")).toBeUndefined();
    expect(idProblem("CVE-2021-32700")).toBeUndefined();
    const file = edited((t) => t.replace("- CVE-2025-24981", "- CVE-25-24981\n  - GHSA-2c4m-59x9-fr2g"), "renamed.md");
    const found = findingsOf(file);
    expect(found).toContainEqual(`content/advisories/renamed.md:${lineOf(file.text, "- CVE-25-24981")}:5: advisory-id: the alias "CVE-25-24981" is neither a CVE id (CVE-2021-32700) nor a GHSA id (GHSA-f5qg-fqrw-v5ww)`);
    expect(found).toContainEqual(`content/advisories/renamed.md:${lineOf(file.text, "- GHSA-2c4m")}:5: advisory-id: the alias GHSA-2c4m-59x9-fr2g is the advisory's own id: leave it out of \`aliases\``);
    expect(found).toContainEqual(`content/advisories/renamed.md:2:5: advisory-id: the id GHSA-2c4m-59x9-fr2g is not the file's name: rename the file to GHSA-2c4m-59x9-fr2g.md, so that its address and its file agree`);
  });

  it("a file named after its id in small letters is the advisory's file", () => {
    expect(findingsOf(edited((t) => t, "ghsa-2c4m-59x9-fr2g.md"))).toEqual([]);
  });

  it("an alias used by two advisories is at the second, naming the first", () => {
    const other = edited((t) => t.replace("id: GHSA-2c4m-59x9-fr2g", "id: GHSA-9xq4-56gh-9m3w"), "GHSA-9xq4-56gh-9m3w.md");
    const found = findingsOf(fixture("GHSA-2c4m-59x9-fr2g.md"), other);
    expect(found).toEqual([`content/advisories/GHSA-9xq4-56gh-9m3w.md:${lineOf(other.text, "- CVE-2025-24981")}:5: advisory-duplicate: CVE-2025-24981 is already the alias of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(other.text, "- CVE-2025-24981")}: an id or alias names one advisory`]);
  });

  it("dates: not RFC 3339, in the future, modified before published", () => {
    expect(parseRfc3339("2025-02-30T00:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2025-03-01")).toBeUndefined();
    expect(parseRfc3339("2025-03-01T09:30:00+02:00")?.toISOString()).toBe("2025-03-01T07:30:00.000Z");
    const before = edited((t) => t.replace("modified: 2025-03-04T10:00:00Z", "modified: 2025-02-01T10:00:00Z"));
    expect(findingsOf(before)).toEqual([`content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(before.text, "modified:")}:11: advisory-date: \`modified\` (2025-02-01T10:00:00Z) is before \`published\` (2025-03-01T09:30:00Z): it is at least the publication time`]);
    const future = edited((t) => t.replace("modified: 2025-03-04T10:00:00Z", "modified: 2027-01-01T00:00:00Z").replace("published: 2025-03-01T09:30:00Z", "published: 2025-03-01"));
    expect(findingsOf(future)).toEqual([
      `content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(future.text, "published:")}:12: advisory-date: \`published\` is "2025-03-01", not an RFC 3339 date and time: write it as 2021-06-22T00:00:00Z`,
      `content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(future.text, "modified:")}:11: advisory-date: \`modified\` is 2027-01-01T00:00:00Z, in the future: an advisory is published when it is written`,
    ]);
  });

  it("a severity vector that does not score is refused; the score is never typed", () => {
    expect(scoreVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H").problem).toEqual({ code: "incomplete", values: { version: "3.1" } });
    expect(scoreVector("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").problem).toBeDefined();
    expect(scoreVector("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").problem).toEqual({ code: "metricTwice", values: { metric: "AV" } });
    expect(scoreVector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").problem?.code).toBe("version30");
    expect(scoreVector("9.8").problem?.code).toBe("noPrefix");
    expect(scoreVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").score?.score).toBe(9.3);
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(ratingOf)).toEqual(["None", "Low", "Low", "Medium", "Medium", "High", "High", "Critical", "Critical"]);
    const file = edited((t) => t.replace("/A:H", ""));
    expect(findingsOf(file)).toEqual([expect.stringMatching(new RegExp(`:${lineOf(file.text, "severity:")}:11: advisory-cvss: the severity "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H" cannot be scored`))]);
  });

  it("a range whose fixed version is not after its introduced one, by semver's order and by dotted numbers", () => {
    expect(compareVersions("2.0.0-beta.1", "2.0.0", "SEMVER")).toBe(-1);
    expect(compareVersions("1.10", "1.9", "ECOSYSTEM")).toBe(1);
    expect(compareVersions("0", "0.0.1", "ECOSYSTEM")).toBe(-1);
    expect(compareVersions("1.0.0.RELEASE", "1.0.1", "ECOSYSTEM")).toBeUndefined();
    const file = edited((t) => t.replace("fixed: 2.4.3", "fixed: 2.0.0-rc.1"));
    expect(findingsOf(file)).toEqual([`content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(file.text, "fixed:")}:16: advisory-range: \`fixed\` (2.0.0-rc.1) is not after \`introduced\` (2.0.0): the range would hold no version`]);
  });

  it("a reference that is not https:, or of a type OSV lacks", () => {
    const file = edited((t) => t.replace("url: https://github.com/advisories/", "url: http://github.com/advisories/").replace("type: FIX", "type: PATCH"));
    expect(findingsOf(file)).toEqual([
      `content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(file.text, "- type: PATCH")}:11: advisory-reference: the reference type "PATCH" is not one of OSV's: ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, GIT, PACKAGE, EVIDENCE, WEB`,
      `content/advisories/GHSA-2c4m-59x9-fr2g.md:${lineOf(file.text, "url: http://")}:10: advisory-reference: "http://github.com/advisories/GHSA-2c4m-59x9-fr2g" is not an https: link: a reference must reach the reader unaltered; use its https: address`,
    ]);
  });

  it("versions written as numbers keep their digits, and OSV's types may be written in small letters", () => {
    const file = edited((t) => t.replace("introduced: 2.0.0", "introduced: 1.10").replace("fixed: 2.4.3", "fixed: 1.20").replace("type: FINDER", "type: finder").replace("type: FIX", "type: fix"));
    const { advisories, findings } = checkAdvisories([file], NOW, DECLARED);
    expect(findings).toEqual([]);
    expect(advisories[0]!.affected[0]!.ranges[0]).toMatchObject({ introduced: "1.10", fixed: "1.20" });
    expect(advisories[0]!.credits[0]!.type).toBe("FINDER");
    expect(advisories[0]!.references[0]!.type).toBe("FIX");
  });

  it("YAML that does not parse is one finding at its line, and nothing is published from the file", () => {
    const file = edited((t) => t.replace("title: ", "title: [unclosed "));
    const { advisories, findings } = checkAdvisories([file], NOW, DECLARED);
    expect(advisories).toEqual([]);
    expect(findings[0]).toMatchObject({ rule: "advisory-field", file: "content/advisories/GHSA-2c4m-59x9-fr2g.md" });
    expect(findings[0]!.message).toMatch(/^the front matter is not valid YAML/);
    expect(readAdvisory("no front matter").problems).toEqual([{ code: "noFrontMatter", values: {}, line: 1, column: 1 }]);
  });
});

describe("the CSAF distribution", () => {
  const { advisories } = checkAdvisories(GOOD.map(fixture), NOW, DECLARED);
  const publisher = { name: "Example", namespace: "https://example.org", category: "vendor" as const };
  const KEY = { fingerprint: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", url: "https://example.org/security/keys/security@example.org.asc" };
  const files = (signed: boolean, keys = [KEY], products = ["Example Options"]) =>
    new Map(csafDistributionFiles(advisories, { publisher, site: "https://example.org", keys, signed, products, now: NOW }).map((f) => [f.file, JSON.parse(f.content) as Record<string, unknown>]));

  it("is a trusted provider only with signed documents and the key that signs them published; each metadata passes OASIS's schema", () => {
    for (const [signed, keys, role] of [
      [true, [KEY], "csaf_trusted_provider"],
      [false, [KEY], "csaf_provider"],
      [true, [], "csaf_provider"],
    ] as const) {
      const metadata = files(signed, [...keys]).get(".well-known/csaf/provider-metadata.json")!;
      expect(metadata.role, `signed ${signed}, ${keys.length} keys`).toBe(role);
      expect(validateProviderMetadata(metadata), JSON.stringify(validateProviderMetadata.errors)).toBe(true);
    }
  });

  it("lists a signature in the feed only where the documents are signed", () => {
    const links = (signed: boolean) => ((files(signed).get(".well-known/csaf/feed-tlp-white.json")!.feed as { entry: Array<{ link: Array<{ rel: string }> }> }).entry[0]!.link.map((l) => l.rel));
    expect(links(true)).toEqual(["self", "hash", "hash", "signature"]);
    expect(links(false)).toEqual(["self", "hash", "hash"]);
  });

  it("writes a category document only for declared products, and names it only then", () => {
    const without = files(true, [KEY], []);
    expect(without.has(".well-known/csaf/category-white.json")).toBe(false);
    expect((without.get(".well-known/csaf/provider-metadata.json")!.distributions as Array<{ rolie: Record<string, unknown> }>)[0]!.rolie).not.toHaveProperty("categories");
    expect(files(true).get(".well-known/csaf/category-white.json")).toEqual({ categories: { category: [{ term: "Example Options" }] } });
  });
});

describe("withVersion", () => {
  it("puts the version after the name, before the qualifiers and the subpath, percent-encoded", () => {
    expect(withVersion("pkg:npm/%40example/options", "2.4.3")).toBe("pkg:npm/%40example/options@2.4.3");
    expect(withVersion("pkg:maven/org.example/lib?repository_url=https://repo.example.org", "1.2.3")).toBe("pkg:maven/org.example/lib@1.2.3?repository_url=https://repo.example.org");
    expect(withVersion("pkg:golang/example.org/mod#sub/dir", "v1.0.0+incompatible")).toBe("pkg:golang/example.org/mod@v1.0.0%2Bincompatible#sub/dir");
  });
});
