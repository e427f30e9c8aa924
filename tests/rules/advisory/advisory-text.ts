/**
 * Advisory files for the advisory rules' cases: a good advisory (front matter and Markdown),
 * edits of it, and the real check run on them at a fixed moment.
 */
import type { Finding } from "../../../src/findings/finding.ts";
import { checkAdvisories, type DeclaredProducts } from "../../../src/rules/advisory.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import { docExample, positionOf, type ExpectedFinding } from "../../support/rule-tester.ts";

/** The moment the checks run at: "now" for the dates. */
export const NOW = new Date("2026-11-25T00:00:00Z");

/** An advisory that passes every check, named after its id. */
export const GOOD = `---
id: GHSA-2c4m-59x9-fr2g
aliases:
  - CVE-2025-24981
title: Prototype pollution in @example/options
summary: Prototype pollution in the options parser lets a crafted request change every later request's defaults.
published: 2025-03-01T09:30:00Z
modified: 2025-03-04T10:00:00Z
severity: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
affected:
  - ecosystem: npm
    name: "@example/options"
    ranges:
      - type: SEMVER
        introduced: 2.0.0
        fixed: 2.4.3
credits:
  - name: Ana Researcher
    contact:
      - mailto:ana@example.net
    type: FINDER
  - name: Bo Maintainer
    type: REMEDIATION_DEVELOPER
references:
  - type: FIX
    url: https://github.com/example/options/commit/4f6c2b9d0e1a3c5b7d9f1e2a4c6b8d0f2e4a6c8b
  - type: ADVISORY
    url: https://github.com/advisories/GHSA-2c4m-59x9-fr2g
---

\`parseOptions\` merged the keys of a request's options into a shared defaults object without
leaving out \`__proto__\`. Upgrade to 2.4.3.
`;

/** An advisory file as the check is given it. */
export interface AdvisoryFile {
  /** The file's name in content/advisories/. */
  name: string;
  text: string;
}

/** The good advisory with `edits` applied, each replacing the first occurrence of its text. */
export function edited(edits: Array<[string | RegExp, string]>, name = "GHSA-2c4m-59x9-fr2g.md"): AdvisoryFile {
  let text = GOOD;
  for (const [from, to] of edits) {
    if (typeof from === "string" ? !text.includes(from) : !from.test(text)) throw new Error(`${String(from)} is not in the advisory`);
    text = text.replace(from, to);
  }
  return { name, text };
}

/** The site data file, as findings name it. */
export const DATA_FILE = "content/_data/security.json";

/** The product the good advisory is about, as the site data declares it. */
export const OPTIONS_PRODUCT = { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" };

/** The findings of the check on these files, at NOW, with the good advisory's product declared. */
export function check(...files: AdvisoryFile[]): Finding[] {
  return checkDeclaring({ file: DATA_FILE, products: [OPTIONS_PRODUCT] }, ...files);
}

/** The findings of the check on these files, at NOW, with the site data's products as `declared` says. */
export function checkDeclaring(declared: DeclaredProducts | undefined, ...files: AdvisoryFile[]): Finding[] {
  return checkAdvisories(
    files.map((f) => ({ file: `content/advisories/${f.name}`, text: f.text })),
    NOW,
    declared,
  ).findings;
}

/** Line and column of the first `needle` in the text (of its `nth` occurrence, from 1), where a finding about it is. */
export function at(file: AdvisoryFile, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = file.text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (${nth}) is not in the text`);
  }
  return positionOf(file.text, index);
}

/** The first line and column: where findings about a missing field are. */
export const TOP = { line: 1, column: 1 };

/** A finding of another rule in a case about this one, its message id checked against that rule's. */
export function otherRule<R extends Rule>(rule: R, messageId: keyof R["messages"] & string, where: { line: number; column: number }): ExpectedFinding<never> {
  return { rule: rule.id, messageId: messageId as never, ...where };
}

/** The advisory of a rule's doc page: its input block's text, in the file the block names (content/advisories/<name>). */
export function pageAdvisory(ruleId: string, text: string): AdvisoryFile {
  return { name: docExample(ruleId).file.replace(/^content\/advisories\//, ""), text };
}
