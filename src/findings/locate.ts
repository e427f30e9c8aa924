import { decodeUtf8 } from "../formats/utf8.ts";
import type { Position } from "../formats/json.ts";

/** Where a block of a Markdown page starts in its HTML: its first line in the body; `undefined` ends the body. */
export interface SourceMarker {
  /** 1-based line in the Markdown body the following HTML comes from; `undefined` ends the body. */
  line: number | undefined;
  index: number;
}

/**
 * How many lines of a Markdown file come before its body: the front matter and its
 * fences. markdown-it counts lines from the start of the body; the author counts from
 * the top of the file.
 */
export function frontMatterLines(raw: string): number {
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close < 0 ? 0 : close + 1;
}

/** A top-level front matter key (`layout:`, `permalink:`) as a page writes it: its line, and its value as written, unquoted; undefined when the page does not set it. */
export function frontMatterKey(raw: string, key: string): { line: number; value: string } | undefined {
  const end = frontMatterLines(raw);
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/).slice(0, end);
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (at < 0) return undefined;
  const value = (lines[at] as string).slice(key.length + 1).trim().replace(/^(["'])(.*)\1$/, "$2");
  return { line: at + 1, value };
}

/** The line of a front matter key (`layout:`, `permalink:`) in a page's text, or 1 when the page does not set it. */
export function frontMatterKeyLine(raw: string, key: string): number {
  return frontMatterKey(raw, key)?.line ?? 1;
}

/** Finds the first of the needles in `lines[from..to)` (0-based), trying each as written and with `&` escaped. */
function search(lines: string[], needles: string[], from: number, to: number): Position | undefined {
  const variants = [...new Set(needles.flatMap((n) => [n, n.replace(/&/g, "&amp;")]))].filter((v) => v.trim() !== "");
  for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) {
    for (const v of variants) {
      const column = (lines[i] ?? "").indexOf(v);
      if (column >= 0) return { line: i + 1, column: column + 1 };
    }
  }
  return undefined;
}

/**
 * The line and column in a Markdown file for a problem found at `htmlIndex` in its page.
 * The marker before the problem names the block's first line; the needle is then looked
 * for from there to the next block. Returns undefined when the HTML there is the layout's.
 */
export function locateInMarkdown(
  raw: string,
  markers: SourceMarker[],
  htmlIndex: number,
  needles: string[],
): Position | undefined {
  let current = -1;
  for (let i = 0; i < markers.length && (markers[i]?.index ?? Infinity) <= htmlIndex; i++) current = i;
  const marker = markers[current];
  if (!marker || marker.line === undefined) return undefined;

  const nextLine = markers.slice(current + 1).find((m) => m.line !== undefined && m.line > (marker.line ?? 0))?.line;
  return locateInBody(raw, marker.line, nextLine, needles);
}

/**
 * The first of the needles in the Markdown body's lines `first` up to `end` (1-based,
 * counted as markdown-it counts them, from the end of the front matter; `end` left out:
 * to the end of the file), in file lines and columns; the block's first line if none is there.
 */
export function locateInBody(raw: string, first: number, end: number | undefined, needles: string[]): Position {
  const offset = frontMatterLines(raw);
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/);
  const start = offset + first - 1;
  const stop = end === undefined ? lines.length : offset + end - 1;
  return search(lines, needles, start, Math.max(stop, start + 1)) ?? { line: start + 1, column: 1 };
}

/** The first file, in order, whose text holds one of the needles, with its line and column. */
export function locateInFiles(files: Map<string, string>, needles: string[]): { file: string; position: Position } | undefined {
  for (const [file, text] of files) {
    const position = search(text.split(/\r?\n/), needles, 0, Infinity);
    if (position) return { file, position };
  }
  return undefined;
}

/**
 * Where a file's bytes stop being UTF-8, if they do. Eleventy decodes a page leniently,
 * turning bad bytes into U+FFFD; this says where the first one was, so the author can
 * re-save the file as UTF-8 instead of hunting for it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): (Position & { byte: number }) | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.error) return undefined;
  const { start } = decoded.error;
  // Everything before the bad byte is well-formed: count its lines and columns as the author's editor does.
  const before = decodeUtf8(bytes.subarray(0, start)).text ?? "";
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  return { line, column: before.length - lineStart + 1, byte: bytes[start]! };
}
