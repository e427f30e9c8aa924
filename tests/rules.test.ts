import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import keyExpired from "../src/rules/key/key-expired.ts";
import keyExpiring from "../src/rules/key/key-expiring.ts";
import { RULE_IDS, RULES, isRuleId, ruleDocPath } from "../src/rules/registry.ts";
import { ROOT } from "./support/fixture-site.ts";

/** The folders of src/rules/, by what a rule reads. */
const RULE_FOLDERS = ["data", "key", "page", "source", "publish", "advisory", "csaf", "deployed", "build"] as const;

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

  it("a finding takes its severity from its rule's module, and its words from the module's messages", () => {
    const at = { line: 1, column: 1 };
    const values = { date: "2027-01-01", days: "3 days", hex: "AD68516D56946669E62FB0BAE4AEB4435B2CF961" };
    expect(keyExpiring.finding("keyExpiring", values, "k.asc", at)).toMatchObject({ severity: "warning", rule: "key-expiring", messageId: "keyExpiring" });
    expect(keyExpiring.message("keyExpiring", values)).toMatch(/^the key expires on 2027-01-01, in 3 days: extend it with gpg --quick-set-expire AD68/);
    expect(keyExpired.problem("expired", { date: "2021-01-01", hex: values.hex }).severity).toBe("error");
    // @ts-expect-error A message id the rule does not have does not compile (`npm test` type-checks first), and throws from plain JavaScript.
    expect(() => keyExpiring.message("keyExpird", {})).toThrow('rule key-expiring has no message "keyExpird"');
    // @ts-expect-error A value the message names is missing: it does not compile, and throws.
    expect(() => keyExpiring.message("keyExpiring", { date: "2027-01-01", hex: "AB" })).toThrow("rule key-expiring, message keyExpiring: no value for {{days}}");
  });

  it.each(RULE_IDS)("%s has messages, each with placeholders of word characters only", (id) => {
    const messages = Object.entries(RULES[id].messages as Record<string, string>);
    expect(messages.length, `${id} has no messages`).toBeGreaterThan(0);
    for (const [messageId, text] of messages) {
      expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text.replace(/\{\{\w+\}\}/g, ""), `${id}.${messageId} has a malformed placeholder`).not.toMatch(/\{\{|\}\}/);
    }
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
    expect(text).toMatch(new RegExp(`^\\S+:\\d+:\\d+: (error|warning|notice): .+ \\[${id}\\]$`, "m"));
  });

  it("has no doc page for a rule it does not register (README.md is the index of them all)", () => {
    const pages = readdirSync(path.join(ROOT, "docs/rules"))
      .filter((f) => f !== "README.md")
      .map((f) => f.replace(/\.md$/, ""));
    expect(pages.filter((p) => !isRuleId(p))).toEqual([]);
  });

  it.each(RULE_IDS)("%s is one module, src/rules/<what it reads>/<id>.ts, whose id is its file's name", (id) => {
    const modules = RULE_FOLDERS.filter((folder) => existsSync(path.join(ROOT, "src/rules", folder, `${id}.ts`)));
    expect(modules, `${id} should be exactly one of src/rules/{${RULE_FOLDERS.join(",")}}/${id}.ts`).toHaveLength(1);
    expect(readFileSync(path.join(ROOT, "src/rules", modules[0]!, `${id}.ts`), "utf8")).toContain(`id: "${id}",`);
  });

  it.each(RULE_IDS)("%s has a table of valid and invalid cases, tests/rules/<folder>/<id>.test.ts, run by testRule on its module", (id) => {
    const folder = RULE_FOLDERS.find((f) => existsSync(path.join(ROOT, "src/rules", f, `${id}.ts`)))!;
    const file = path.join(ROOT, "tests/rules", folder, `${id}.test.ts`);
    expect(existsSync(file), `write tests/rules/${folder}/${id}.test.ts: testRule(module, run, { valid, invalid }) with a case for each message`).toBe(true);
    const text = readFileSync(file, "utf8");
    const imported = new RegExp(`^import (\\w+)(?:, \\{[^}]*\\})? from "(?:\\.\\./)+src/rules/${folder}/${id}\\.ts";$`, "m").exec(text)?.[1];
    expect(imported, `tests/rules/${folder}/${id}.test.ts should import the rule's module`).toBeDefined();
    expect(text).toMatch(new RegExp(`\\btestRule(?:<[^(]*>)?\\(\\s*${imported}\\b`));
  });
});
