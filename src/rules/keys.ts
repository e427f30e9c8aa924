/**
 * Reads an armored OpenPGP key the way a reporter's mail client will, and says what is wrong
 * with it as a security contact: the wrong key, an address it does not carry, secret material,
 * revocation, expiry, or no way to encrypt to it. Pure apart from openpgp.js: the caller reads
 * the file and adds its name to the messages.
 */
import { armor, enums, readKeys, unarmor, type Key, type PublicKey, type SignaturePacket } from "openpgp";
import type { Problem, Where } from "../findings/finding.ts";
import { formatFingerprint, sameFingerprint } from "../formats/fingerprint.ts";
import { concatBytes, fingerprintOf, reasonOf, utcDay } from "../formats/openpgp.ts";
import type { Fingerprint } from "../types.ts";
import { checkExpired } from "./key/key-expired.ts";
import { checkExpiring } from "./key/key-expiring.ts";
import { checkFingerprint, previousKeyMissing } from "./key/key-fingerprint-mismatch.ts";
import keyMultiple from "./key/key-multiple.ts";
import keyNoEncryption from "./key/key-no-encryption.ts";
import { checkPrivate } from "./key/key-private.ts";
import keyRevoked from "./key/key-revoked.ts";
import { checkPreviousKey } from "./key/key-rotation-unfinished.ts";
import { checkUserIds, validAddresses, type MemberOf } from "./key/key-uid-mismatch.ts";
import keyUnreadable from "./key/key-unreadable.ts";
import keyUnused from "./key/key-unused.ts";
import keyWrongBlock from "./key/key-wrong-block.ts";

/** The key that a mail client encrypts a report to: the primary key itself, or one of its subkeys. */
export interface EncryptionKey {
  /** Its long key ID, upper case: what `gpg --list-packets` names in an encrypted message. */
  keyId: string;
  /** Its fingerprint, upper case. */
  fingerprint: string;
  /** The primary key itself encrypts (no subkey). */
  primary: boolean;
  /** undefined = never */
  expires?: Date;
  /** "Curve25519", "RSA 3072", … */
  algorithm: string;
}

export interface KeyReport {
  fingerprint?: Fingerprint;
  userIds: string[];
  /** The addresses of the user IDs valid at the moment judged: those a client finds the key by. Absent where the key could not be judged. */
  addresses?: string[];
  /** undefined = never */
  expires?: Date;
  /** The primary key's algorithm: "Ed25519", "RSA 3072", … */
  algorithm?: string;
  /** What a mail client encrypts to today; undefined when nothing can (key-no-encryption says why). */
  encryption?: EncryptionKey;
  /** Revoked at the moment judged. */
  revoked?: boolean;
  /** During a rotation, the previous keys the file holds, as the site data lists them. */
  previous?: KeyReport[];
  /** The public part only, re-armored from the parsed key (never the input text). undefined when unreadable. */
  publicArmored?: string;
  /** The public part as binary packets (for a Web Key Directory). */
  publicBinary?: Uint8Array;
  problems: Problem[];
}

export interface KeyExpectation {
  /** The address the site publishes for this key. */
  email: string;
  /** The fingerprint the site publishes for this key: the contact's current key. */
  fingerprint: Fingerprint;
  /** During a key rotation, the contact's previous keys, which the file holds too. */
  previous?: Fingerprint[];
  /** A team member's key: the person's name and the team's address, which the key may carry instead of `email`. */
  member?: MemberOf;
  /** Where the address and fingerprint are declared, as the advice names it. Default: the site data, content/_data/security.json. */
  declaredIn?: DeclaredIn;
  /** A previous key that stays valid longer than this many days is a warning: the rotation is not finished. Default: 90. */
  previousKeyDays?: number;
  /** The moment at which revocation, expiry and usable subkeys are judged. Default: now. */
  now?: Date;
  /** Warn when the key expires within this many days of `now`. Default: 30. */
  expiryWarningDays?: number;
}

const DEFAULT_EXPIRY_WARNING_DAYS = 30;

/**
 * Where a contact's address and fingerprint are written, for the advice of a finding: the site
 * data file as findings name it (and the fingerprint on the page as well), or, for a page checked
 * without site data, the page alone.
 */
export type DeclaredIn = { dataFile: string } | "page";

const DEFAULT_DECLARED_IN: DeclaredIn = { dataFile: "content/_data/security.json" };

/** The advice's places: where to correct an address, and where to update a fingerprint. */
function placesOf(declaredIn: DeclaredIn): { dataFile: string; address: string; fingerprint: string } {
  if (declaredIn === "page") return { dataFile: "the page", address: "on the page", fingerprint: "on the page" };
  return { dataFile: declaredIn.dataFile, address: `in ${declaredIn.dataFile}`, fingerprint: `in ${declaredIn.dataFile} and on the page` };
}

export async function inspectKey(armored: string, expect: KeyExpectation): Promise<KeyReport> {
  const now = expect.now ?? new Date();
  const warningDays = expect.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  // A bad option is the caller's bug, not a fact about the key: fail loudly rather than judge at a wrong time.
  if (Number.isNaN(now.getTime())) {
    throw new RangeError(`inspectKey: \`now\` must be a valid Date. Received: ${String(now)}`);
  }
  if (!Number.isFinite(warningDays) || warningDays < 0) {
    throw new RangeError(`inspectKey: \`expiryWarningDays\` must be a number of days, 0 or more. Received: ${String(warningDays)}`);
  }

  const problems: Problem[] = [];
  const places = placesOf(expect.declaredIn ?? DEFAULT_DECLARED_IN);
  const read = await readKeyBlocks(armored, expect.fingerprint, problems);
  if (read.keys.length === 0) return { userIds: [], problems };

  // With several keys, judge the one the site declares if it is there, so the other findings are about the right key.
  const key = read.keys.find((k) => sameKey(fingerprintOf(k), expect.fingerprint)) ?? read.keys[0]!;
  const fingerprint = fingerprintOf(key);
  if (!fingerprint) {
    problems.push(keyUnreadable.problem("unsupportedVersion", { version: key.keyPacket.version, hex: expect.fingerprint.hex }));
    return { userIds: key.getUserIDs(), problems };
  }

  const listed = [expect.fingerprint, ...(expect.previous ?? [])];
  const unlisted = read.keys.filter((k) => !listed.some((f) => sameKey(fingerprintOf(k), f)));
  if (listed.length === 1 && read.keys.length > 1) {
    // One key declared: the file must hold that one alone.
    const all = read.keys.map((k) => describeFingerprint(fingerprintOf(k))).join(", ");
    problems.push(keyMultiple.problem("multiple", { count: read.keys.length, fingerprints: all, hex: expect.fingerprint.hex, dataFile: places.dataFile }));
  } else if (listed.length > 1) {
    // A rotation: the file holds the listed keys, and no other.
    for (const extra of unlisted) {
      problems.push(keyUnused.problem("unlisted", { fingerprint: describeFingerprint(fingerprintOf(extra)), email: expect.email, listed: listed.map((f) => f.hex).join(" "), dataFile: places.dataFile }));
    }
  }

  const secret = checkPrivate(fingerprint, read.privateBlock, read.keys.some((k) => k.isPrivate()));
  if (secret) problems.push(secret);

  const mismatch = checkFingerprint(fingerprint, expect.fingerprint, places.fingerprint);
  if (mismatch) problems.push(mismatch);

  // Everything judged at `now` runs before getExpirationTime(): that call looks at the key
  // without a date, and openpgp.js caches the `revoked` flag it finds on the self-signatures,
  // so a user ID revoked later than `now` would then count as revoked at `now` too.
  const revoked = await key.isRevoked(undefined, undefined, now);
  const uidProblem = await checkUserIds(key, expect.email, now, fingerprint, places.address, expect.member);
  const addresses = await validAddresses(key, now);
  const encryption = await findEncryptionKey(key, now);
  const expiry = await key.getExpirationTime();
  // null means no valid self-signature at any time; the checks at `now` above have said why.
  const expires = expiry instanceof Date ? expiry : undefined;
  const expired = checkExpired(fingerprint, expires, now);

  if (uidProblem) problems.push(uidProblem);
  if (revoked) problems.push(revokedProblem(fingerprint, key.revocationSignatures, places.fingerprint));
  if (expired) problems.push(expired);

  // A revoked or expired primary key has no usable subkeys either; saying so again would only be noise.
  if (!revoked && !expired) {
    if (encryption.error !== undefined) {
      problems.push(keyNoEncryption.problem("noEncryption", { date: utcDay(now), reason: encryption.error, hex: fingerprint.hex }));
    }
    const expiring = checkExpiring(fingerprint, expires, encryption.expires, now, warningDays);
    if (expiring) problems.push(expiring);
  }

  // During a rotation: each previous key the site data lists must be in the file, and on its way out.
  const previous: KeyReport[] = [];
  const previousKeys: Key[] = [];
  for (const declared of expect.previous ?? []) {
    const old = read.keys.find((k) => sameKey(fingerprintOf(k), declared));
    if (!old) {
      problems.push(previousKeyMissing(declared, expect.email, listed));
      continue;
    }
    previousKeys.push(old);
    previous.push(await judgePreviousKey(old, declared, expect.email, now, expect.previousKeyDays ?? DEFAULT_PREVIOUS_KEY_DAYS, problems));
  }

  // The published file holds the listed keys, the current one first, each as its public part only.
  const published: PublicKey[] = [key, ...previousKeys].map((k) => k.toPublic());
  const publicBinary = concatBytes(published.map((k) => k.write()));
  return {
    fingerprint,
    userIds: key.getUserIDs(),
    addresses,
    ...(expires ? { expires } : {}),
    algorithm: describeAlgorithm(key.getAlgorithmInfo()),
    ...(encryption.key ? { encryption: encryption.key } : {}),
    revoked,
    ...(previous.length > 0 ? { previous } : {}),
    publicArmored: published.length === 1 ? published[0]!.armor() : armor(enums.armor.publicKey, publicBinary),
    publicBinary,
    problems,
  };
}

const DEFAULT_PREVIOUS_KEY_DAYS = 90;

/**
 * A previous key is fine revoked or expired; still valid, it must expire within
 * `previousKeyDays`, or the rotation is not finished: researchers could still pick it.
 */
async function judgePreviousKey(key: Key, fingerprint: Fingerprint, email: string, now: Date, previousKeyDays: number, problems: Problem[]): Promise<KeyReport> {
  const revoked = await key.isRevoked(undefined, undefined, now);
  const expiry = await key.getExpirationTime();
  const expires = expiry instanceof Date ? expiry : undefined;
  const unfinished = checkPreviousKey({ fingerprint, revoked, ...(expires ? { expires } : {}) }, email, now, previousKeyDays);
  if (unfinished) problems.push(unfinished);
  return {
    fingerprint,
    userIds: key.getUserIDs(),
    ...(expires ? { expires } : {}),
    algorithm: describeAlgorithm(key.getAlgorithmInfo()),
    revoked,
    problems: [],
  };
}

interface ReadResult {
  keys: Key[];
  /** Some block was armored as a private key, whatever its packets hold. */
  privateBlock: boolean;
}

/**
 * Unarmors every block in the text, not just the first (openpgp.js reads only the first, so a
 * second key appended with `cat` would pass unseen), and parses each key block once.
 */
async function readKeyBlocks(text: string, expected: Fingerprint, problems: Problem[]): Promise<ReadResult> {
  const result: ReadResult = { keys: [], privateBlock: false };
  const hex = expected.hex;
  if (text.trim() === "") {
    problems.push(keyUnreadable.problem("empty", { hex }));
    return result;
  }

  for (const block of splitArmorBlocks(text)) {
    const at: Where = block.index === undefined ? {} : { index: block.index };
    let type: enums.armor;
    let data: unknown;
    try {
      ({ type, data } = await unarmor(block.text));
    } catch (error) {
      problems.push(keyUnreadable.problem("notArmored", { reason: reasonOf(error), hex }, at));
      continue;
    }

    if (type !== enums.armor.publicKey && type !== enums.armor.privateKey) {
      problems.push(keyWrongBlock.problem(wrongBlock(type), { hex }, at));
      continue;
    }
    if (type === enums.armor.privateKey) result.privateBlock = true;

    try {
      // unarmor of a string resolves to bytes, though its declared type also allows a stream.
      if (!(data instanceof Uint8Array)) throw new Error("armor did not decode to bytes");
      result.keys.push(...(await readKeys({ binaryKeys: data })));
    } catch (error) {
      problems.push(keyUnreadable.problem("damaged", { reason: reasonOf(error), hex }, at));
    }
  }
  return result;
}

interface ArmorBlock {
  text: string;
  /** Offset of the BEGIN line; undefined when the text has none. */
  index?: number;
}

const BEGIN_LINE = /^-----BEGIN PGP ([^-\r\n]+)-----[ \t]*\r?$/gm;

function splitArmorBlocks(text: string): ArmorBlock[] {
  const begins = [...text.matchAll(BEGIN_LINE)];
  // No armor at all: hand the whole text to openpgp.js so its reason reaches the message.
  if (begins.length === 0) return [{ text }];

  const blocks: ArmorBlock[] = [];
  let searchFrom = 0;
  for (const begin of begins) {
    const start = begin.index;
    if (start < searchFrom) continue; // a BEGIN line inside the previous block (a cleartext signature's own)
    const label = begin[1]!;
    // A cleartext-signed message ends with the signature that follows its text.
    const endMarker = label === "SIGNED MESSAGE" ? "-----END PGP SIGNATURE-----" : `-----END PGP ${label}-----`;
    // A block without its END line (truncated) stops where the next one begins.
    const later = begins.filter((b) => b.index > start);
    const ownSignature = label === "SIGNED MESSAGE" && later[0]?.[1] === "SIGNATURE" ? 1 : 0;
    const limit = later[ownSignature]?.index ?? text.length;
    const endAt = text.indexOf(endMarker, start);
    const end = endAt !== -1 && endAt < limit ? endAt + endMarker.length : limit;
    blocks.push({ text: text.slice(start, end), index: start });
    searchFrom = end;
  }
  return blocks;
}

/**
 * The key openpgp.js encrypts to at `now`, as a mail client chooses it: the newest valid
 * encryption subkey (GnuPG chooses the same), else the primary key if it can encrypt.
 */
async function findEncryptionKey(key: Key, now: Date): Promise<{ expires?: Date; key?: EncryptionKey; error?: string }> {
  try {
    const encryptionKey = await key.getEncryptionKey(undefined, now);
    const primary = encryptionKey === key;
    const expiry = primary ? await key.getExpirationTime() : await encryptionKey.getExpirationTime(now);
    const expires = expiry instanceof Date ? expiry : undefined;
    const chosen: EncryptionKey = {
      keyId: encryptionKey.getKeyID().toHex().toUpperCase(),
      fingerprint: encryptionKey.getFingerprint().toUpperCase(),
      primary,
      ...(expires ? { expires } : {}),
      algorithm: describeAlgorithm(encryptionKey.getAlgorithmInfo()),
    };
    return { ...(primary || !expires ? {} : { expires }), key: chosen };
  } catch (error) {
    return { error: reasonOf(error) };
  }
}

const CURVES: Record<string, string> = {
  ed25519Legacy: "Ed25519",
  curve25519Legacy: "Curve25519",
  nistP256: "P-256",
  nistP384: "P-384",
  nistP521: "P-521",
  brainpoolP256r1: "brainpoolP256r1",
  brainpoolP384r1: "brainpoolP384r1",
  brainpoolP512r1: "brainpoolP512r1",
  secp256k1: "secp256k1",
};

/** openpgp.js's name for a key's algorithm, as a reader knows it: "Ed25519", "RSA 3072", "ECDH P-256". */
export function describeAlgorithm(info: { algorithm: string; bits?: number; curve?: string }): string {
  const curve = info.curve === undefined ? "" : (CURVES[info.curve] ?? info.curve);
  switch (info.algorithm) {
    case "rsaEncryptSign":
    case "rsaEncrypt":
    case "rsaSign":
      return `RSA ${info.bits ?? ""}`.trim();
    case "eddsaLegacy":
      return curve || "EdDSA";
    case "ed25519":
      return "Ed25519";
    case "ed448":
      return "Ed448";
    case "x25519":
      return "X25519";
    case "x448":
      return "X448";
    case "ecdh":
      return curve === "Curve25519" ? curve : `ECDH ${curve}`.trim();
    case "ecdsa":
      return `ECDSA ${curve}`.trim();
    case "dsa":
      return `DSA ${info.bits ?? ""}`.trim();
    case "elgamal":
      return `ElGamal ${info.bits ?? ""}`.trim();
    default:
      return info.algorithm;
  }
}



function describeFingerprint(fingerprint: Fingerprint | undefined): string {
  return fingerprint ? formatFingerprint(fingerprint) : "a key of an unsupported version";
}

/** The key-wrong-block message for an armored block that is not a key. */
function wrongBlock(type: Exclude<enums.armor, enums.armor.publicKey | enums.armor.privateKey>): keyof typeof keyWrongBlock.messages {
  switch (type) {
    case enums.armor.signature:
      return "signature";
    case enums.armor.signed:
      return "cleartextSigned";
    case enums.armor.message:
      return "message";
    case enums.armor.multipartSection:
    case enums.armor.multipartLast:
      return "multipart";
  }
}

const REVOCATION_REASONS: Partial<Record<enums.reasonForRevocation, string>> = {
  [enums.reasonForRevocation.keySuperseded]: "key superseded",
  [enums.reasonForRevocation.keyCompromised]: "key compromised",
  [enums.reasonForRevocation.keyRetired]: "key retired",
};

/**
 * key-revoked, with the date and reason of the latest revocation signature: "was revoked on
 * 2024-06-01 (key retired: moved to a new key)". openpgp.js reads no signature without a
 * creation time, and counts a key revoked only by a revocation signature it holds.
 */
function revokedProblem(fingerprint: Fingerprint, signatures: SignaturePacket[], where: string): Problem {
  const latest = [...signatures].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0];
  if (!latest?.created) throw new Error(`inspectKey: openpgp.js says the key ${fingerprint.hex} is revoked, but it holds no dated revocation signature`);
  const flag = latest.reasonForRevocationFlag === null ? undefined : REVOCATION_REASONS[latest.reasonForRevocationFlag];
  const details = [flag, latest.reasonForRevocationString || undefined].filter((part) => part !== undefined);
  const values = { fingerprint: formatFingerprint(fingerprint), date: utcDay(latest.created), where };
  return details.length === 0 ? keyRevoked.problem("revoked", values) : keyRevoked.problem("revokedWithReason", { ...values, reason: details.join(": ") });
}

function sameKey(a: Fingerprint | undefined, b: Fingerprint): boolean {
  return a !== undefined && sameFingerprint(a, b);
}
