/**
 * The email addresses a reader sees in running text: written plainly (`security@example.org`)
 * or spelt out so that harvesters miss them (`security [at] example [dot] org`,
 * `security (AT) example (DOT) org`, `security {at} example.org`, `security at example dot org`).
 * A reader copies either kind into a mail client, so a check that compares addresses with the
 * declared ones has to see both. Pure: text in, mentions out.
 */

export interface AddressMention {
  /** Offset of the mention in the text searched. */
  index: number;
  /** The mention as written. */
  text: string;
  /** The address it stands for, `local@domain`, in the case it was written in. */
  address: string;
  /** Spelt out rather than written with "@" and ".". */
  obfuscated: boolean;
}

/*
 * The characters of a local part as prose writes one: RFC 5322's atext without the quote,
 * slash and braces, which in running text are punctuation ('…', a/b, {at}) far more often
 * than part of an address; and letters of any script.
 */
const ATEXT = String.raw`[\p{L}\p{N}!#$%&*+=?^_\x60~-]`;
const ATOM = `${ATEXT}+`;
/** A host name's label: letters and digits, with hyphens inside. */
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
/** The same in ASCII, for the spelt-out word form, which must look like a host to count. */
const ASCII_LABEL = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`;
/** Nothing of an address may go on after one: no letter, digit or hyphen, nor a dot and more of a host. */
const END = String.raw`(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])`;
const START = `(?<!${ATEXT})`;

/** "at" and "dot" in brackets of one kind: [at], (at), {at}, <at>, any case, spaces allowed inside. */
const bracketed = (word: string) => String.raw`(?:\[\s*${word}\s*\]|\(\s*${word}\s*\)|\{\s*${word}\s*\}|<\s*${word}\s*>)`;
const BRACKET_DOT = String.raw`(?:\.|\s*${bracketed("dot")}\s*)`;
const WORD_DOT = String.raw`(?:\.|\s+dot\s+)`;

const PLAIN = new RegExp(`${START}(${ATOM}(?:\\.${ATOM})*)@(${LABEL}(?:\\.${LABEL})+)${END}`, "gu");
const BRACKETS = new RegExp(`${START}(${ATOM}(?:${BRACKET_DOT}${ATOM})*)\\s*${bracketed("at")}\\s*(${LABEL}(?:${BRACKET_DOT}${LABEL})+)${END}`, "giu");
const WORDS = new RegExp(`${START}(${ATOM}(?:${WORD_DOT}${ATOM})*)\\s+at\\s+(${ASCII_LABEL}(?:${WORD_DOT}${ASCII_LABEL})+)${END}`, "giu");

/** Cheap tests that rule a text out before the full patterns run: most text holds no address. */
const MAYBE_BRACKETS = /[[({<]\s*at\s*[\])}>]/i;
const MAYBE_WORDS = /\sat\s[\s\S]*\sdot\s/i;
const SPELT_DOT = new RegExp(String.raw`\s*${bracketed("dot")}\s*|\s+dot\s+`, "giu");
const HAS_WORD_DOT = /\s+dot\s+/i;

/** A top-level domain as hosts have them: two or more characters, starting with a letter (`org`, `io`, `xn--p1ai`). */
function isTopLevel(label: string): boolean {
  return label.length >= 2 && /^\p{L}/u.test(label);
}

/** The local part and domain as written, each `[dot]` or ` dot ` made a ".". */
function unspell(part: string): string {
  return part.replace(SPELT_DOT, ".");
}

/** Every address in a text, plain or spelt out, in the order they stand. */
export function findAddresses(text: string): AddressMention[] {
  const found: AddressMention[] = [];
  const add = (m: RegExpMatchArray, obfuscated: boolean) => {
    const local = unspell(m[1]!);
    const domain = unspell(m[2]!);
    const labels = domain.split(".");
    if (!isTopLevel(labels.at(-1)!) || local === "" || local.length > 64 || domain.length > 253) return;
    found.push({ index: m.index!, text: m[0], address: `${local}@${domain}`, obfuscated });
  };
  if (text.includes("@")) for (const m of text.matchAll(PLAIN)) add(m, false);
  if (MAYBE_BRACKETS.test(text)) for (const m of text.matchAll(BRACKETS)) add(m, true);
  // The word form only with " at " and at least one " dot " in the host: "meet at noon" is no address.
  if (MAYBE_WORDS.test(text)) for (const m of text.matchAll(WORDS)) if (HAS_WORD_DOT.test(m[2]!) && !/^(?:at|dot)$/i.test(m[1]!)) add(m, true);
  if (found.length < 2) return found;
  // Two forms may read one stretch of text; the one that starts first (and then the longer) stands.
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: AddressMention[] = [];
  for (const m of found) {
    const last = kept.at(-1);
    if (last === undefined || m.index >= last.index + last.text.length) kept.push(m);
  }
  return kept;
}
