/**
 * What the translation rules' cases are written in: an original page and its translation, as
 * Markdown with front matter. Both are read from their lines; `at` finds where a text is in a
 * page, independently of the checks, to say where a finding is expected.
 */
import type { MarkdownPage } from "../../../src/rules/translation.ts";

export const ORIGINAL_FILE = "content/security.md";
export const TRANSLATION_FILE = "content/es/security.md";

export const GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
export const HEX = GROUPED.replace(/ /g, "");
export const LINK = `https://keys.openpgp.org/search?q=${HEX}`;

/** The original's body: a mail link, an address and a fingerprint with its keyserver link. */
export const ORIGINAL_BODY = [
  "## Reporting",
  "",
  "Write to [security@example.org](mailto:security@example.org).",
  "",
  `security@example.org: ${GROUPED} [keys.openpgp.org](${LINK})`,
];

/** Its translation, the same facts in other words. */
export const TRANSLATION_BODY = [
  "## Informar",
  "",
  "Escriba a [security@example.org](mailto:security@example.org).",
  "",
  `security@example.org: ${GROUPED} [keys.openpgp.org](${LINK})`,
];

export interface Translated {
  original: string;
  translation: string;
}

/** A page of these front matter lines and body lines. */
export function markdown(frontMatter: string[], body: string[]): string {
  return [...(frontMatter.length > 0 ? ["---", ...frontMatter, "---", ""] : []), ...body, ""].join("\n");
}

export const ORIGINAL = markdown(["title: Security", "permalink: /security/"], ORIGINAL_BODY);

export const original = (raw: string): MarkdownPage => ({ file: ORIGINAL_FILE, raw });
export const translation = (raw: string): MarkdownPage => ({ file: TRANSLATION_FILE, raw });

/** Where the `nth` (1-based) `text` stands in `page`, as line and column. */
export function at(page: string, text: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < nth; n++) {
    index = page.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" is not ${nth} times in the page`);
  }
  const before = page.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
