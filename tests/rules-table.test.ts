import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_IDS, RULES } from "../src/rules/registry.ts";
import { rulesTable, TABLE_END, TABLE_START, withRulesTable } from "../src/rules/table.ts";
import { ROOT } from "./support/fixture-site.ts";

describe("the table of rules in docs/rules/README.md", () => {
  it("is the registry's, row for row", () => {
    const readme = readFileSync(path.join(ROOT, "docs/rules/README.md"), "utf8");
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, "docs/rules/README.md has no rules table markers").toBeGreaterThanOrEqual(0);
    expect(readme.slice(start + TABLE_START.length, end).trim(), "the rules table in docs/rules/README.md is out of date: run npm run rules-table").toBe(rulesTable());
  });

  it("has a header, a separator and one row per rule, linking to its page", () => {
    const lines = rulesTable().split("\n");
    expect(lines.slice(0, 2)).toEqual(["| rule | severity | family | can be turned off | what it catches |", "|---|---|---|---|---|"]);
    expect(lines).toHaveLength(RULE_IDS.length + 2);
    const expired = lines.find((l) => l.startsWith("| [`key-expired`]"));
    expect(expired).toMatch(/^\| \[`key-expired`\]\(key-expired\.md\) \| error \| key \| (yes|no) \| [^|]+ \|$/);
  });

  it("is put between the markers, replacing what was there and keeping the rest", () => {
    const readme = `# Title\n\n${TABLE_START}\nold rows\n${TABLE_END}\n\nAfter.\n`;
    expect(withRulesTable(readme)).toBe(`# Title\n\n${TABLE_START}\n${rulesTable()}\n${TABLE_END}\n\nAfter.\n`);
    // Made twice, it is the same.
    expect(withRulesTable(withRulesTable(readme))).toBe(withRulesTable(readme));
  });

  it("needs both markers, in order, and says which to add", () => {
    const message = `README.md has no rules table markers: put ${TABLE_START} and ${TABLE_END} where the table goes`;
    expect(() => withRulesTable("# Title\n")).toThrow(message);
    expect(() => withRulesTable(`${TABLE_START}\n`)).toThrow(message);
    expect(() => withRulesTable(`${TABLE_END}\n${TABLE_START}\n`)).toThrow(message);
    expect(() => withRulesTable(`${TABLE_END}\n`)).toThrow(message);
  });
});

describe("what the documentation says of a rule's severity", () => {
  /** "is a warning (`key-unused`)", "is an error (`key-private`)": each such sentence of the README and the keys folder's note. */
  const claims = (text: string) => [...text.matchAll(/\bis (?:a|an) (warning|error|notice)\b[^.`]*?\(`([a-z0-9-]+)`\)/g)].map((m) => ({ severity: m[1]!, id: m[2]! }));

  it("finds such sentences, so that the check reads something", () => {
    expect(claims("A file named after no contact is an error (`key-unused`). One is a warning (`x`).")).toEqual([
      { severity: "error", id: "key-unused" },
      { severity: "warning", id: "x" },
    ]);
  });

  // The keys folder's note is content's own: a site that replaced content/ may have none.
  it.each(["README.md", "docs/rules/README.md", "content/keys/README.md"].filter((file) => existsSync(path.join(ROOT, file))))("%s names each rule with its own default severity", (file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const { id, severity } of claims(text)) {
      expect(RULE_IDS, `${file} names a rule ${id} that does not exist`).toContain(id);
      expect(`${id} is a(n) ${severity}`, file).toBe(`${id} is a(n) ${RULES[id as keyof typeof RULES]!.severity}`);
    }
  });
});
