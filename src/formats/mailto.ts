/**
 * RFC 6068 `mailto:` links: read one into the addresses and header fields it carries,
 * reporting what an author has to fix, and write one back. The problems are neutral: a code
 * and the values that describe it; the rule mailto-invalid words them
 * (src/rules/page/mailto-invalid.ts).
 */
import type { FormatProblem } from "./problem.ts";
import { decodeUtf8, utf8Length } from "./utf8.ts";

/** A header field of a mailto link, percent-decoded as UTF-8; `name` is lower case. */
export interface MailtoHeader {
  name: string;
  value: string;
}

/** What a mailto link asks the mail client to write. */
export interface Mailto {
  /** Every recipient: the addresses before "?", then those of each `to=` field, in order. */
  to: string[];
  /** Every header field in order, `to`, `subject` and `body` included. */
  headers: MailtoHeader[];
  /** The value of the first `subject` field. */
  subject?: string;
  /** The value of the first `body` field, each line break as "\n". */
  body?: string;
}

/**
 * What can be wrong with the address of a mailto link. Each comes with `address`, the decoded
 * address as a JSON string; `character` is a character described for a reader ("a space",
 * "control character U+000A", `"("`), `count` a number of "@" in words.
 */
export type MailtoAddressProblemCode =
  | "addressQuotedWithoutAt"
  | "addressAfterQuote"
  | "addressWithoutAt"
  | "addressNothingBeforeAt"
  | "addressLocalStartsWithDot"
  | "addressLocalEndsWithDot"
  | "addressLocalEmptyLabel"
  | "addressLocalCharacter"
  | "addressManyAt"
  | "addressNothingAfterAt"
  | "addressDomainStartsWithDot"
  | "addressDomainEndsWithDot"
  | "addressDomainEmptyLabel"
  | "addressDomainCharacter"
  | "addressLiteralTextAfter"
  | "addressLiteralCharacter"
  | "addressLiteralUnclosed"
  | "addressQuotedCharacter"
  | "addressQuoteUnclosed";

/**
 * What can be wrong with a mailto link, at its offset in the href. `column` is that offset
 * plus one; texts shown quoted (`link`, `field`, `name`, `escape`, `bytes`, `address`) are
 * JSON strings; `codePoint` is written U+XXXX and `escaped` is the character percent-encoded.
 */
export type MailtoProblemCode =
  | "notMailto"
  | "leadingWhitespace"
  | "fragment"
  | "slashes"
  | "noAddress"
  | "emptyAddress"
  | "emptyField"
  | "fieldWithoutEquals"
  | "fieldWithoutName"
  | "fieldNameCharacter"
  | "emptyTo"
  | "badEscape"
  | "notUtf8"
  | "secondQuestionMark"
  | "unpairedSurrogate"
  | "rawCharacter"
  | "rawLineBreak"
  | MailtoAddressProblemCode;

export type MailtoProblem = FormatProblem<MailtoProblemCode> & { index: number };

/** Besides unreserved characters, what RFC 6068 lets appear raw in header field names and values (some-delims). */
const QCHAR_DELIMS = "!$'()*+,;:@";
/** In the addresses before "?", "," separates addresses and ";" has to be percent-encoded (RFC 6068 section 2, item 1). */
const TO_DELIMS = "!$'()*+:@";
/**
 * What formatMailto leaves raw in names and values: "+" is encoded because some clients read it as a
 * space, ";" because the prose of RFC 6068 section 2 asks for it although its ABNF allows it raw.
 */
const VALUE_SAFE = "!$'()*,:@";
/** What formatMailto leaves raw in an address: "@" only as the separator, "," only between addresses. */
const ADDRESS_SAFE = "!$'()*+:";

// Decoded bodies spell every line break "\n"; formatMailto writes each one back as %0D%0A.
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Reads an href as an RFC 6068 mailto URI: the decoded link when it is valid, otherwise every
 * problem found, in the order they occur. Never throws.
 */
export function parseMailto(href: string): { mailto?: Mailto; problems: MailtoProblem[] } {
  if (!/^mailto:/i.test(href)) return { problems: [notMailto(href)] };

  const reading: Reading = { href, problems: [], addresses: 0 };
  const problems = reading.problems;
  let start = "mailto:".length;
  let end = href.indexOf("#", start);
  if (end === -1) {
    end = href.length;
  } else {
    problems.push(fault(end, "fragment", { column: end + 1 }));
  }
  if (href.startsWith("//", start)) {
    problems.push(fault(start, "slashes"));
    start += 2;
  }

  const question = href.indexOf("?", start);
  const pathEnd = question === -1 || question > end ? end : question;
  const to: string[] = [];
  const headers: MailtoHeader[] = [];

  if (pathEnd > start) {
    for (const [from, until] of split(href, start, pathEnd, ",")) {
      const address = readAddress(reading, from, until, start, pathEnd);
      if (address !== undefined) to.push(address);
    }
  }
  if (pathEnd < end) {
    for (const [from, until] of split(href, pathEnd + 1, end, "&")) {
      const field = readField(reading, from, until);
      if (field === undefined) continue;
      to.push(...field.addresses);
      headers.push({ name: field.name, value: field.value });
    }
  }
  if (reading.addresses === 0) {
    problems.push(fault(start, "noAddress"));
  }

  if (problems.length > 0) {
    return { problems: problems.sort((a, b) => a.index - b.index) };
  }
  const mailto: Mailto = { to, headers };
  const subject = headers.find((h) => h.name === "subject");
  if (subject !== undefined) mailto.subject = subject.value;
  const body = headers.find((h) => h.name === "body");
  if (body !== undefined) mailto.body = body.value;
  return { mailto, problems };
}

/**
 * Writes an RFC 6068 mailto URI: `to` before "?", then subject, the other headers and body.
 * Entries of `headers` that only restate `to`, `subject` or `body` are left out, so a parsed
 * Mailto writes back without duplicates. Throws when the result could not be a valid link.
 */
export function formatMailto(m: {
  to: string[];
  subject?: string;
  body?: string;
  headers?: MailtoHeader[];
}): string {
  if (m.to.length === 0) {
    throw new Error(`formatMailto: \`to\` is empty; a mailto link needs at least one address, e.g. ["security@example.org"]`);
  }
  for (const address of m.to) {
    const invalid = address === "" ? "it is empty; write an address such as security@example.org" : describeAddressFault(checkAddress(address));
    if (invalid !== undefined) {
      throw new Error(`formatMailto: ${JSON.stringify(address)} in \`to\` is not an email address: ${invalid}`);
    }
  }

  const others: string[] = [];
  const laterBodies: string[] = [];
  let subjectRestated = false;
  let bodyRestated = false;
  for (const header of m.headers ?? []) {
    const name = header.name.toLowerCase();
    if (header.name === "") throw new Error(`formatMailto: header name "" is empty; give the field a name, e.g. subject`);
    const invalidName = checkFieldName(header.name);
    if (invalidName !== undefined) {
      throw new Error(
        `formatMailto: header name ${JSON.stringify(header.name)} contains ${invalidName.character}; header field names are printable ASCII without spaces or ":", e.g. subject`,
      );
    }
    if (name === "to") {
      // Every recipient is written from `to`, so a "to" field may only restate it.
      for (const address of splitAddressList(header.value)) {
        if (!m.to.includes(address)) {
          throw new Error(
            `formatMailto: header "to" lists ${JSON.stringify(address)}, which is not in \`to\`; put every recipient in \`to\``,
          );
        }
      }
      continue;
    }
    if (name === "subject" && !subjectRestated && header.value === m.subject) {
      subjectRestated = true;
      continue;
    }
    if (name === "body" && !bodyRestated && m.body !== undefined && sameLines(header.value, m.body)) {
      bodyRestated = true;
      continue;
    }
    const field = `${encode(header.name, VALUE_SAFE, "header name")}=${encodeValue(name, header.value)}`;
    (name === "body" ? laterBodies : others).push(field);
  }

  const fields: string[] = [];
  if (m.subject !== undefined) fields.push(`subject=${encodeValue("subject", m.subject)}`);
  fields.push(...others);
  if (m.body !== undefined) fields.push(`body=${encodeValue("body", m.body)}`);
  fields.push(...laterBodies);

  const path = m.to.map(encodeAddress).join(",");
  return fields.length === 0 ? `mailto:${path}` : `mailto:${path}?${fields.join("&")}`;
}

/** Whether `address` (decoded, not percent-encoded) is an RFC 5322 addr-spec as RFC 6068 allows it in a mailto link. */
export function isAddrSpec(address: string): boolean {
  return address !== "" && checkAddress(address) === undefined;
}

// ---------------------------------------------------------------------------
// Reading

function fault(index: number, code: MailtoProblemCode, values: Readonly<Record<string, string | number>> = {}): MailtoProblem {
  return { code, values, index };
}

function notMailto(href: string): MailtoProblem {
  if (/^\s+mailto:/i.test(href)) return fault(0, "leadingWhitespace");
  const shown = href.length > 40 ? `${href.slice(0, 40)}…` : href;
  return fault(0, "notMailto", { link: JSON.stringify(shown) });
}

/** The [from, until) ranges between raw `separator`s in href[start, end). */
function split(href: string, start: number, end: number, separator: string): Array<[number, number]> {
  // Searching a slice keeps many short ranges from each scanning to the end of a long href.
  const text = href.slice(start, end);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, from)) {
    ranges.push([start + from, start + at]);
    from = at + 1;
  }
  ranges.push([start + from, end]);
  return ranges;
}

interface Reading {
  href: string;
  problems: MailtoProblem[];
  /** How many addresses the link tried to give, valid or not. */
  addresses: number;
}

function readAddress(
  reading: Reading,
  from: number,
  until: number,
  listStart: number,
  listEnd: number,
): string | undefined {
  const { href, problems } = reading;
  reading.addresses += 1;
  if (from === until) {
    // The extra "," is the one ending this empty entry, or the trailing one.
    const comma = until < listEnd ? until : from - 1;
    const at = comma < listStart ? listStart : comma;
    problems.push(fault(at, "emptyAddress", { column: at + 1 }));
    return undefined;
  }
  const decoded = decode(href, from, until, TO_DELIMS, problems);
  if (decoded === undefined) return undefined;
  const invalid = checkAddress(decoded.text);
  if (invalid !== undefined) {
    problems.push(fault(decoded.offsets[invalid.index] ?? from, invalid.code, { address: JSON.stringify(decoded.text), ...invalid.values }));
    return undefined;
  }
  return decoded.text;
}

interface Field {
  name: string;
  value: string;
  addresses: string[];
}

function readField(reading: Reading, from: number, until: number): Field | undefined {
  const { href, problems } = reading;
  if (from === until) {
    // The extra separator is the "&" that follows, or else the one before at the end of the link.
    const extra = href.charAt(until) === "&" ? until : from - 1;
    const separator = href.charAt(extra);
    problems.push(fault(extra, "emptyField", { separator, column: extra + 1 }));
    return undefined;
  }
  const found = href.slice(from, until).indexOf("=");
  const equals = found === -1 ? -1 : from + found;
  if (equals === -1) {
    const raw = href.slice(from, until);
    problems.push(fault(from, "fieldWithoutEquals", { field: JSON.stringify(raw), column: from + 1, name: raw }));
    return undefined;
  }
  if (equals === from) {
    problems.push(fault(from, "fieldWithoutName", { column: from + 1 }));
    return undefined;
  }

  const decodedName = decode(href, from, equals, QCHAR_DELIMS, problems);
  let name: string | undefined;
  if (decodedName !== undefined) {
    const invalid = checkFieldName(decodedName.text);
    if (invalid === undefined) {
      name = decodedName.text.toLowerCase();
    } else {
      const at = decodedName.offsets[invalid.index] ?? from;
      problems.push(fault(at, "fieldNameCharacter", { name: JSON.stringify(decodedName.text), column: at + 1, character: invalid.character }));
    }
  }

  const valueStart = equals + 1;
  if (name === "to") {
    if (valueStart === until) {
      reading.addresses += 1;
      problems.push(fault(from, "emptyTo", { column: from + 1 }));
      return undefined;
    }
    const addresses: string[] = [];
    let complete = true;
    for (const [a, b] of split(href, valueStart, until, ",")) {
      const address = readAddress(reading, a, b, valueStart, until);
      if (address === undefined) complete = false;
      else addresses.push(address);
    }
    return complete ? { name, value: addresses.join(","), addresses } : undefined;
  }

  const value = decode(href, valueStart, until, QCHAR_DELIMS, problems);
  if (name === undefined || value === undefined) return undefined;
  const text = name === "body" ? value.text.replace(LINE_BREAK, "\n") : value.text;
  return { name, value: text, addresses: [] };
}

interface Decoded {
  text: string;
  /** For each UTF-16 code unit of `text`, the offset in href of the character or escape it came from. */
  offsets: number[];
}

/**
 * Percent-decodes href[from, until) as UTF-8, reporting raw characters outside unreserved and
 * `delims`, malformed escapes and bytes that are not UTF-8. Undefined when anything was reported.
 */
function decode(href: string, from: number, until: number, delims: string, problems: MailtoProblem[]): Decoded | undefined {
  const bytes: number[] = [];
  const at: number[] = [];
  let clean = true;
  let strayQuestion = false;
  let i = from;
  while (i < until) {
    const cp = href.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (ch === "%") {
      const hex = href.slice(i + 1, Math.min(i + 3, until));
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        at.push(i);
        i += 3;
        continue;
      }
      problems.push(fault(i, "badEscape", { escape: JSON.stringify(`%${hex}`) }));
      clean = false;
      i += 1;
      continue;
    }
    if (cp < 0x80 && (isUnreserved(cp) || delims.includes(ch))) {
      bytes.push(cp);
      at.push(i);
      i += 1;
      continue;
    }
    clean = false;
    // After a second "?", an "=" most likely starts a field the "?" was meant to separate: one report is enough.
    if (!(ch === "=" && strayQuestion)) problems.push(rawCharacter(i, cp));
    if (ch === "?") strayQuestion = true;
    i += ch.length;
  }
  if (!clean) return undefined;

  const decoded = decodeBytes(bytes, at);
  if ("text" in decoded) return decoded;
  const first = at[decoded.from] ?? from;
  // Show the byte that broke the sequence only when it is an escape too; a raw character after it is fine.
  let to = decoded.to;
  if (to - 1 > decoded.from && href.charAt(at[to - 1] ?? first) !== "%") to -= 1;
  const lastStart = at[to - 1] ?? first;
  const last = href.charAt(lastStart) === "%" ? lastStart + 3 : lastStart + 1;
  problems.push(fault(first, "notUtf8", { bytes: JSON.stringify(href.slice(first, last)), column: first + 1 }));
  return undefined;
}

function isUnreserved(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0x2d ||
    cp === 0x2e ||
    cp === 0x5f ||
    cp === 0x7e
  );
}

/** A character at href[index] that may not appear raw there. */
function rawCharacter(index: number, cp: number): MailtoProblem {
  const column = index + 1;
  if (cp === 0x3f) return fault(index, "secondQuestionMark", { column });
  if (cp >= 0xd800 && cp <= 0xdfff) return fault(index, "unpairedSurrogate", { codePoint: codePointName(cp), column });
  const escaped = percentEncode(String.fromCodePoint(cp));
  if (cp === 0x0a || cp === 0x0d) return fault(index, "rawLineBreak", { codePoint: codePointName(cp), column, escaped });
  return fault(index, "rawCharacter", { character: describe(cp), column, escaped });
}

function describe(cp: number): string {
  if (cp === 0x20) return "space";
  if (cp === 0x22) return `double quote (")`;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return `control character ${codePointName(cp)}`;
  if (cp >= 0x80) return `non-ASCII character "${String.fromCodePoint(cp)}"`;
  return `"${String.fromCodePoint(cp)}"`;
}

function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The percent-decoded bytes as strict UTF-8, each UTF-16 unit mapped to the href offset it came from; or the bad bytes' range. */
function decodeBytes(bytes: number[], at: number[]): Decoded | { from: number; to: number } {
  const decoded = decodeUtf8(Uint8Array.from(bytes));
  if (decoded.error) return { from: decoded.error.start, to: decoded.error.end };
  const offsets: number[] = [];
  let byte = 0;
  for (const ch of decoded.text) {
    const offset = at[byte] ?? 0;
    for (let k = 0; k < ch.length; k += 1) offsets.push(offset);
    byte += utf8Length(ch.codePointAt(0) ?? 0);
  }
  return { text: decoded.text, offsets };
}

// ---------------------------------------------------------------------------
// Addresses and field names

/** What is wrong with an address, at its offset in the address. */
type AddressFault = { code: MailtoAddressProblemCode; values: Readonly<Record<string, string | number>>; index: number };

function wrong(index: number, code: MailtoAddressProblemCode, values: Readonly<Record<string, string | number>> = {}): AddressFault {
  return { code, values, index };
}

const ATEXT_DELIMS = "!#$%&'*+-/=?^_`{|}~";

function isAtext(cp: number): boolean {
  if (cp < 0x80) return isAlphaNumeric(cp) || ATEXT_DELIMS.includes(String.fromCharCode(cp));
  return isNonAsciiText(cp);
}

function isAlphaNumeric(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** RFC 6532 lets UTF-8 text into addresses; control characters and lone surrogates stay out. */
function isNonAsciiText(cp: number): boolean {
  return cp >= 0xa0 && !(cp >= 0xd800 && cp <= 0xdfff);
}

function quoteChar(cp: number): string {
  if (cp === 0x20) return "a space";
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return `control character ${codePointName(cp)}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `unpaired surrogate ${codePointName(cp)}`;
  return JSON.stringify(String.fromCodePoint(cp));
}

const COUNTS = ["no", "one", "two", "three"];

/** What is wrong with a non-empty address, or undefined when it is an addr-spec. */
function checkAddress(address: string): AddressFault | undefined {
  let separator: number;
  if (address.startsWith('"')) {
    const close = closingQuote(address);
    if (!("end" in close)) return close;
    separator = close.end;
    if (separator >= address.length) return wrong(0, "addressQuotedWithoutAt");
    if (address.charCodeAt(separator) !== 0x40) {
      return wrong(separator, "addressAfterQuote", { character: quoteChar(address.codePointAt(separator) ?? 0) });
    }
  } else {
    separator = address.indexOf("@");
    if (separator === -1) return wrong(0, "addressWithoutAt");
    if (separator === 0) return wrong(0, "addressNothingBeforeAt");
    const local = checkDotAtom(address, 0, separator, LOCAL_PART);
    if (local !== undefined) return local;
  }

  const domainStart = separator + 1;
  const more = address.indexOf("@", domainStart);
  if (more !== -1 && !address.startsWith("[", domainStart)) {
    const count = address.slice(domainStart).split("@").length;
    return wrong(more, "addressManyAt", { count: COUNTS[count] ?? count });
  }
  if (domainStart === address.length) return wrong(separator, "addressNothingAfterAt");
  if (address.startsWith("[", domainStart)) return checkDomainLiteral(address, domainStart);
  return checkDotAtom(address, domainStart, address.length, DOMAIN);
}

/** Where the quoted local part that starts `address` ends (just past its closing quote), or what is wrong with it. */
function closingQuote(address: string): { end: number } | AddressFault {
  let i = 1;
  while (i < address.length) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x22) return { end: i + 1 };
    if (cp === 0x5c) {
      const next = address.codePointAt(i + 1);
      if (next === undefined) break;
      if (!(next === 0x09 || (next >= 0x20 && next <= 0x7e) || isNonAsciiText(next))) {
        return wrong(i + 1, "addressQuotedCharacter", { character: quoteChar(next) });
      }
      i += next > 0xffff ? 3 : 2;
      continue;
    }
    // qtext and the spaces of FWS; obs-qtext and NO-WS-CTL are out (RFC 6068 section 2, item 2).
    if (!(cp === 0x09 || (cp >= 0x20 && cp <= 0x7e) || isNonAsciiText(cp))) {
      return wrong(i, "addressQuotedCharacter", { character: quoteChar(cp) });
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return wrong(0, "addressQuoteUnclosed");
}

/** The codes of what can be wrong with one dot-atom part of an address. */
interface DotAtomCodes {
  startsWithDot: MailtoAddressProblemCode;
  endsWithDot: MailtoAddressProblemCode;
  emptyLabel: MailtoAddressProblemCode;
  character: MailtoAddressProblemCode;
}

const LOCAL_PART: DotAtomCodes = {
  startsWithDot: "addressLocalStartsWithDot",
  endsWithDot: "addressLocalEndsWithDot",
  emptyLabel: "addressLocalEmptyLabel",
  character: "addressLocalCharacter",
};

const DOMAIN: DotAtomCodes = {
  startsWithDot: "addressDomainStartsWithDot",
  endsWithDot: "addressDomainEndsWithDot",
  emptyLabel: "addressDomainEmptyLabel",
  character: "addressDomainCharacter",
};

/** dot-atom-text over address[from, to), which the callers make non-empty. */
function checkDotAtom(address: string, from: number, to: number, codes: DotAtomCodes): AddressFault | undefined {
  if (address.charCodeAt(from) === 0x2e) return wrong(from, codes.startsWithDot);
  if (address.charCodeAt(to - 1) === 0x2e) return wrong(to - 1, codes.endsWithDot);
  let i = from;
  while (i < to) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x2e && address.charCodeAt(i + 1) === 0x2e) return wrong(i + 1, codes.emptyLabel);
    if (cp !== 0x2e && !isAtext(cp)) return wrong(i, codes.character, { character: quoteChar(cp) });
    i += cp > 0xffff ? 2 : 1;
  }
  return undefined;
}

/** "[" *dtext-no-obs "]" from `from` to the end of the address. */
function checkDomainLiteral(address: string, from: number): AddressFault | undefined {
  let i = from + 1;
  while (i < address.length) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x5d) {
      if (i === address.length - 1) return undefined;
      return wrong(i + 1, "addressLiteralTextAfter");
    }
    if (!((cp >= 33 && cp <= 90) || (cp >= 94 && cp <= 126))) {
      return wrong(i, "addressLiteralCharacter", { character: quoteChar(cp) });
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return wrong(from, "addressLiteralUnclosed");
}

/**
 * RFC 5322 field-name: one or more printable ASCII characters other than ":". Of a non-empty
 * name, the first character it cannot hold, described, at its offset.
 */
function checkFieldName(name: string): { index: number; character: string } | undefined {
  let i = 0;
  while (i < name.length) {
    const cp = name.codePointAt(i) ?? 0;
    if (cp < 33 || cp > 126 || cp === 0x3a) return { index: i, character: quoteChar(cp) };
    i += cp > 0xffff ? 2 : 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Writing

/**
 * What is wrong with an address given to formatMailto, for its error: a mistake in our code
 * rather than an author's, so it is told here; in a link, the rule mailto-invalid words the
 * same problems for the author (src/rules/page/mailto-invalid.ts).
 */
function describeAddressFault(fault: AddressFault | undefined): string | undefined {
  if (fault === undefined) return undefined;
  const { character, count } = fault.values;
  switch (fault.code) {
    case "addressQuotedWithoutAt":
      return `it has no "@"; write "@" and the domain after the closing quote`;
    case "addressAfterQuote":
      return `it has ${character} after the closing double quote; put the "@" right after the closing quote`;
    case "addressWithoutAt":
      return `it has no "@"; write it as mailbox@domain, e.g. security@example.org`;
    case "addressNothingBeforeAt":
      return `it has nothing before the "@"; write the mailbox name before the "@", e.g. security@example.org`;
    case "addressLocalStartsWithDot":
      return `the part before "@" starts with "."; remove that "."`;
    case "addressLocalEndsWithDot":
      return `the part before "@" ends with "."; remove that "."`;
    case "addressLocalEmptyLabel":
      return `the part before "@" has an empty label (".."); remove the extra "."`;
    case "addressLocalCharacter":
      return `${character} is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)`;
    case "addressManyAt":
      return `it has ${count} "@"; keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org`;
    case "addressNothingAfterAt":
      return `it has nothing after the "@"; write the domain after the "@", e.g. security@example.org`;
    case "addressDomainStartsWithDot":
      return `its domain starts with "."; remove that "."`;
    case "addressDomainEndsWithDot":
      return `its domain ends with "."; remove that "."`;
    case "addressDomainEmptyLabel":
      return `its domain has an empty label (".."); remove the extra "."`;
    case "addressDomainCharacter":
      return `${character} is not allowed in its domain; remove it; a domain is dot-separated labels, e.g. example.org`;
    case "addressLiteralTextAfter":
      return `it has text after the "]" of its domain; remove it`;
    case "addressLiteralCharacter":
      return `${character} is not allowed inside the [ ] of its domain; remove it; a domain literal holds an address such as [192.0.2.1]`;
    case "addressLiteralUnclosed":
      return `the "[" of its domain is never closed; end the domain with "]" (%5D in the link)`;
    case "addressQuotedCharacter":
      return `${character} cannot appear inside quotes; remove it`;
    case "addressQuoteUnclosed":
      return `its opening double quote is never closed; end the quoted part with a double quote (%22 in the link) before the "@"`;
  }
}

function encodeAddress(address: string): string {
  const quoted = address.startsWith('"') ? closingQuote(address) : undefined;
  const separator = quoted === undefined ? address.indexOf("@") : "end" in quoted ? quoted.end : -1;
  const local = encode(address.slice(0, separator), ADDRESS_SAFE, "address");
  const domain = encode(address.slice(separator + 1), ADDRESS_SAFE, "address");
  return `${local}@${domain}`;
}

function encodeValue(name: string, value: string): string {
  const text = name === "body" ? value.replace(LINE_BREAK, "\r\n") : value;
  return encode(text, VALUE_SAFE, `${name} value`);
}

function encode(text: string, safe: string, what: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new Error(
        `formatMailto: ${what} ${JSON.stringify(text)} contains unpaired surrogate ${codePointName(cp)}, ` +
          `which has no UTF-8 form; remove it`,
      );
    }
    out += cp < 0x80 && (isUnreserved(cp) || safe.includes(ch)) ? ch : percentEncode(ch);
    i += ch.length;
  }
  return out;
}

const utf8 = new TextEncoder();

function percentEncode(ch: string): string {
  let out = "";
  for (const byte of utf8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/** Splits a decoded address list at the commas that are not inside double quotes (a quoted local part or display name). */
export function splitAddressList(value: string): string[] {
  const addresses: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charAt(i);
    if (quoted && c === "\\") i += 1;
    else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      addresses.push(value.slice(from, i));
      from = i + 1;
    }
  }
  addresses.push(value.slice(from));
  return addresses;
}

function sameLines(a: string, b: string): boolean {
  return a.replace(LINE_BREAK, "\n") === b.replace(LINE_BREAK, "\n");
}

/**
 * A mailing list's command address, which takes no mail for people: `announce-request@` (RFC 2142's
 * convention, and Mailman's), `announce-subscribe@`, `-unsubscribe@`, `-join@` and `-leave@`
 * (Mailman 3, ezmlm), `announce+subscribe@` and `+unsubscribe@` (Google Groups). A link to one
 * subscribes a reader; no report travels through it.
 */
export function isListCommandAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0) return false;
  return /.[-+](?:subscribe|unsubscribe)$|.-(?:request|join|leave)$/i.test(address.slice(0, at));
}

/**
 * Whether two addresses are the same mailbox: the domain compared without regard to case, the
 * local part as written, since it belongs to the receiving server.
 */
export function sameAddress(a: string, b: string): boolean {
  const [localA, domainA] = splitAt(a);
  const [localB, domainB] = splitAt(b);
  return localA === localB && domainA.toLowerCase() === domainB.toLowerCase();
}

function splitAt(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return at === -1 ? [address.trim(), ""] : [address.slice(0, at).trim(), address.slice(at + 1).trim()];
}
