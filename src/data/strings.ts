/**
 * The interface strings: every word the layouts, the page decoration and the Copy script
 * put on a page, one JSON file per language (`content/_data/strings/<lang>.json`). The
 * default language's file names every key; another language's file that lacks some is a
 * warning naming them, and its pages show those in the default language until it has them.
 * Reading a file and its checks are the rules' (src/rules/data/strings-invalid.ts and
 * strings-missing.ts). Pure: texts in, strings and findings out.
 */
export { readStringsFile, type StringsFile } from "../rules/data/strings-invalid.ts";
export { missingDefaultStrings, missingStrings } from "../rules/data/strings-missing.ts";

/** `{name}` in a string replaced by the value given for it; an unknown name is left as written. */
export function fillIn(text: string, values: Record<string, string> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
