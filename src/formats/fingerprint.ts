import type { FormatProblem } from "./problem.ts";
import type { Fingerprint } from "../types.ts";

/** Hex digits in a v4 and a v6 fingerprint (RFC 4880 section 12.2; RFC 9580 section 5.5.4). */
export const FINGERPRINT_LENGTHS = { 4: 40, 6: 64 } as const;

const HEX = /^[0-9A-F]+$/;

/**
 * What can be wrong with a written fingerprint; each comes with `fingerprint`, the text as
 * written (trimmed). `notHex` names the `character`; `wrongDigitCount` the `count` of digits;
 * `groupNotFour` the `group` and its `length`. The rule fingerprint-malformed words them
 * (src/rules/page/fingerprint-malformed.ts).
 */
export type FingerprintProblemCode = "notHex" | "gapTooWide" | "wrongDigitCount" | "groupNotFour";

export type FingerprintProblem = FormatProblem<FingerprintProblemCode>;

/**
 * Reads a fingerprint the way people write one: grouped in fours with one or two spaces
 * (gpg prints a double space in the middle), or unbroken; any case; an optional `0x`.
 * Returns the fingerprint, or what is wrong with it.
 */
export function parseFingerprint(text: string): { fingerprint?: Fingerprint; problem?: FingerprintProblem } {
  const trimmed = text.trim().replace(/^0x/i, "");
  const groups = trimmed.split(/[ \u00a0]{1,2}/);
  const written = groups.join("");
  const digits = written.toUpperCase();
  const fingerprint = text.trim();

  // The character as the author wrote it: "g", not "G".
  const bad = [...written].findIndex((c) => !/[0-9A-Fa-f]/.test(c));
  if (bad >= 0) return fail("notHex", { fingerprint, character: `${written[bad]}` });
  if (/[ \u00a0]{3,}|\t/.test(trimmed)) return fail("gapTooWide", { fingerprint });
  const version = digits.length === 40 ? 4 : digits.length === 64 ? 6 : undefined;
  if (version === undefined) return fail("wrongDigitCount", { fingerprint, count: digits.length });
  if (groups.length > 1) {
    const odd = groups.find((g) => g.length !== 4);
    if (odd !== undefined) return fail("groupNotFour", { fingerprint, group: odd, length: odd.length });
  }
  return { fingerprint: { version, hex: digits } };
}

function fail(code: FingerprintProblemCode, values: Readonly<Record<string, string | number>>): { problem: FingerprintProblem } {
  return { problem: { code, values } };
}

/** `0168 DA26 2989 0DB9 …`: groups of four, the form pages and messages show and a reader can compare. */
export function formatFingerprint(fp: Fingerprint): string {
  return groupDigits(fp.hex.toUpperCase());
}

/** Hex digits in groups of four, in the case they are given in. */
export function groupDigits(digits: string): string {
  return digits.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The hex digits of a fingerprint as written, without `0x` and spaces, in the author's case. */
export function writtenDigits(text: string): string {
  return text.trim().replace(/^0x/i, "").replace(/[\s\u00a0]+/g, "");
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.version === b.version && a.hex === b.hex;
}

/** The long key ID: the last 16 hex digits of a v4 fingerprint, the first 16 of a v6 one (RFC 9580 section 5.5.4). */
export function keyIdOf(fp: Fingerprint): string {
  return fp.version === 4 ? fp.hex.slice(-16) : fp.hex.slice(0, 16);
}

/** A one-line pointer to the first digit that differs, for a message about a near miss. */
export function describeDifference(shown: Fingerprint, declared: Fingerprint): string {
  if (shown.version !== declared.version) {
    return `it is a v${shown.version} fingerprint and the declared one is v${declared.version}`;
  }
  const at = [...shown.hex].findIndex((c, i) => c !== declared.hex[i]);
  const differing = [...shown.hex].filter((c, i) => c !== declared.hex[i]).length;
  return differing === 1
    ? `digit ${at + 1} is ${shown.hex[at]} where the declared fingerprint has ${declared.hex[at]}`
    : `${differing} digits differ, the first at digit ${at + 1}`;
}

export interface FingerprintMention {
  /** Offset of the mention in the text searched. */
  index: number;
  text: string;
  fingerprint?: Fingerprint;
  problem?: FingerprintProblem;
}

/*
 * What looks like a fingerprint in running text: a chain of groups separated by one to
 * three spaces, or one unbroken run of 32 to 72 letters and digits. A group is two to
 * six letters or digits with at most one that is not hex, and a digit in it unless it
 * is four hex letters ("CAFE"); so words like "and" or "pgp" end a chain instead of
 * joining it, while a near miss ("C38G", "C38", a group too many) still forms one and
 * gets reported.
 */
const TOKEN = /[0-9A-Za-z]+/g;

function isGroupLike(token: string): boolean {
  if (token.length < 2 || token.length > 6) return false;
  const nonHex = token.replace(/[0-9A-Fa-f]/g, "").length;
  return nonHex <= 1 && (/[0-9]/.test(token) || (token.length === 4 && nonHex === 0));
}

function looksLikeFingerprint(groups: string[]): boolean {
  const chars = groups.join("");
  const nonHex = chars.replace(/[0-9A-Fa-f]/g, "").length;
  const digits = chars.replace(/[^0-9]/g, "").length;
  if (nonHex > 2 || digits < 4) return false;
  if (groups.length === 1) return chars.length >= 32 && chars.length <= 72;
  const fours = groups.filter((g) => g.length === 4).length;
  return groups.length >= 8 && fours >= groups.length - 2;
}

const FOUR_DIGITS = /^(?:[^0-9]*[0-9]){4}/;

/** Every fingerprint, or near miss of one, in a run of text. */
export function findFingerprints(text: string): FingerprintMention[] {
  // looksLikeFingerprint wants four digits or more, so a text with fewer holds no mention.
  if (!FOUR_DIGITS.test(text)) return [];
  const found: FingerprintMention[] = [];
  const report = (start: number, end: number, groups: string[]) => {
    if (!looksLikeFingerprint(groups)) return;
    const written = text.slice(start, end);
    found.push({ index: start, text: written, ...parseFingerprint(written) });
  };
  let chain: Array<{ token: string; start: number; end: number }> = [];
  const close = () => {
    if (chain.length > 0) report(chain[0]!.start, chain.at(-1)!.end, chain.map((c) => c.token));
    chain = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    const unbroken = token.replace(/^0x/i, "");
    if (unbroken.length >= 32) {
      close();
      report(start, end, [unbroken]);
      continue;
    }
    const previous = chain.at(-1);
    const joined = previous !== undefined && /^[ \u00a0]{1,3}$/.test(text.slice(previous.end, start));
    if (!joined) close();
    if (isGroupLike(token)) chain.push({ token: chain.length === 0 ? unbroken : token, start, end });
    else close();
  }
  close();
  return found;
}

/** Key IDs and fingerprints carried by a URL, e.g. a keyserver lookup or `by-fingerprint/…`. */
export interface UrlKeyReference {
  /** Upper case, to compare. */
  hex: string;
  /** The digits as the link writes them. */
  written: string;
  kind: "key-id" | "short-key-id" | "fingerprint";
}

const KEYSERVER_HINT = /(?:^|[./-])(?:keys?|pgp|gpg|openpgp|keyserver|sks|pks|hkps?)(?:[./-]|$)|by-(?:fingerprint|keyid)|\/pks\/lookup/i;

/**
 * The key references in a link. A hex run counts when it is written `0x…`, sits after
 * `by-fingerprint/` or `by-keyid/`, or the URL is evidently a keyserver's; other hex in
 * URLs (commit hashes on a code host, say) is left alone. A query value that is a
 * fingerprint or key ID written in groups (`?q=7FC1+6F16+…`, `search=0x7FC1%206F16…`) is
 * read whole, after the unbroken runs.
 */
export function keyReferencesInUrl(href: string): UrlKeyReference[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    // A malformed escape is not ours to report here; the raw text is still searched.
    decoded = href;
  }
  const keyserver = KEYSERVER_HINT.test(decoded);
  const refs: UrlKeyReference[] = [];
  for (const m of decoded.matchAll(/(?<![0-9A-Za-z])(0x)?([0-9A-Fa-f]{8,})(?![0-9A-Za-z])/g)) {
    const written = m[2] ?? "";
    const hex = written.toUpperCase();
    const prefixed = m[1] !== undefined;
    if (!prefixed && !keyserver) continue;
    if (hex.length === 16) refs.push({ hex, written, kind: "key-id" });
    else if (hex.length === 40 || hex.length === 64) refs.push({ hex, written, kind: "fingerprint" });
    else if (hex.length === 8 && prefixed) refs.push({ hex, written, kind: "short-key-id" });
    else if (prefixed) refs.push({ hex, written, kind: "fingerprint" });
  }
  for (const grouped of groupedQueryValues(href)) {
    if (!grouped.prefixed && !keyserver) continue;
    // Grouped digits are no short key ID's form; a count that is no key ID's is a fingerprint, if a wrong one.
    refs.push({ hex: grouped.hex, written: grouped.written, kind: grouped.hex.length === 16 ? "key-id" : "fingerprint" });
  }
  return refs;
}

/*
 * A query value holding nothing but hex in groups, as gpg prints a fingerprint ("7FC1 6F16 …",
 * a double space in the middle) or a key ID ("E880 C9B8 C5B5 3E91"): four groups or more, all
 * but two of them four digits long, so that a group mistyped short or long is still read (and
 * then named as a fingerprint no one declared), while words in a search are not.
 */
const GROUPED_VALUE = /^(0x)?([0-9A-F]{1,8}(?:[ \u00a0]{1,2}[0-9A-F]{1,8}){3,})$/i;

/**
 * The query values of a link (decoded as a form is: `+` and `%20` are spaces) that are hex in
 * groups, as one run of digits each. A value with a broken escape is none: the unbroken runs
 * are still read from the raw link.
 */
function groupedQueryValues(href: string): Array<{ hex: string; written: string; prefixed: boolean }> {
  const query = /\?([^#]*)/.exec(href)?.[1];
  if (query === undefined || query === "") return [];
  const found: Array<{ hex: string; written: string; prefixed: boolean }> = [];
  for (const part of query.split("&")) {
    const raw = part.slice(part.indexOf("=") + 1).replace(/\+/g, " ");
    let value: string;
    try {
      value = decodeURIComponent(raw).trim();
    } catch {
      // A broken escape in this value: the value is not a written fingerprint, and the unbroken runs are still read.
      continue;
    }
    const m = GROUPED_VALUE.exec(value);
    if (!m) continue;
    const groups = m[2]!.split(/[ \u00a0]+/);
    if (groups.filter((g) => g.length === 4).length < groups.length - 2) continue;
    found.push({ hex: groups.join("").toUpperCase(), written: groups.join(""), prefixed: m[1] !== undefined });
  }
  return found;
}

/**
 * The host of a keyserver lookup link, or undefined for any other link: an HKP lookup
 * (`https://host/pks/lookup?…`, which SKS-style servers answer) or keys.openpgp.org's search and
 * VKS paths, over https on the default port, so that the same host can be asked by full fingerprint.
 */
export function keyserverLookupHost(href: string): string | undefined {
  if (!URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (url.protocol !== "https:" || url.port !== "" || url.username !== "" || url.password !== "") return undefined;
  const host = url.hostname.toLowerCase();
  if (url.pathname === "/pks/lookup") return host;
  return host === "keys.openpgp.org" && (url.pathname === "/search" || url.pathname.startsWith("/vks/v1/by-")) ? host : undefined;
}

/** Whether a key reference in a link names this key: its fingerprint, or its long key ID (v4: the last 16 digits; v6: the first 16, or the last). */
export function referencesKey(ref: Pick<UrlKeyReference, "kind" | "hex">, fp: Fingerprint): boolean {
  if (ref.kind === "fingerprint") return ref.hex === fp.hex;
  return ref.kind === "key-id" && (keyIdOf(fp) === ref.hex || fp.hex.endsWith(ref.hex));
}

export function isHex(text: string): boolean {
  return HEX.test(text);
}
