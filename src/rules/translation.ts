/**
 * A translation of the policy tells researchers the same facts as its original: the same
 * fingerprints, addresses and keyserver links (`translation-drift`), and it is redone when
 * the original changes (`translation-stale`: the translation's front matter records, as
 * `translatedFrom`, the version of the original it was made from). Pure: Markdown texts in,
 * findings out. Both checks read the facts of a page, so they are here; their messages are in
 * their modules (src/rules/page/translation-drift.ts, src/rules/source/translation-stale.ts).
 */
import { createHash } from "node:crypto";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { type Finding } from "../findings/finding.ts";
import translationDriftRule from "./page/translation-drift.ts";
import translationStaleRule from "./source/translation-stale.ts";
import { frontMatterKeyLine, frontMatterLines, locateInBody } from "../findings/locate.ts";
import { findFingerprints, formatFingerprint } from "../formats/fingerprint.ts";
import { readKeyLink } from "../formats/key-link.ts";
import type { Position } from "../formats/json.ts";
import { parseMailto } from "../formats/mailto.ts";

export type FactKind = "fingerprint" | "address" | "keyserver link";

/** One thing a researcher acts on, as a page's Markdown shows it. */
export interface PolicyFact {
  kind: FactKind;
  /** What is compared: the hex digits, the lower-cased address, the link as written. */
  value: string;
  /** As the reader sees it. */
  shown: string;
  position: Position;
}

export interface MarkdownPage {
  /** As findings name it. */
  file: string;
  raw: string;
}

const md = new MarkdownIt({ html: true });
const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The body after the front matter, as Eleventy hands it to markdown-it. */
function body(raw: string): string {
  return raw.replace(/^\uFEFF/, "").split(/\r?\n/).slice(frontMatterLines(raw)).join("\n");
}

/** The fingerprints, addresses and keyserver links of a page's Markdown, in order, each at its line and column. */
export function policyFacts(raw: string): PolicyFact[] {
  const facts: PolicyFact[] = [];
  const add = (kind: FactKind, value: string, shown: string, map: [number, number] | null | undefined) => {
    const position = map ? locateInBody(raw, map[0] + 1, map[1] + 1, [shown]) : locateInBody(raw, 1, undefined, [shown]);
    facts.push({ kind, value, shown, position });
  };
  const inText = (text: string, map: [number, number] | null | undefined) => {
    for (const found of findFingerprints(text)) {
      // A malformed one is compared as written: the page checks say what is wrong with it.
      add("fingerprint", found.fingerprint?.hex ?? found.text.replace(/\s+/g, " ").trim().toUpperCase(), found.text.trim(), map);
    }
    for (const m of text.matchAll(ADDRESS)) add("address", m[0].toLowerCase(), m[0], map);
  };
  const visit = (tokens: Token[], map: [number, number] | null | undefined) => {
    for (const token of tokens) {
      const at = token.map ?? map;
      if (token.children) visit(token.children, at);
      if (token.type === "text" || token.type === "code_inline" || token.type === "code_block" || token.type === "fence") inText(token.content, at);
      if (token.type !== "link_open") continue;
      const href = String(token.attrGet("href") ?? "");
      if (/^mailto:/i.test(href)) {
        for (const to of parseMailto(href).mailto?.to ?? []) add("address", to.toLowerCase(), href, at);
      } else if (isKeyLink(href)) {
        add("keyserver link", href, href, at);
      }
    }
  };
  visit(md.parse(body(raw), {}), undefined);
  return facts.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

/** A link to a key: a keyserver lookup, a Keybase or `openpgp4fpr:` link, or one that fetches a key naming none (src/formats/key-link.ts). */
function isKeyLink(href: string): boolean {
  const link = readKeyLink(href);
  return link.references.length > 0 || link.problem !== undefined;
}

/** A fact as a finding names it: a fingerprint in groups of four, or as written, in quotes, when it is malformed; the rest as compared. */
function shownValue(fact: PolicyFact): string {
  if (fact.kind !== "fingerprint") return fact.value;
  return /^[0-9A-F]+$/.test(fact.value) ? formatFingerprint({ version: fact.value.length === 64 ? 6 : 4, hex: fact.value }) : `"${fact.shown}"`;
}

/**
 * Every fact the translation shows that its original does not, and every one the original
 * shows that the translation leaves out. A changed fact (one fingerprint for another) is one
 * finding, at the translation's line; a left-out one is placed at the first line of its body.
 */
export function translationDrift(original: MarkdownPage, translation: MarkdownPage): Finding[] {
  const theirs = policyFacts(original.raw);
  const ours = policyFacts(translation.raw);
  const findings: Finding[] = [];
  const firstBodyLine = { line: frontMatterLines(translation.raw) + 1, column: 1 };
  for (const kind of ["fingerprint", "address", "keyserver link"] as const) {
    const expected = new Set(theirs.filter((f) => f.kind === kind).map((f) => f.value));
    const shown = new Set(ours.filter((f) => f.kind === kind).map((f) => f.value));
    // A link and its text on one line name one fact: said once there.
    const extra = ours.filter((f, i, all) => f.kind === kind && !expected.has(f.value) && all.findIndex((g) => g.kind === kind && g.value === f.value && g.position.line === f.position.line) === i);
    const missing = theirs.filter((f, i, all) => f.kind === kind && !shown.has(f.value) && all.findIndex((g) => g.kind === kind && g.value === f.value) === i);
    // An extra fact paired with a missing one is one fact changed: said once, with both.
    for (const [n, fact] of extra.entries()) {
      const instead = missing[n];
      const shown = { kind, value: shownValue(fact), original: original.file };
      findings.push(
        instead
          ? translationDriftRule.finding("changed", { ...shown, expected: shownValue(instead), line: instead.position.line }, translation.file, fact.position)
          : translationDriftRule.finding("extra", shown, translation.file, fact.position),
      );
    }
    for (const fact of missing.slice(extra.length)) {
      findings.push(translationDriftRule.finding("missing", { kind, value: shownValue(fact), original: original.file, line: fact.position.line }, translation.file, firstBodyLine));
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The version of an original a translation records: the first 12 hex digits of the SHA-256
 * of its Markdown body, line endings and trailing spaces aside, and its facts too. The facts
 * (fingerprints, addresses, keyserver links) are held equal by translation-drift; so a new key,
 * updated in the original and its translations alike, leaves the translations current.
 */
export function sourceVersion(raw: string): string {
  let text = body(raw);
  const shown = [...new Set(policyFacts(raw).map((f) => f.shown))].sort((a, b) => b.length - a.length);
  for (const fact of shown) text = text.split(fact).join("\u0000");
  const normalized = text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
  return createHash("sha256").update(normalized).digest("hex").slice(0, 12);
}

/** The `translatedFrom` of a page's front matter, as written; undefined when it has none. */
export function recordedSource(raw: string): string | undefined {
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/).slice(0, frontMatterLines(raw));
  const line = lines.find((l) => /^translatedFrom\s*:/.test(l));
  return line?.replace(/^translatedFrom\s*:\s*/, "").replace(/^["']|["']$/g, "").trim();
}

/** A warning when the translation does not record its original's version, or records another than the original's now. */
export function translationStale(original: MarkdownPage, translation: MarkdownPage): Finding[] {
  const now = sourceVersion(original.raw);
  const recorded = recordedSource(translation.raw);
  if (recorded === now) return [];
  const files = { translation: translation.file, original: original.file, version: now };
  if (recorded === undefined || recorded === "") {
    return [translationStaleRule.finding("unrecorded", files, translation.file, { line: 1, column: 1 })];
  }
  return [translationStaleRule.finding("originalChanged", { ...files, recorded }, translation.file, { line: frontMatterKeyLine(translation.raw, "translatedFrom"), column: 1 })];
}
