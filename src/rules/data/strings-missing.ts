/**
 * strings-missing: a language with pages whose interface strings lack keys of the default
 * language's, or that has no strings file at all; and a default language without one. The
 * keys and the pages are named, the first eight keys and three pages, then how many more.
 * Pure: the strings read and the pages by language in, findings out.
 */
import { compareText } from "../../formats/text-order.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";
import type { StringsFile } from "./strings-invalid.ts";

const rule = defineRule({
  id: "strings-missing",
  severity: "warning",
  family: "translation",
  summary: "A language with pages lacks interface strings that the default language's strings file has; its pages show those in the default language.",
  disable: "no",
  messages: {
    missingKey: '1 interface string of {{reference}} is missing here: {{keys}}; the "{{lang}}" pages ({{pages}}) show it in "{{defaultLanguage}}" until you add the translation',
    missingKeys: '{{count}} interface strings of {{reference}} are missing here: {{keys}}; the "{{lang}}" pages ({{pages}}) show them in "{{defaultLanguage}}" until you add the translation',
    noStrings:
      'there are no interface strings for "{{lang}}": copy {{reference}} to {{stringsDir}}/{{lang}}.json and translate it; the "{{lang}}" pages ({{pages}}) show the buttons and labels in "{{defaultLanguage}}" until then',
    noDefaultStrings: 'there are no interface strings for the default language "{{lang}}": add {{file}}, an object of every text the layouts show',
  },
});

export default rule;

/** The first `shown` of `items`, then how many more: `a, b and 3 more`. */
function listed(items: string[], shown: number): string {
  return `${items.slice(0, shown).join(", ")}${items.length > shown ? ` and ${items.length - shown} more` : ""}`;
}

/**
 * A warning for each language with pages whose strings lack keys of the default language's,
 * naming the keys; at its strings file, or at its first page when it has none.
 */
export function missingStrings(files: Map<string, StringsFile>, defaultLanguage: string, pagesByLanguage: Map<string, string[]>, stringsDir: string): Finding[] {
  const reference = files.get(defaultLanguage);
  if (!reference) return [];
  const keys = Object.keys(reference.strings);
  const findings: Finding[] = [];
  for (const [lang, pages] of [...pagesByLanguage].sort(([a], [b]) => compareText(a, b))) {
    if (lang === defaultLanguage || pages.length === 0) continue;
    const own = files.get(lang);
    const missing = keys.filter((k) => own?.strings[k] === undefined);
    if (missing.length === 0) continue;
    const values = { reference: reference.file, lang, pages: listed(pages, 3), defaultLanguage };
    const at = { line: 1, column: 1 };
    if (!own) {
      findings.push(rule.finding("noStrings", { ...values, stringsDir }, pages[0] ?? `${stringsDir}/${lang}.json`, at));
      continue;
    }
    const shown = listed(missing.map((k) => `"${k}"`), 8);
    findings.push(missing.length === 1 ? rule.finding("missingKey", { ...values, keys: shown }, own.file, at) : rule.finding("missingKeys", { ...values, count: missing.length, keys: shown }, own.file, at));
  }
  return findings;
}

/** A warning when the default language has no strings file; `file` is where it belongs, as findings name it. */
export function missingDefaultStrings(files: Map<string, StringsFile>, defaultLanguage: string, file: string): Finding[] {
  if (files.has(defaultLanguage)) return [];
  return [rule.finding("noDefaultStrings", { lang: defaultLanguage, file }, file, { line: 1, column: 1 })];
}
