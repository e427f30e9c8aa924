/**
 * What a link says about the key it leads to. Besides keyserver lookups (src/formats/fingerprint.ts,
 * keyReferencesInUrl), policies link to keys as `openpgp4fpr:<fingerprint>` URIs, which hand the
 * fingerprint to an OpenPGP app, as Keybase's `https://keybase.io/<user>/pgp_keys.asc`, which
 * names the key in its `fingerprint` query, and as `https://github.com/<user>.gpg`, which gives
 * out every key the account holds and names none. A link that fetches a key but names none is a
 * problem of its own: nothing on the page says which key the reader will get.
 */
import { keyReferencesInUrl, type UrlKeyReference } from "./fingerprint.ts";
import type { FormatProblem } from "./problem.ts";

/** `githubKeys` and `keybaseNoFingerprint` each come with the `account` the link asks for. */
export type KeyLinkProblemCode = "githubKeys" | "keybaseNoFingerprint";

export interface KeyLink {
  /** The keys the link names, in the order it names them. */
  references: UrlKeyReference[];
  /** The link fetches a key without naming one. */
  problem?: FormatProblem<KeyLinkProblemCode>;
}

const KEYBASE_HOSTS = new Set(["keybase.io", "www.keybase.io"]);
const GITHUB_HOSTS = new Set(["github.com", "www.github.com"]);

/** Reads a link's key: the references it makes, or that it makes none while fetching a key. */
export function readKeyLink(href: string): KeyLink {
  const uri = /^openpgp4fpr:([^?#]*)/i.exec(href.trim());
  if (uri) return { references: [openpgp4fprReference(uri[1]!)] };
  const url = URL.canParse(href) ? new URL(href) : undefined;
  if (url && (url.protocol === "https:" || url.protocol === "http:")) {
    const host = url.hostname.toLowerCase();
    const keybase = KEYBASE_HOSTS.has(host) ? /^\/([^/]+)\/pgp_keys\.asc$/.exec(url.pathname) : null;
    if (keybase) {
      const account = decodeSegment(keybase[1]!);
      const written = url.searchParams.get("fingerprint");
      if (written === null || written.trim() === "") return { references: [], problem: { code: "keybaseNoFingerprint", values: { account } } };
      return { references: [writtenReference(written)] };
    }
    const github = GITHUB_HOSTS.has(host) ? /^\/([A-Za-z0-9][A-Za-z0-9-]*)\.gpg$/.exec(url.pathname) : null;
    if (github) return { references: [], problem: { code: "githubKeys", values: { account: github[1]! } } };
  }
  return { references: keyReferencesInUrl(href) };
}

/**
 * The fingerprint of `openpgp4fpr:<hex>` (the scheme OpenKeychain registers, and Autocrypt's
 * setup codes use): a fingerprint whatever its length, as the scheme carries nothing else.
 */
function openpgp4fprReference(written: string): UrlKeyReference {
  const digits = unprefixed(decodeSegment(written));
  return { hex: digits.toUpperCase(), written: digits, kind: "fingerprint" };
}

/** A fingerprint, or a long key ID, written in a query: spaces and `0x` left out. */
function writtenReference(written: string): UrlKeyReference {
  const digits = unprefixed(written);
  const hex = digits.toUpperCase();
  return { hex, written: digits, kind: hex.length === 16 ? "key-id" : "fingerprint" };
}

/** The digits as written: spaces and a leading `0x` left out, their case kept (messages quote them so). */
function unprefixed(written: string): string {
  return written
    .trim()
    .replace(/^0x/i, "")
    .replace(/[ \u00a0]+/g, "");
}

/** A path segment as written, its escapes decoded; one with a broken escape as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // The account or fingerprint is still named in the message, as the link writes it.
    return segment;
  }
}
