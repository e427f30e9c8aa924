/**
 * Cleartext-signs security.txt with a contact's key, and verifies the result, with openpgp.js.
 * Refuses, saying why and what to do, to sign with a key a reader could not trust while the
 * file is current: one that is expired, revoked, expires before the file's Expires, or is not
 * the key of a declared contact. The key comes from the caller (the environment, never the
 * repository), and nothing of it but the signature reaches the result.
 */
import {
  createCleartextMessage,
  createMessage,
  decryptKey,
  readCleartextMessage,
  readKey,
  readPrivateKey,
  sign,
  verify,
  type PrivateKey,
  type PublicKey,
  type Subkey,
} from "openpgp";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { fingerprintOf, reasonOf, utcDay } from "../formats/openpgp.ts";
import { formatExpires } from "../formats/security-txt.ts";
import { type Problem } from "../findings/finding.ts";
import signRefused from "../rules/publish/sign-refused.ts";
import type { Values } from "../rules/rule.ts";
import type { Contact, Fingerprint } from "../types.ts";
import { SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE } from "./signing-key.ts";

export { SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE } from "./signing-key.ts";

export interface SigningKey {
  armored: string;
  passphrase?: string;
}

/** A declared contact, with its published public key where the site has one. */
export interface SigningContact extends Contact {
  /** The armored public key the site publishes; the signature is verified against it. */
  publicKey?: string;
}

export interface SignExpectation {
  /** Whose keys may sign. */
  contacts: SigningContact[];
  /** The file's Expires: the key must outlive it. */
  expires: Date;
  /** When the signature is made and the key judged. Default: now. */
  now?: Date;
}

export type SignRefusalReason =
  | "unreadable"
  | "public-only"
  | "passphrase"
  | "undeclared"
  | "revoked"
  | "expired"
  | "cannot-sign"
  | "expires-too-soon"
  | "verify-failed";

/** Signed and verified; or refused: a sign-refused problem, with the reason that says where it is fixed. */
export type SignResult =
  | { signed: string; signer: SigningContact; /** The unlocked key that signed, for whatever else it signs (signDetached). */ key: PrivateKey; refused?: undefined }
  | { signed?: undefined; signer?: undefined; key?: undefined; refused: Problem & { reason: SignRefusalReason } };

/**
 * Signs `text` as an OpenPGP cleartext message with LF line endings, then verifies what it made
 * against the signer's published key (or, where the site has no key file, the signing key's own
 * public part) before returning it.
 */
export async function signSecurityTxt(text: string, key: SigningKey, expect: SignExpectation): Promise<SignResult> {
  const now = expect.now ?? new Date();
  type Messages = (typeof signRefused)["messages"];
  const refuse = <M extends keyof Messages & string>(reason: SignRefusalReason, messageId: M, values: Values<Messages[M]>): SignResult => ({
    refused: { ...signRefused.problem(messageId, values), reason },
  });
  const variable = SIGNING_KEY_VARIABLE;
  const passphraseVariable = SIGNING_PASSPHRASE_VARIABLE;

  let privateKey: PrivateKey;
  try {
    privateKey = await readPrivateKey({ armoredKey: key.armored });
  } catch (error) {
    if (/BEGIN PGP PUBLIC KEY BLOCK/.test(key.armored)) {
      return refuse("public-only", "publicOnly", { variable });
    }
    return refuse("unreadable", "unreadable", { variable, reason: reasonOf(error) });
  }

  const fingerprint = fingerprintOf(privateKey);
  const shown = fingerprint ? formatFingerprint(fingerprint) : privateKey.getFingerprint().toUpperCase();
  if (!privateKey.isDecrypted()) {
    if (key.passphrase === undefined || key.passphrase === "") {
      return refuse("passphrase", "passphraseNotSet", { key: shown, passphraseVariable });
    }
    try {
      privateKey = await decryptKey({ privateKey, passphrase: key.passphrase });
    } catch (error) {
      return refuse("passphrase", "passphraseWrong", { key: shown, passphraseVariable, reason: reasonOf(error) });
    }
  }

  const contact = expect.contacts.find((c) => fingerprint !== undefined && c.fingerprint.version === fingerprint.version && c.fingerprint.hex === fingerprint.hex);
  if (!contact || !fingerprint) {
    const declared = expect.contacts.map((c) => `${c.email} (${formatFingerprint(c.fingerprint)})`).join(", ");
    return refuse("undeclared", "undeclared", { key: shown, declared });
  }

  // Judged at `now` before getExpirationTime(), which looks at the key without a date (see keys.ts).
  if (await privateKey.isRevoked(undefined, undefined, now)) {
    return refuse("revoked", "revoked", { key: shown, email: contact.email });
  }
  let signingKey: PrivateKey | Subkey;
  let signingError: unknown;
  try {
    signingKey = await privateKey.getSigningKey(undefined, now);
  } catch (error) {
    signingError = error;
    signingKey = privateKey;
  }
  const primaryExpiry = await privateKey.getExpirationTime();
  const signer = { key: shown, email: contact.email, hex: fingerprint.hex };
  if (primaryExpiry instanceof Date && primaryExpiry.getTime() <= now.getTime()) {
    return refuse("expired", "expired", { ...signer, day: utcDay(primaryExpiry) });
  }
  if (signingError !== undefined) {
    return refuse("cannot-sign", "noSigningKey", { ...signer, day: utcDay(now), reason: reasonOf(signingError) });
  }

  const subkeyExpiry = signingKey === privateKey ? undefined : await signingKey.getExpirationTime(now);
  const expiries = [primaryExpiry, subkeyExpiry].filter((d): d is Date => d instanceof Date);
  const keyExpires = expiries.sort((a, b) => a.getTime() - b.getTime())[0];
  if (keyExpires !== undefined && keyExpires.getTime() < expect.expires.getTime()) {
    const dates = { keyExpires: formatExpires(keyExpires), expires: formatExpires(expect.expires) };
    return refuse("expires-too-soon", keyExpires === primaryExpiry ? "keyExpiresTooSoon" : "subkeyExpiresTooSoon", { ...signer, ...dates });
  }

  const message = await createCleartextMessage({ text });
  // openpgp.js writes the signed text with CR LF; the signature covers the text with its line
  // endings made canonical (RFC 9580 section 7.2), so LF serves as well and keeps the file LF.
  const signed = (await sign({ message, signingKeys: privateKey, date: now })).replace(/\r\n/g, "\n");

  const verifyWith = contact.publicKey ?? privateKey.toPublic().armor();
  try {
    const verified = await verifySecurityTxt(signed, verifyWith, now);
    if (verified.text !== text) throw new Error("the verified text differs from the text that was signed");
  } catch (error) {
    const reason = reasonOf(error);
    return contact.publicKey
      ? refuse("verify-failed", "notVerifiedByPublishedKey", { key: shown, email: contact.email, hex: fingerprint.hex, reason })
      : refuse("verify-failed", "notVerifiedByOwnKey", { key: shown, hex: fingerprint.hex, reason });
  }
  return { signed, signer: contact, key: privateKey };
}

/**
 * Verifies a cleartext-signed security.txt against a public key: the signed text when a good
 * signature by that key covers it; otherwise throws, saying why.
 */
export async function verifySecurityTxt(signed: string, publicKey: string | PublicKey, now: Date = new Date()): Promise<{ text: string; signer: Fingerprint }> {
  const key = typeof publicKey === "string" ? await readKey({ armoredKey: publicKey }) : publicKey;
  const message = await readCleartextMessage({ cleartextMessage: signed });
  const result = await verify({ message, verificationKeys: key, expectSigned: true, date: now });
  // expectSigned makes verify throw unless a signature by the key is valid; say which key did it.
  const signer = fingerprintOf(key);
  if (!signer) throw new Error(`the key is a version ${key.keyPacket.version} key; only v4 and v6 keys are supported`);
  return { text: result.data, signer };
}

/**
 * Detached, armored signatures of `texts`, each over the file's bytes as published (for CSAF
 * documents: `gpg --verify doc.json.asc doc.json`), by the key signSecurityTxt unlocked and
 * accepted, so the same refusals have already been made and the key is not read again.
 */
export async function signDetached(texts: string[], key: PrivateKey, now: Date): Promise<string[]> {
  const signatures: string[] = [];
  for (const text of texts) {
    const message = await createMessage({ binary: new TextEncoder().encode(text) });
    signatures.push((await sign({ message, signingKeys: key, detached: true, date: now })).replace(/\r\n/g, "\n"));
  }
  return signatures;
}
