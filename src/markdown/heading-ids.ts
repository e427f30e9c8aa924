/**
 * One source of heading ids, for the site's pages and for a SECURITY.md checked as GitHub shows
 * it: markdown-it-anchor, with GitHub's slugs, so that a link written for GitHub lands on the
 * site too and a table of contents checked here is checked against the ids GitHub makes.
 */
import type { MarkdownIt } from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";

/*
 * What GitHub leaves out of a heading's id: every character but letters (and other alphabetic
 * characters), marks, decimal digits, letter numbers, connector punctuation such as "_", the space
 * and "-". This is the set github-slugger removes (its script/generate-regex.mjs: the general
 * categories Other_Number, the punctuation but Connector_Punctuation, Symbol, Control,
 * Private_Use, Format, Unassigned and Separator, less Alphabetic, " " and "-"), whose test
 * fixtures are rendered by GitHub.
 */
const LEFT_OUT = /[^\p{Letter}\p{Alphabetic}\p{Mark}\p{Decimal_Number}\p{Letter_Number}\p{Connector_Punctuation} -]/gu;

/**
 * A heading's text as GitHub makes its id: lower case, punctuation and symbols left out, each
 * space a hyphen, none of them merged. "Reporting a vulnerability" -> "reporting-a-vulnerability",
 * "Cómo informar" -> "cómo-informar" (letters keep their accents), "Scope & rewards" ->
 * "scope--rewards", "PGP_KEY" -> "pgp_key".
 */
export function slugify(text: string): string {
  return text.toLowerCase().replace(LEFT_OUT, "").replace(/ /g, "-");
}

export interface HeadingIdsOptions {
  /** The link each heading gets beside it (markdown-it-anchor's `permalink`); none when left out. */
  permalink?: markdownItAnchor.PermalinkGenerator;
}

/**
 * Gives each heading its GitHub id. A repeated heading gets "-1", "-2", … after its id, as on
 * GitHub (markdown-it-anchor's uniqueSlugStartIndex, 1 by default).
 */
export default function headingIds(md: MarkdownIt, options: HeadingIdsOptions = {}): void {
  md.use(markdownItAnchor, { slugify, tabIndex: false, ...(options.permalink ? { permalink: options.permalink } : {}) });
}
