import { describe, expect, it } from "vitest";
import { FindingCollector } from "../src/findings/collector.ts";
import { type Finding } from "../src/findings/finding.ts";
import type { RuleId } from "../src/rules/registry.ts";
import { findingOf as finding } from "./support/findings.ts";
import { applySuppressions, readDirectives } from "../src/rules/suppressions.ts";

const FILE = "content/security.md";
const at = (line: number, rule: RuleId = "fingerprint-mismatch", file = FILE) => finding(rule, file, { line, column: 5 }, `a ${rule} finding`);

describe("reading the comments", () => {
  it("reads each kind with its rules, line and column, and none inside fenced code", () => {
    const text = [
      "<!-- policy-checks-disable-next-line fingerprint-malformed fingerprint-mismatch -->",
      "text <!-- policy-checks-disable-line mojibake -->",
      "```html",
      "<!-- policy-checks-disable mojibake -->",
      "```",
      "<!--policy-checks-disable anchor-missing-->",
      "<!-- policy-checks-enable -->",
    ].join("\n");
    expect(readDirectives(text)).toEqual([
      { kind: "disable-next-line", rules: ["fingerprint-malformed", "fingerprint-mismatch"], line: 1, column: 1 },
      { kind: "disable-line", rules: ["mojibake"], line: 2, column: 6 },
      { kind: "disable", rules: ["anchor-missing"], line: 6, column: 1 },
      { kind: "enable", rules: [], line: 7, column: 1 },
    ]);
  });
});

describe("applying them to a page's findings", () => {
  it("disable-next-line hides the named rule on the next line only, and says which comment did", () => {
    const text = "intro\n<!-- policy-checks-disable-next-line fingerprint-mismatch -->\nchecksum\nchecksum again\n";
    const result = applySuppressions(FILE, text, [at(3), at(4), at(3, "mojibake")]);
    expect(result.kept.map((f) => [f.line, f.rule])).toEqual([[4, "fingerprint-mismatch"], [3, "mojibake"]]);
    expect(result.suppressed.map((s) => [s.finding.line, s.by.line])).toEqual([[3, 2]]);
    expect(result.findings).toEqual([]);
  });

  it("the address rules are turned off as the other page rules are", () => {
    const text = "<!-- policy-checks-disable-next-line address-undeclared fingerprint-address-mismatch -->\ngit@example.org: 7FC1\n";
    const result = applySuppressions(FILE, text, [at(2, "address-undeclared"), at(2, "fingerprint-address-mismatch"), at(2, "mailto-undeclared")]);
    expect(result.kept.map((f) => f.rule)).toEqual(["mailto-undeclared"]);
    expect(result.suppressed.map((s) => s.finding.rule)).toEqual(["address-undeclared", "fingerprint-address-mismatch"]);
    expect(result.findings).toEqual([]);
  });

  it("a block runs from the line after disable to the line before enable", () => {
    const text = "a\n<!-- policy-checks-disable mojibake -->\nb\nc\n<!-- policy-checks-enable mojibake -->\nd\n";
    const result = applySuppressions(FILE, text, [at(1, "mojibake"), at(3, "mojibake"), at(4, "mojibake"), at(6, "mojibake")]);
    expect(result.kept.map((f) => f.line)).toEqual([1, 6]);
    expect(result.suppressed.map((s) => s.finding.line)).toEqual([3, 4]);
  });

  it("a block left open runs to the end of the page", () => {
    const text = "<!-- policy-checks-disable anchor-missing -->\na\nb\n";
    expect(applySuppressions(FILE, text, [at(3, "anchor-missing")]).kept).toEqual([]);
  });

  it("findings of other files pass through untouched", () => {
    const other = at(2, "fingerprint-mismatch", "_includes/site-footer.njk");
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line fingerprint-mismatch -->\nx\n", [other, at(2)]);
    expect(result.kept).toEqual([other]);
  });

  it("an unknown id is a warning that suggests the id it probably meant, and turns nothing off", () => {
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line fingerprint-mismatc -->\nx\n", [at(2)]);
    expect(result.kept).toEqual([at(2)]);
    expect(result.findings).toEqual([
      { ...finding("suppression-unknown", FILE, { line: 1, column: 1 }, '"fingerprint-mismatc" in <!-- policy-checks-disable-next-line --> is not a rule id; did you mean "fingerprint-mismatch"? Every rule is listed in docs/rules/'), messageId: "mistypedRule" },
    ]);
  });

  it("a comment that names no rule is a warning, not a way to turn every check off", () => {
    const result = applySuppressions(FILE, "<!-- policy-checks-disable -->\nx\n", [at(2)]);
    expect(result.kept).toEqual([at(2)]);
    expect(result.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([["suppression-unknown", "warning", 1]]);
  });

  it("a rule that keeps a secret from being published cannot be turned off: naming it is an error", () => {
    const keyFinding = at(2, "key-private");
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line key-private -->\nx\n", [keyFinding]);
    expect(result.kept).toEqual([keyFinding]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([["suppression-forbidden", "error"]]);
    expect(result.findings[0]?.message).toMatch(/^key-private cannot be turned off: it keeps secret key material from being published/);
  });

  it("a rule that reports nothing where the comment applies is a warning, per rule", () => {
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line fingerprint-mismatch fingerprint-malformed -->\nx\n", [at(2)]);
    expect(result.kept).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.message])).toEqual([
      ["suppression-unused", "<!-- policy-checks-disable-next-line --> turns fingerprint-malformed off on line 2, where it reports nothing; remove fingerprint-malformed from the comment"],
    ]);
  });

  it("a rule that reads no page's text cannot be turned off in one: a warning that says so", () => {
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line key-expired -->\nx\n", []);
    expect(result.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ["suppression-unused", "warning", "key-expired does not read a page's text, so no comment in a page turns it off; remove key-expired from the comment and fix what it reports (see docs/rules/key-expired.md)"],
    ]);
  });

  it("an unknown id with nothing close to it says where the rules are", () => {
    const result = applySuppressions(FILE, "<!-- policy-checks-disable-next-line zzz -->\nx\n", []);
    expect(result.findings[0]?.message).toBe('"zzz" in <!-- policy-checks-disable-next-line --> is not a rule id. Every rule is listed in docs/rules/');
  });

  it("an enable with no disable before it is a warning", () => {
    const result = applySuppressions(FILE, "x\n<!-- policy-checks-enable mojibake -->\n", []);
    expect(result.findings.map((f) => f.rule)).toEqual(["suppression-unused"]);
  });
});

describe("through the collector", () => {
  it("a suppressed finding comes back as one notice at its place; the rest are sorted, and strictness applies to them", () => {
    const findings = new FindingCollector({ root: "/site", strict: true, suppress: applySuppressions });
    findings.page(FILE, "<!-- policy-checks-disable-next-line fingerprint-mismatch -->\nchecksum\n");
    findings.add(at(2), finding("key-expiring", "content/keys/security@example.org.asc", { line: 1, column: 1 }, "the key expires in 20 days"));
    const report = findings.report();
    expect(report.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([["content/keys/security@example.org.asc", "key-expiring", "error"]]);
    expect(report.notices).toEqual([
      { message: "fingerprint-mismatch turned off here by the comment on line 1: a fingerprint-mismatch finding", at: { file: FILE, line: 2, column: 5 } },
    ]);
  });

  it("a notice finding is counted as neither error nor warning, and stays a notice under --strict", () => {
    const findings = new FindingCollector({ root: "/site", strict: true, suppress: applySuppressions });
    const unverifiable = finding("key-link-unverifiable", FILE, { line: 3, column: 1 }, "link gets whatever keys the GitHub account example holds");
    findings.add(unverifiable);
    expect(findings.report()).toEqual({ findings: [unverifiable], notices: [], errors: 0, warnings: 0 });
  });

  it("the same finding made on every page from one layout line is printed once", () => {
    const findings = new FindingCollector({ root: "/site", strict: false, suppress: applySuppressions });
    const footer = at(4, "mailto-text-mismatch", "_includes/site-footer.njk");
    findings.add(footer, footer, footer);
    expect(findings.report().findings).toEqual([footer]);
  });

  it("reset forgets the last build", () => {
    const findings = new FindingCollector({ root: "/site", strict: false, suppress: applySuppressions });
    findings.add(at(2));
    findings.notice("signed");
    findings.reset();
    expect(findings.report()).toEqual({ findings: [], notices: [], errors: 0, warnings: 0 });
  });

  it("names files relative to its root, with forward slashes, wherever the process runs", () => {
    const findings = new FindingCollector({ root: "/projects/site", strict: false, suppress: applySuppressions });
    expect(findings.relative("/projects/site/content/security.md")).toBe("content/security.md");
    expect(() => new FindingCollector({ root: "site", strict: false, suppress: applySuppressions })).toThrow("FindingCollector: option `root` must be an absolute folder path. Received: \"site\"");
  });
});
