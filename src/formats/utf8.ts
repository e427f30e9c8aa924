/**
 * The one strict UTF-8 decoder: the platform's TextDecoder with `fatal: true`, which knows
 * Unicode's well-formed sequences (no overlong forms, surrogates or code points past
 * U+10FFFF). What it does not say is where a sequence goes wrong; this finds it.
 */

export type Utf8Result = { text: string; error?: undefined } | { text?: undefined; error: { start: number; end: number } };

const decoder = () => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The text, or where the first ill-formed sequence is: from the byte that starts it to just
 * past the byte that makes it ill-formed (a lead byte cut short by what follows it, a stray
 * continuation byte, or a lead byte that cannot start a sequence). A byte-order mark is kept.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { text: decoder().decode(bytes) };
  } catch {
    // Not well-formed: find where below.
  }
  // The longest prefix that is well-formed if more bytes were to follow; past it the decoder refuses.
  const fine = (length: number) => {
    try {
      decoder().decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fine(mid)) low = mid;
    else high = mid - 1;
  }
  const prefix = low;
  const complete = (() => {
    try {
      decoder().decode(bytes.subarray(0, prefix));
      return true;
    } catch {
      return false;
    }
  })();
  if (complete && prefix < bytes.length) return { error: { start: prefix, end: prefix + 1 } };
  // The prefix ends in a sequence begun but not finished: it starts at its lead byte.
  let start = prefix - 1;
  while (start > 0 && prefix - start < 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  return { error: { start, end: Math.min(prefix + 1, bytes.length) } };
}

/** How many bytes UTF-8 spends on a code point. */
export function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
