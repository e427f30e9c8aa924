/**
 * Finds text that was garbled on its way in: UTF-8 bytes decoded as Windows-1252 or
 * Latin-1 ("itâ€™s" for "it’s", "cafÃ©" for "café"), and U+FFFD, the mark a decoder
 * leaves where it dropped bytes it could not decode.
 *
 * The test is the one the garbling leaves behind: map each character back to the
 * Windows-1252 byte it came from, and look for runs of those bytes that form a
 * well-formed multi-byte UTF-8 sequence. Ordinary text in Western European languages
 * almost never does, because a UTF-8 lead byte (Â–ß, à–ô) would have to be followed
 * by continuation bytes, which in Windows-1252 are punctuation and symbols
 * (€ ‚ … ’ “ ” — © ® ° ± ½ and their kin).
 */
import { type Problem, type Where } from "../findings/finding.ts";
import mojibake from "./page/mojibake.ts";
import { decodeUtf8 } from "../formats/utf8.ts";

export interface MojibakeHit {
  /** Offset of the garbled text in the string checked, 0-based, in UTF-16 code units. */
  index: number;
  /** The garbled text as it appears. */
  text: string;
  /** What the author meant; "" where bytes were lost (U+FFFD) and it cannot be known. */
  intended: string;
}

/**
 * What Windows-1252 bytes 0x80–0x9F decode to, in byte order. The five bytes it leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as the C1 control of the same
 * number, which is what Latin-1 decoders do with all of 0x80–0x9F.
 */
const CP1252_80_TO_9F =
  "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

const CP1252_BYTE: ReadonlyMap<number, number> = new Map(
  Array.from(CP1252_80_TO_9F, (char, offset) => [char.charCodeAt(0), 0x80 + offset]),
);

const REPLACEMENT_CHARACTER = 0xfffd;

/** The byte a character was decoded from, or -1 if no single-byte decoding yields it. */
function byteOf(codeUnit: number): number {
  // U+0000–U+00FF: ASCII, Latin-1's C1 controls and 0xA0–0xFF, where both encodings agree.
  if (codeUnit <= 0xff) return codeUnit;
  return CP1252_BYTE.get(codeUnit) ?? -1;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/** How many continuation bytes a UTF-8 lead byte takes; 0 if it is not a lead byte. */
function continuationsAfter(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/** Characters no text means: unassigned code points and private use. */
const NOT_A_CHARACTER = /^[\p{Cn}\p{Co}]/u;

/**
 * The character encoded by a well-formed UTF-8 sequence starting at `start`, and where
 * the sequence ends; undefined if there is none there (the strict decoder refuses overlong
 * forms and surrogates) or it is no character a text means.
 */
function decodeAt(bytes: readonly number[], start: number): { char: string; end: number } | undefined {
  const end = start + 1 + continuationsAfter(bytes[start] ?? -1);
  if (end === start + 1 || end > bytes.length) return undefined;
  const sequence = bytes.slice(start, end);
  if (sequence.some((b) => b < 0)) return undefined;
  const char = decodeUtf8(Uint8Array.from(sequence)).text;
  if (char === undefined || NOT_A_CHARACTER.test(char)) return undefined;
  return { char, end };
}

const NON_ASCII = /[^\x00-\x7F]/;

function bytesOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, k) => byteOf(text.charCodeAt(k)));
}

/** `text` decoded as UTF-8 if it consists entirely of multi-byte sequences, else undefined. */
function decodeWhole(text: string): string | undefined {
  if (text === "") return undefined;
  const bytes = bytesOf(text);
  let decoded = "";
  for (let at = 0; at < text.length; ) {
    const next = decodeAt(bytes, at);
    if (next === undefined) return undefined;
    decoded += next.char;
    at = next.end;
  }
  return decoded;
}

/**
 * Undo the mis-decoding as many times as it was done: "ÃƒÂ©" decodes to "Ã©",
 * which decodes to "é". Each round shortens the text, so this ends.
 */
function repair(text: string): string {
  let repaired = text;
  for (let again = decodeWhole(repaired); again !== undefined; again = decodeWhole(repaired)) {
    repaired = again;
  }
  return repaired;
}

/**
 * Leads that are almost only ever seen as mojibake, so a lone sequence starting with
 * one is reported whatever surrounds it: Â and Ã (Latin-1 letters and symbols, by far
 * the most common garbling), â (punctuation such as ’ “ ” – —) and ð (emoji).
 */
const ALWAYS_MOJIBAKE_LEADS = "ÂÃâð";

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /\p{L}/u;

/**
 * Whether a lone sequence is more likely a word's last letter followed by punctuation:
 * "OLÉ”", "CAFÉ\u00A0»", "voilà\u00A0»", "Gruß’". The lead has the same case as the
 * letter before it (in mojibake an upper-case Ã–ß lead usually sits inside a
 * lower-case word, as in "zÅ‚oty"), and no letter follows. Runs of two or more
 * sequences never get here: two in a row are not an accident of punctuation.
 */
function looksLikeWordEnd(text: string, start: number, end: number): boolean {
  const lead = text.charAt(start);
  if (ALWAYS_MOJIBAKE_LEADS.includes(lead)) return false;
  const before = text.charAt(start - 1);
  const sameCase =
    (UPPER.test(lead) && UPPER.test(before)) || (LOWER.test(lead) && LOWER.test(before));
  if (!sameCase) return false;
  // Š, Œ, š, œ, Ÿ, ª, µ, º among the continuations are themselves a sign of mojibake.
  if (LETTER.test(text.slice(start + 1, end))) return false;
  return !LETTER.test(text.charAt(end));
}

/**
 * Where a U+FFFD follows the start of a sequence that it cut short ("â€" then U+FFFD,
 * from ” whose last byte 0x9D Windows-1252 leaves undefined), the offset of that start.
 */
function cutShortSequenceBefore(bytes: readonly number[], replacementAt: number): number | undefined {
  for (let back = 1; back <= 3; back++) {
    const byte = bytes[replacementAt - back] ?? -1;
    if (isContinuation(byte)) continue;
    return continuationsAfter(byte) > back - 1 ? replacementAt - back : undefined;
  }
  return undefined;
}

/** Every stretch of mojibake and every run of U+FFFD in `text`, in order. Never throws. */
export function findMojibake(text: string): MojibakeHit[] {
  // Every hit starts at a lead byte (0xC2 and up) or U+FFFD, so ASCII text has none: skip the byte map.
  if (!NON_ASCII.test(text)) return [];
  const bytes = bytesOf(text);
  const hits: MojibakeHit[] = [];
  let at = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) === REPLACEMENT_CHARACTER) {
      let end = at + 1;
      while (text.charCodeAt(end) === REPLACEMENT_CHARACTER) end++;
      const start = cutShortSequenceBefore(bytes, at) ?? at;
      hits.push({ index: start, text: text.slice(start, end), intended: "" });
      at = end;
      continue;
    }
    const first = decodeAt(bytes, at);
    if (first !== undefined) {
      let end = first.end;
      let sequences = 1;
      for (let next = decodeAt(bytes, end); next !== undefined; next = decodeAt(bytes, end)) {
        end = next.end;
        sequences++;
      }
      if (sequences > 1 || !looksLikeWordEnd(text, at, end)) {
        const garbled = text.slice(at, end);
        hits.push({ index: at, text: garbled, intended: repair(garbled) });
      }
      at = end;
      continue;
    }
    // A no-break space garbles to "Â\u00A0", and the no-break space is often then
    // flattened to a plain space. No word in a language written with Â ends in it.
    if (text.startsWith("Â ", at)) {
      hits.push({ index: at, text: "Â ", intended: "\u00A0" });
      at += 2;
      continue;
    }
    at++;
  }
  return hits;
}

/** Characters a reader cannot see in a message, written as escapes instead. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Mn}\p{Me}]/gu;

function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    if (char === " ") return char;
    const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
    return hex.length <= 4 ? `\\u${hex.padStart(4, "0")}` : `\\u{${hex}}`;
  });
}

/** The problem of one hit, told by what was lost: nothing (the text can be repaired), a whole character, or a byte of one. */
export function mojibakeProblem(hit: MojibakeHit, where: Where = {}): Problem {
  const text = visible(hit.text);
  if (!hit.text.endsWith("\uFFFD")) return mojibake.problem("misDecoded", { text, intended: visible(hit.intended) }, where);
  if (hit.text.startsWith("\uFFFD")) return mojibake.problem("replacementCharacter", { text }, where);
  // "â€" is the start of ’ “ ” – —; of those only ” ends in a byte Windows-1252 leaves undefined.
  return mojibake.problem(hit.text.startsWith("â€") ? "lostByteOfQuote" : "lostByte", { text }, where);
}

/** One error per hit of `findMojibake`, pointing at the garbled text. Never throws. */
export function mojibakeProblems(text: string): Problem[] {
  return findMojibake(text).map((hit) => mojibakeProblem(hit, { index: hit.index }));
}
