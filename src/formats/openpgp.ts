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
