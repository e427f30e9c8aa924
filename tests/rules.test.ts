import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { finding } from "../src/rules/registry.ts";
import { RULE_IDS, RULES, isRuleId, ruleDocPath } from "../src/rules/registry.ts";
import { rulesTable, TABLE_END, TABLE_START } from "../src/rules/table.ts";
import { ROOT } from "./support/fixture-site.ts";

/** Every test file and every broken site's expect.json: where a rule's id can be asserted. */
function testSources(): Array<{ file: string; text: string }> {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if ((entry.name.endsWith(".test.ts") && entry.name !== "rules.test.ts") || entry.name === "expect.json") files.push(full);
    }
  };
  visit(path.join(ROOT, "tests"));
  return files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

describe("the rule registry", () => {
  it("has ids of lower-case words joined by hyphens, each once", () => {
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)+$|^mojibake$/);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it("knows its ids and nothing else", () => {
    expect(isRuleId("fingerprint-malformed")).toBe(true);
    expect(isRuleId("fingerprint-malfromed")).toBe(false);
    expect(isRuleId("toString")).toBe(false);
  });

  it("a finding takes its severity from the registry", () => {
    expect(finding("key-expiring", "k.asc", { line: 1, column: 1 }, "m").severity).toBe("warning");
    expect(finding("key-expired", "k.asc", { line: 1, column: 1 }, "m").severity).toBe("error");
    // @ts-expect-error A mistyped rule id does not compile (`npm test` type-checks first), and throws from plain JavaScript.
    expect(() => finding("key-expird", "k.asc", { line: 1, column: 1 }, "m")).toThrow('"key-expird" is not a registered rule id');
  });

  it("lets no comment turn off a rule that keeps a secret from being published, nor one that reads no page's text", () => {
    for (const id of ["key-private", "output-secret"] as const) expect(RULES[id]).toMatchObject({ canDisable: false, keepsSecret: true });
    for (const id of ["key-expired", "data-invalid", "build-error"] as const) expect(RULES[id]).toMatchObject({ canDisable: false, keepsSecret: false });
    for (const id of ["fingerprint-malformed", "fingerprint-mismatch", "mojibake"] as const) expect(RULES[id].canDisable).toBe(true);
  });

  it.each(RULE_IDS)("%s has a doc page whose title, summary, severity and family are the registry's", (id) => {
    const page = path.join(ROOT, ruleDocPath(id));
    expect(existsSync(page), `${ruleDocPath(id)} is missing: write what the rule catches, an example finding and how to fix it`).toBe(true);
    const text = readFileSync(page, "utf8");
    const [title, , summary] = text.split("\n");
    expect(title).toBe(`# ${id}`);
    expect(summary).toBe(RULES[id].summary);
    expect(text).toContain(`- Severity: ${RULES[id].severity}`);
    expect(text).toContain(`- Family: ${RULES[id].family}`);
    expect(text).toContain(`- Can be turned off in a page: ${RULES[id].canDisable ? "yes" : "no"}`);
    for (const section of ["## What it catches", "## Example", "## How to fix"]) expect(text).toContain(section);
    // The example is a finding of this very rule, in the build's format.
    expect(text).toMatch(new RegExp(`^\\S+:\\d+:\\d+: (error|warning): .+ \\[${id}\\]$`, "m"));
  });

  it("has no doc page for a rule it does not register", () => {
    const pages = readdirSync(path.join(ROOT, "docs/rules")).map((f) => f.replace(/\.md$/, ""));
    expect(pages.filter((p) => !isRuleId(p))).toEqual([]);
  });

  it.each(RULE_IDS)("%s is asserted by at least one test or broken site", (id) => {
    const asserted = testSources().filter(({ text }) => text.includes(`"${id}"`) || text.includes(`'${id}'`) || text.includes(`[${id}]`));
    expect(asserted.map((s) => path.relative(ROOT, s.file)), `no test names ${id}: add a fixture site or a unit test that expects it`).not.toEqual([]);
  });

  it("the README's table of rules is the registry's, row for row", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, "README.md has no rules table markers").toBeGreaterThanOrEqual(0);
    expect(readme.slice(start + TABLE_START.length, end).trim(), "the README's rules table is out of date: run npm run rules-table").toBe(rulesTable());
  });
});
