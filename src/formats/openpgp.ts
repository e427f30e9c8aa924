/** Small readings of openpgp.js objects that the key checks and the signer share. */
import type { Key } from "openpgp";
import type { Fingerprint } from "../types.ts";

/** The key's fingerprint, upper case; undefined for a key version other than 4 and 6. */
export function fingerprintOf(key: Key): Fingerprint | undefined {
  const version = key.keyPacket.version;
  if (version !== 4 && version !== 6) return undefined;
  return { version, hex: key.getFingerprint().toUpperCase() };
}

/** The calendar day in UTC, as keys' dates are written: 2021-01-01. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An error's message on one line, for quoting openpgp.js in a finding. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim();
}

/** Keys one after another, as a key file or a Web Key Directory entry holds several: the one part itself where there is one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
