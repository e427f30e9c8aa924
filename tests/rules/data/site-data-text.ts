/**
 * Site data for the data rules' cases: good data to vary, written as the author would (JSON, two
 * spaces), and where a value stands in it, found by its text rather than by the JSON reader under test.
 */
import { positionOf } from "../../support/rule-tester.ts";

export const DATA_FILE = "content/_data/security.json";

export const FINGERPRINT = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91";
export const OTHER_FINGERPRINT = "8ECA FE52 3964 AF82 4016  F6C8 1167 27A6 0111 BF2D";

export const CONTACT = { email: "security@example.org", fingerprint: FINGERPRINT };

/** Good site data: every required field, nothing else. */
export const GOOD = { url: "https://example.org", name: "Example", contacts: [CONTACT], reviewed: "2026-11-20" };

/** The data as the file holds it. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Where the nth occurrence of `needle` starts. */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < nth; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth} times in the text`);
  }
  return positionOf(text, index);
}

/** Where the value of the nth member named `key` starts. */
export function valueOf(text: string, key: string, nth = 1): { line: number; column: number } {
  const member = `"${key}": `;
  const start = at(text, member, nth);
  return { line: start.line, column: start.column + member.length };
}

/** The top of the file, where a finding about the whole object stands. */
export const TOP = { line: 1, column: 1 };
