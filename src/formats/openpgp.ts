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

/**
 * Why the detached signature does not verify `document` with any of `keys`; undefined when one
 * of its signatures does. openpgp.js is loaded here, when there is a signature to check.
 */
export async function detachedSignatureFailure(document: Uint8Array, armoredSignature: string, keys: Key[]): Promise<string | undefined> {
  const { createMessage, readSignature, verify } = await import("openpgp");
  try {
    const result = await verify({ message: await createMessage({ binary: document }), signature: await readSignature({ armoredSignature }), verificationKeys: keys, expectSigned: true });
    // A file may hold several signatures; one by a given key is enough.
    await Promise.any(result.signatures.map((s) => s.verified));
    return undefined;
  } catch (error) {
    // The failure is the answer: the reason openpgp.js gives is what the caller reports.
    return reasonOf(error instanceof AggregateError ? error.errors[0] : error);
  }
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
