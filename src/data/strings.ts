/**
 * The interface strings: every word the layouts, the page decoration and the Copy script
 * put on a page, one JSON file per language (`content/_data/strings/<lang>.json`). The
 * default language's file names every key; another language's file that lacks some is a
 * warning naming them, and its pages show those in the default language until it has them.
 * Pure: texts in, strings and findings out.
 */
import { type Finding } from "../findings/finding.ts";
import { finding } from "../rules/registry.ts";
import { JsonSyntaxError, parseJsonWithPositions, type Position } from "../formats/json.ts";
import { compareText } from "../formats/text-order.ts";

export interface StringsFile {
  lang: string;
  /** As findings name it. */
  file: string;
  strings: Record<string, string>;
  /** Where each key stands. */
  positions: Map<string, Position>;
}

/** Reads one language's strings: an object of strings, each key once. */
export function readStringsFile(lang: string, file: string, text: string): { strings?: StringsFile; findings: Finding[] } {
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { findings: [finding("strings-invalid", file, error.position, `${file} is not valid JSON: ${error.message}`)] };
  }
  const { value, positions, duplicates } = located;
  const findings: Finding[] = duplicates.map((d) =>
    finding("strings-invalid", file, d.position, `"${d.path}" is written twice (first at line ${d.first.line}); keep one, so it is clear which text the pages show`),
  );
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { findings: [...findings, finding("strings-invalid", file, { line: 1, column: 1 }, `${file} must be one object of interface strings, e.g. { "copy": "Copy" }`)] };
  }
  const strings: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text === "string" && text.trim() !== "") strings[key] = text;
    else findings.push(finding("strings-invalid", file, positions.get(key) ?? { line: 1, column: 1 }, `"${key}" must be a text, not ${JSON.stringify(text)}; write the words the page shows`));
  }
  return { strings: { lang, file, strings, positions }, findings };
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
    const shown = `${missing.slice(0, 8).map((k) => `"${k}"`).join(", ")}${missing.length > 8 ? ` and ${missing.length - 8} more` : ""}`;
    const pageList = `${pages.slice(0, 3).join(", ")}${pages.length > 3 ? ` and ${pages.length - 3} more` : ""}`;
    findings.push(
      own
        ? finding("strings-missing", own.file, { line: 1, column: 1 }, `${missing.length} interface string${missing.length === 1 ? "" : "s"} of ${reference.file} ${missing.length === 1 ? "is" : "are"} missing here: ${shown}; the "${lang}" pages (${pageList}) show ${missing.length === 1 ? "it" : "them"} in "${defaultLanguage}" until you add the translation`)
        : finding("strings-missing", pages[0] ?? `${stringsDir}/${lang}.json`, { line: 1, column: 1 }, `there are no interface strings for "${lang}": copy ${reference.file} to ${stringsDir}/${lang}.json and translate it; the "${lang}" pages (${pageList}) show the buttons and labels in "${defaultLanguage}" until then`),
    );
  }
  return findings;
}

/** `{name}` in a string replaced by the value given for it; an unknown name is left as written. */
export function fillIn(text: string, values: Record<string, string> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
