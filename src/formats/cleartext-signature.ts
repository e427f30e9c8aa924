/**
 * The framing of an OpenPGP cleartext-signed message (RFC 4880 section 7, RFC 9580 section 7)
 * and of its ASCII-armored signature (RFC 4880 section 6, RFC 9580 section 6.2), read line by
 * line: the signed text, dash-unescaped, and what is wrong with the framing. Pure: whether the
 * signature verifies against a key is decided elsewhere (src/publish/sign.ts).
 */
import type { FormatProblem } from "./problem.ts";

export const BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";
export const BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
export const END_SIGNATURE = "-----END PGP SIGNATURE-----";

/**
 * What can be wrong with the framing, each at its `line` (1-based) with `line` among the values;
 * `text` is the line as written, as a JSON string.
 * - `beforeSignedMessage`: a line that is not blank before the BEGIN line.
 * - `notHashHeader`: a line of the cleartext header that is not `Hash: <algorithm>[,<algorithm>]`.
 * - `notDashEscaped`: a signed line that starts with "-" but not with "- ".
 * - `signatureIncomplete`: no BEGIN PGP SIGNATURE line, or no END line after it (at the last line).
 * - `notArmorHeader`: a line of the signature's armor headers that is not `Key: value`, or the
 *   empty line between the headers and the data is missing.
 * - `dashEscapedInSignature`: a "- " line inside the signature block, where nothing is escaped.
 * - `notBase64`: a data line with a character outside base64, or padding before its end.
 * - `base64Length`: the data, joined, is not a whole number of base64 quads (at the last data line).
 * - `signatureEmpty`: no data between the armor headers and the END line.
 * - `checksumInvalid`: a checksum line that is not "=" and four base64 characters.
 * - `checksumMismatch`: the CRC-24 of the data is not the checksum line's (`expected`, `actual`).
 * - `secondSignedMessage`: another BEGIN PGP SIGNED MESSAGE line after the END line.
 * - `afterSignature`: any other line after the END line that is not blank.
 */
export type CleartextProblemCode =
  | "beforeSignedMessage"
  | "notHashHeader"
  | "notDashEscaped"
  | "signatureIncomplete"
  | "notArmorHeader"
  | "dashEscapedInSignature"
  | "notBase64"
  | "base64Length"
  | "signatureEmpty"
  | "checksumInvalid"
  | "checksumMismatch"
  | "secondSignedMessage"
  | "afterSignature";

export type CleartextProblem = FormatProblem<CleartextProblemCode> & { line: number };

export interface CleartextSigned {
  /** The signed text, dash-unescaped, each line at its line of the file. */
  text: Array<{ line: number; text: string }>;
  /** The algorithms the Hash armor headers name, as written. */
  hashes: string[];
  /** The signature's bytes, when its base64 decoded. */
  signature?: Uint8Array;
  problems: CleartextProblem[];
}

/** RFC 7230's token, which RFC 9116 section 4 uses for a hash algorithm's name and an armor header's key. */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
/** RFC 9116 section 4: `"Hash: " hash-alg *("," hash-alg)`; a space after a comma is let pass, as RFC 4880 section 7 writes one. */
const HASH_HEADER = new RegExp(`^Hash: (${TOKEN}(?:, ?${TOKEN})*)$`);
/** RFC 9116 section 4, armor-keys: `token ": " *(VCHAR / WSP)`. */
const ARMOR_HEADER = new RegExp(`^${TOKEN}: [\\x21-\\x7E \\t]*$`);
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
const CHECKSUM_LINE = /^=[A-Za-z0-9+/]{4}$/;

/** Whether a line of a file is the BEGIN line of a cleartext-signed message (trailing white space let pass: RFC 9580 section 6.2). */
export function isBeginSigned(line: string): boolean {
  return line.trimEnd() === BEGIN_SIGNED;
}

/**
 * Reads a cleartext-signed message from the lines of a file (their line endings removed: CR LF
 * and LF are both line endings, RFC 9116 section 2.2). The file holds one message: text before
 * its BEGIN line or after its END line is a problem, blank lines around it are not. Never throws.
 */
export function parseCleartextSigned(lines: readonly string[]): CleartextSigned {
  const problems: CleartextProblem[] = [];
  const at = (line: number, code: CleartextProblemCode, values: Readonly<Record<string, string | number>> = {}) =>
    problems.push({ code, values: { line, ...values }, line });
  const quoted = (i: number) => ({ text: JSON.stringify(lines[i]) });
  const blank = (i: number) => lines[i]!.trim() === "";
  const armorLine = (i: number, marker: string) => lines[i]!.trimEnd() === marker;

  const begin = lines.findIndex(isBeginSigned);
  const text: CleartextSigned["text"] = [];
  const hashes: string[] = [];
  if (begin === -1) return { text, hashes, problems };
  const stray = lines.slice(0, begin).findIndex((l) => l.trim() !== "");
  if (stray !== -1) at(stray + 1, "beforeSignedMessage", quoted(stray));

  // The cleartext header: Hash armor headers up to the first empty line. RFC 4880 section 7 asks
  // for one or more; RFC 9580 section 7.1 for none when every signature is v6, so none is let pass.
  let i = begin + 1;
  for (; i < lines.length && !blank(i); i++) {
    if (armorLine(i, BEGIN_SIGNATURE)) break;
    const hash = HASH_HEADER.exec(lines[i]!.trimEnd());
    if (hash) hashes.push(...hash[1]!.split(",").map((h) => h.trim()));
    else at(i + 1, "notHashHeader", quoted(i));
  }
  if (i < lines.length && blank(i)) i++;

  // The dash-escaped text (RFC 4880 section 7.1): "- " is removed; any other line that starts
  // with "-" should have been escaped, and is left out of the text.
  for (; i < lines.length && !armorLine(i, BEGIN_SIGNATURE); i++) {
    const line = lines[i]!;
    if (line.startsWith("- ")) text.push({ line: i + 1, text: line.slice(2) });
    else if (line.startsWith("-")) at(i + 1, "notDashEscaped", quoted(i));
    else text.push({ line: i + 1, text: line });
  }
  if (i >= lines.length) {
    at(Math.max(lines.length, 1), "signatureIncomplete");
    return { text, hashes, problems };
  }

  // The armored signature: armor headers, an empty line, base64 lines, an optional checksum, END.
  i++;
  const inBlock = problems.length;
  for (; i < lines.length && !blank(i) && !armorLine(i, END_SIGNATURE); i++) {
    if (lines[i]!.startsWith("- ")) at(i + 1, "dashEscapedInSignature", quoted(i));
    else if (!ARMOR_HEADER.test(lines[i]!.trimEnd())) {
      at(i + 1, "notArmorHeader", quoted(i));
      break;
    }
  }
  if (i < lines.length && blank(i)) i++;
  const data: Array<{ line: number; text: string }> = [];
  let checksum: { line: number; text: string } | undefined;
  for (; i < lines.length && !armorLine(i, END_SIGNATURE); i++) {
    const line = lines[i]!.trimEnd();
    if (line.startsWith("- ")) at(i + 1, "dashEscapedInSignature", quoted(i));
    else if (line.startsWith("=") && (i + 1 >= lines.length || armorLine(i + 1, END_SIGNATURE))) {
      if (CHECKSUM_LINE.test(line)) checksum = { line: i + 1, text: line };
      else at(i + 1, "checksumInvalid", quoted(i));
    } else if (!BASE64_LINE.test(line)) at(i + 1, "notBase64", quoted(i));
    else data.push({ line: i + 1, text: line });
  }
  if (i >= lines.length) {
    at(lines.length, "signatureIncomplete");
    return { text, hashes, problems };
  }
  const end = i;

  let signature: Uint8Array | undefined;
  const joined = data.map((d) => d.text).join("");
  if (data.length === 0) {
    // A block whose lines were all reported is not reported again as empty.
    if (problems.length === inBlock) at(end + 1, "signatureEmpty");
  } else if (joined.length % 4 !== 0 || /=[^=]/.test(joined)) {
    const last = data.at(-1)!;
    at(last.line, "base64Length", { text: JSON.stringify(last.text) });
  } else {
    signature = decodeBase64(joined);
    if (checksum) {
      const expected = crc24(signature);
      const actual = decodeBase64(checksum.text.slice(1));
      const written = (actual[0]! << 16) | (actual[1]! << 8) | actual[2]!;
      if (written !== expected) at(checksum.line, "checksumMismatch", { expected: `=${encodeCrc(expected)}`, actual: checksum.text });
    }
  }

  for (let j = end + 1; j < lines.length; j++) {
    if (isBeginSigned(lines[j]!)) {
      at(j + 1, "secondSignedMessage");
      break;
    }
    if (!blank(j)) at(j + 1, "afterSignature");
  }
  return { text, hashes, ...(signature ? { signature } : {}), problems };
}

function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function encodeCrc(crc: number): string {
  return btoa(String.fromCharCode((crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff));
}

/** The CRC-24 of the armor's checksum line (RFC 4880 section 6.1, RFC 9580 section 6.1.1). */
export function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let bit = 0; bit < 8; bit++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}
