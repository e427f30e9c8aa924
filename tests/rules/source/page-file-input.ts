/**
 * What the page file rules' cases are written in: a page file's bytes and the largest size a
 * page may have. `runPageFile` runs the checks of the page file (src/rules/page-file.ts) on
 * them, reading the bytes as UTF-8 as the page checks plugin does.
 */
import type { Finding } from "../../../src/findings/finding.ts";
import { checkPageFile } from "../../../src/rules/page-file.ts";

export const FILE = "content/security.md";
/** The plugin's default `maxPageBytes`: 1 MB. */
export const MB = 1_048_576;

export interface PageFileInput {
  bytes: Uint8Array;
  /** The pageChecks option; 1 MB when left out. */
  maxPageBytes?: number;
}

/** A page file of this text, in UTF-8. */
export function utf8(text: string, maxPageBytes?: number): PageFileInput {
  return { bytes: new TextEncoder().encode(text), ...(maxPageBytes !== undefined ? { maxPageBytes } : {}) };
}

/** A page file of these parts: texts in UTF-8, numbers as single bytes. */
export function bytesOf(...parts: Array<string | number>): PageFileInput {
  const chunks = parts.map((p) => (typeof p === "number" ? Uint8Array.of(p) : new TextEncoder().encode(p)));
  return { bytes: Uint8Array.from(chunks.flatMap((c) => [...c])) };
}

/** A page file of `size` bytes: front matter, then the letter `fill` over and over. */
export function sized(size: number, fill = "a", maxPageBytes?: number): PageFileInput {
  const head = new TextEncoder().encode("---\ntitle: Security\n---\n");
  const bytes = new Uint8Array(size).fill(fill.charCodeAt(0));
  bytes.set(head.subarray(0, size));
  return { bytes, ...(maxPageBytes !== undefined ? { maxPageBytes } : {}) };
}

export function runPageFile(input: PageFileInput): Finding[] {
  const raw = Buffer.from(input.bytes).toString("utf8");
  return checkPageFile(FILE, input.bytes, raw, input.maxPageBytes ?? MB);
}
