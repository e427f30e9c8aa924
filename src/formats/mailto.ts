/**
 * RFC 6068 `mailto:` links: read one into the addresses and header fields it carries,
 * reporting what an author has to fix, and write one back.
 */
import { type Problem } from "../findings/finding.ts";
import { problem } from "../rules/registry.ts";
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

const EXAMPLE = "mailto:security@example.org";

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
export function parseMailto(href: string): { mailto?: Mailto; problems: Problem[] } {
  if (!/^mailto:/i.test(href)) return { problems: [notMailto(href)] };

  const reading: Reading = { href, problems: [], addresses: 0 };
  const problems = reading.problems;
  let start = "mailto:".length;
  let end = href.indexOf("#", start);
  if (end === -1) {
    end = href.length;
  } else {
    problems.push(
      fault(
        end,
        `"#" at column ${end + 1} starts a fragment, which means nothing in a mailto link; ` +
          `write it as %23 if it belongs to an address or value, otherwise remove it and what follows`,
      ),
    );
  }
  if (href.startsWith("//", start)) {
    problems.push(
      fault(start, `mailto link has "//" after "mailto:"; write the address right after the colon, e.g. ${EXAMPLE}`),
    );
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
    problems.push(fault(start, `mailto link has no address; write one after "mailto:", e.g. ${EXAMPLE}`));
  }

  if (problems.length > 0) {
    return { problems: problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
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
    const invalid = checkAddress(address);
    if (invalid !== undefined) {
      throw new Error(`formatMailto: ${JSON.stringify(address)} in \`to\` is not an email address: ${invalid.message}`);
    }
  }

  const others: string[] = [];
  const laterBodies: string[] = [];
  let subjectRestated = false;
  let bodyRestated = false;
  for (const header of m.headers ?? []) {
    const name = header.name.toLowerCase();
    const invalidName = checkFieldName(header.name);
    if (invalidName !== undefined) {
      throw new Error(`formatMailto: header name ${JSON.stringify(header.name)} ${invalidName.message}`);
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
  return checkAddress(address) === undefined;
}

// ---------------------------------------------------------------------------
// Reading

function fault(index: number, message: string): Problem {
  return problem("mailto-invalid", message, { index });
}

function notMailto(href: string): Problem {
  if (/^\s+mailto:/i.test(href)) {
    return fault(0, `mailto link starts with whitespace; remove it so the link begins with "mailto:"`);
  }
  const shown = href.length > 40 ? `${href.slice(0, 40)}…` : href;
  return fault(0, `${JSON.stringify(shown)} is not a mailto link; write "mailto:" followed by the address, e.g. ${EXAMPLE}`);
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
  problems: Problem[];
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
    problems.push(fault(at, `empty address at column ${at + 1} in mailto link; remove the extra ","`));
    return undefined;
  }
  const decoded = decode(href, from, until, TO_DELIMS, problems);
  if (decoded === undefined) return undefined;
  const invalid = checkAddress(decoded.text);
  if (invalid !== undefined) {
    problems.push(
      fault(
        decoded.offsets[invalid.index ?? 0] ?? from,
        `${JSON.stringify(decoded.text)} is not an email address: ${invalid.message}`,
      ),
    );
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
    problems.push(
      fault(extra, `extra "${separator}" at column ${extra + 1} in mailto link leaves an empty header field; remove it`),
    );
    return undefined;
  }
  const found = href.slice(from, until).indexOf("=");
  const equals = found === -1 ? -1 : from + found;
  if (equals === -1) {
    const raw = href.slice(from, until);
    problems.push(
      fault(
        from,
        `header field ${JSON.stringify(raw)} at column ${from + 1} has no "="; write it as name=value, e.g. ${raw}=value`,
      ),
    );
    return undefined;
  }
  if (equals === from) {
    problems.push(
      fault(from, `header field at column ${from + 1} has no name before "="; write it as name=value, e.g. subject=Hello`),
    );
    return undefined;
  }

  const decodedName = decode(href, from, equals, QCHAR_DELIMS, problems);
  let name: string | undefined;
  if (decodedName !== undefined) {
    const invalid = checkFieldName(decodedName.text);
    if (invalid === undefined) {
      name = decodedName.text.toLowerCase();
    } else {
      const at = decodedName.offsets[invalid.index ?? 0] ?? from;
      problems.push(
        fault(at, `header field name ${JSON.stringify(decodedName.text)} at column ${at + 1} ${invalid.message}`),
      );
    }
  }

  const valueStart = equals + 1;
  if (name === "to") {
    if (valueStart === until) {
      reading.addresses += 1;
      problems.push(
        fault(from, `empty "to" header field at column ${from + 1}; put an address after "to=" or remove the field`),
      );
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
function decode(href: string, from: number, until: number, delims: string, problems: Problem[]): Decoded | undefined {
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
      problems.push(
        fault(
          i,
          `${JSON.stringify(`%${hex}`)} is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)`,
        ),
      );
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
    if (!(ch === "=" && strayQuestion)) problems.push(fault(i, rawCharacterMessage(cp, i + 1)));
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
  problems.push(
    fault(
      first,
      `${JSON.stringify(href.slice(first, last))} at column ${first + 1} is not UTF-8; percent escapes must spell ` +
        `the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)`,
    ),
  );
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

function rawCharacterMessage(cp: number, column: number): string {
  if (cp === 0x3f) {
    return (
      `second "?" at column ${column} in mailto link; separate header fields with "&", ` +
      `and write a "?" that belongs to a value as %3F`
    );
  }
  if (cp >= 0xd800 && cp <= 0xdfff) {
    return `unpaired surrogate ${codePointName(cp)} at column ${column} in mailto link is not a character; remove it`;
  }
  const escaped = percentEncode(String.fromCodePoint(cp));
  const hint = cp === 0x0a || cp === 0x0d ? " (a line break in a body is written %0D%0A)" : "";
  return `raw ${describe(cp)} at column ${column} in mailto link; write it as ${escaped}${hint}`;
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

/** What is wrong with an address or a field name: at its offset in the checked string, why, then what to do. */
function wrong(at: number, reason: string, fix: string): Problem {
  return fault(at, `${reason}; ${fix}`);
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

function checkAddress(address: string): Problem | undefined {
  if (address === "") return wrong(0, "it is empty", "write an address such as security@example.org");

  let separator: number;
  if (address.startsWith('"')) {
    const close = closingQuote(address);
    if (!("end" in close)) return close;
    separator = close.end;
    if (separator >= address.length) {
      return wrong(0, `it has no "@"`, `write "@" and the domain after the closing quote`);
    }
    if (address.charCodeAt(separator) !== 0x40) {
      return wrong(separator, `it has ${quoteChar(address.codePointAt(separator) ?? 0)} after the closing double quote`, `put the "@" right after the closing quote`);
    }
  } else {
    separator = address.indexOf("@");
    if (separator === -1) {
      return wrong(0, `it has no "@"`, "write it as mailbox@domain, e.g. security@example.org");
    }
    if (separator === 0) {
      return wrong(0, `it has nothing before the "@"`, `write the mailbox name before the "@", e.g. security@example.org`);
    }
    const local = checkDotAtom(address, 0, separator, `the part before "@"`, `remove it, or put the part before "@" in double quotes (written %22 in the link)`);
    if (local !== undefined) return local;
  }

  const domainStart = separator + 1;
  const more = address.indexOf("@", domainStart);
  if (more !== -1 && !address.startsWith("[", domainStart)) {
    const count = address.slice(domainStart).split("@").length;
    return wrong(more, `it has ${COUNTS[count] ?? count} "@"`, `keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org`);
  }
  if (domainStart === address.length) {
    return wrong(separator, `it has nothing after the "@"`, "write the domain after the \"@\", e.g. security@example.org");
  }
  if (address.startsWith("[", domainStart)) return checkDomainLiteral(address, domainStart);
  return checkDotAtom(address, domainStart, address.length, "its domain", "remove it; a domain is dot-separated labels, e.g. example.org");
}

/** Where the quoted local part that starts `address` ends (just past its closing quote), or what is wrong with it. */
function closingQuote(address: string): { end: number } | Problem {
  let i = 1;
  while (i < address.length) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x22) return { end: i + 1 };
    if (cp === 0x5c) {
      const next = address.codePointAt(i + 1);
      if (next === undefined) break;
      if (!(next === 0x09 || (next >= 0x20 && next <= 0x7e) || isNonAsciiText(next))) {
        return wrong(i + 1, `${quoteChar(next)} cannot appear inside quotes`, "remove it");
      }
      i += next > 0xffff ? 3 : 2;
      continue;
    }
    // qtext and the spaces of FWS; obs-qtext and NO-WS-CTL are out (RFC 6068 section 2, item 2).
    if (!(cp === 0x09 || (cp >= 0x20 && cp <= 0x7e) || isNonAsciiText(cp))) {
      return wrong(i, `${quoteChar(cp)} cannot appear inside quotes`, "remove it");
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return wrong(0, "its opening double quote is never closed", `end the quoted part with a double quote (%22 in the link) before the "@"`);
}

/** dot-atom-text over address[from, to); `fix` is what to do about a character the part cannot hold. */
function checkDotAtom(address: string, from: number, to: number, part: string, fix: string): Problem | undefined {
  if (from === to) return wrong(from, `${part} is empty`, fix);
  if (address.charCodeAt(from) === 0x2e) return wrong(from, `${part} starts with "."`, `remove that "."`);
  if (address.charCodeAt(to - 1) === 0x2e) return wrong(to - 1, `${part} ends with "."`, `remove that "."`);
  let i = from;
  while (i < to) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x2e && address.charCodeAt(i + 1) === 0x2e) {
      return wrong(i + 1, `${part} has an empty label ("..")`, `remove the extra "."`);
    }
    if (cp !== 0x2e && !isAtext(cp)) {
      return wrong(i, `${quoteChar(cp)} is not allowed in ${part}`, fix);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return undefined;
}

/** "[" *dtext-no-obs "]" from `from` to the end of the address. */
function checkDomainLiteral(address: string, from: number): Problem | undefined {
  let i = from + 1;
  while (i < address.length) {
    const cp = address.codePointAt(i) ?? 0;
    if (cp === 0x5d) {
      if (i === address.length - 1) return undefined;
      return wrong(i + 1, `it has text after the "]" of its domain`, "remove it");
    }
    if (!((cp >= 33 && cp <= 90) || (cp >= 94 && cp <= 126))) {
      return wrong(i, `${quoteChar(cp)} is not allowed inside the [ ] of its domain`, "remove it; a domain literal holds an address such as [192.0.2.1]");
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return wrong(from, `the "[" of its domain is never closed`, `end the domain with "]" (%5D in the link)`);
}

/** RFC 5322 field-name: one or more printable ASCII characters other than ":". */
function checkFieldName(name: string): Problem | undefined {
  if (name === "") return wrong(0, "is empty", "give the field a name, e.g. subject");
  let i = 0;
  while (i < name.length) {
    const cp = name.codePointAt(i) ?? 0;
    if (cp < 33 || cp > 126 || cp === 0x3a) {
      return wrong(i, `contains ${quoteChar(cp)}`, `header field names are printable ASCII without spaces or ":", e.g. subject`);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Writing

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
