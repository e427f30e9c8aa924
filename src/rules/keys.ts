/**
 * Reads an armored OpenPGP key the way a reporter's mail client will, and says what is wrong
 * with it as a security contact: the wrong key, an address it does not carry, secret material,
 * revocation, expiry, or no way to encrypt to it. Pure apart from openpgp.js: the caller reads
 * the file and adds its name to the messages.
 */
import { armor, enums, readKeys, unarmor, type Key, type PublicKey, type SignaturePacket } from "openpgp";
import type { Problem } from "../findings/finding.ts";
import { formatFingerprint, sameFingerprint } from "../formats/fingerprint.ts";
import { fingerprintOf, reasonOf, utcDay } from "../formats/openpgp.ts";
import type { Fingerprint } from "../types.ts";

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
  /** A previous key that stays valid longer than this many days is a warning: the rotation is not finished. Default: 90. */
  previousKeyDays?: number;
  /** The moment at which revocation, expiry and usable subkeys are judged. Default: now. */
  now?: Date;
  /** Warn when the key expires within this many days of `now`. Default: 30. */
  expiryWarningDays?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_EXPIRY_WARNING_DAYS = 30;

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
  const read = await readKeyBlocks(armored, expect.fingerprint, problems);
  if (read.keys.length === 0) return { userIds: [], problems };

  // With several keys, judge the one the site declares if it is there, so the other findings are about the right key.
  const key = read.keys.find((k) => sameKey(fingerprintOf(k), expect.fingerprint)) ?? read.keys[0]!;
  const fingerprint = fingerprintOf(key);
  if (!fingerprint) {
    problems.push({
      rule: "key-unreadable",
      severity: "error",
      message: `the key is a version ${key.keyPacket.version} key; only v4 and v6 keys are supported: export a current key with gpg --export --armor ${expect.fingerprint.hex}`,
    });
    return { userIds: key.getUserIDs(), problems };
  }

  const listed = [expect.fingerprint, ...(expect.previous ?? [])];
  const unlisted = read.keys.filter((k) => !listed.some((f) => sameKey(fingerprintOf(k), f)));
  if (listed.length === 1 && read.keys.length > 1) {
    // One key declared: the file must hold that one alone.
    const all = read.keys.map((k) => describeFingerprint(fingerprintOf(k))).join(", ");
    problems.push({
      rule: "key-multiple",
      severity: "error",
      message: `the file holds ${read.keys.length} keys (${all}); it must hold one: export only the contact's key with gpg --export --armor ${expect.fingerprint.hex} (during a key rotation, list the other key's fingerprint after the current one in content/_data/security.json)`,
    });
  } else if (listed.length > 1) {
    // A rotation: the file holds the listed keys, and no other.
    for (const extra of unlisted) {
      problems.push({
        rule: "key-unused",
        severity: "error",
        message: `the file holds the key ${describeFingerprint(fingerprintOf(extra))}, which the site data does not list for ${expect.email}: export only the listed keys with gpg --export --armor ${listed.map((f) => f.hex).join(" ")}, or list it in content/_data/security.json`,
      });
    }
  }

  const secret = read.keys.some((k) => k.isPrivate());
  if (secret || read.privateBlock) {
    const what = read.privateBlock ? "a PGP PRIVATE KEY BLOCK" : "secret key packets";
    problems.push({
      rule: "key-private",
      severity: "error",
      message: `the file holds secret key material (${what}): publish only the public key, exported with gpg --export --armor ${fingerprint.hex} (not --export-secret-keys); if this file was ever committed or published, consider the key compromised: revoke it and make a new one`,
    });
  }

  if (!sameFingerprint(fingerprint, expect.fingerprint)) {
    const versions =
      fingerprint.version === expect.fingerprint.version
        ? ""
        : ` (the key is a v${fingerprint.version} key; the declared fingerprint is a v${expect.fingerprint.version} one)`;
    problems.push({
      rule: "key-fingerprint-mismatch",
      severity: "error",
      message: `the key's fingerprint is ${formatFingerprint(fingerprint)}; the site data declares ${formatFingerprint(expect.fingerprint)}${versions}: update the fingerprint in content/_data/security.json and on the page, or export the right key with gpg --export --armor ${expect.fingerprint.hex}`,
    });
  }

  // Everything judged at `now` runs before getExpirationTime(): that call looks at the key
  // without a date, and openpgp.js caches the `revoked` flag it finds on the self-signatures,
  // so a user ID revoked later than `now` would then count as revoked at `now` too.
  const revoked = await key.isRevoked(undefined, undefined, now);
  const uidProblem = await checkUserIds(key, expect.email, now, fingerprint);
  const encryption = await findEncryptionKey(key, now);
  const expiry = await key.getExpirationTime();
  // null means no valid self-signature at any time; the checks at `now` above have said why.
  const expires = expiry instanceof Date ? expiry : undefined;
  const expired = expires !== undefined && expires.getTime() <= now.getTime();

  if (uidProblem) problems.push(uidProblem);
  if (revoked) {
    problems.push({
      rule: "key-revoked",
      severity: "error",
      message: `the key ${formatFingerprint(fingerprint)} ${describeRevocation(key.revocationSignatures)}: mail clients will refuse to encrypt to it; publish the key that replaced it (gpg --export --armor <its fingerprint>) and update the fingerprint in content/_data/security.json and on the page`,
    });
  }

  const extend = `gpg --quick-set-expire ${fingerprint.hex} 1y, and its subkeys with gpg --quick-set-expire ${fingerprint.hex} 1y '*', then export it again with gpg --export --armor ${fingerprint.hex}`;
  if (expired) {
    problems.push({
      rule: "key-expired",
      severity: "error",
      message: `the key expired on ${utcDay(expires)}: extend it with ${extend}`,
    });
  }

  // A revoked or expired primary key has no usable subkeys either; saying so again would only be noise.
  if (!revoked && !expired) {
    if (encryption.error !== undefined) {
      problems.push({
        rule: "key-no-encryption",
        severity: "error",
        message: `the key has no valid encryption subkey on ${utcDay(now)}, so reporters cannot encrypt to it (openpgp.js: ${encryption.error}): add one with gpg --quick-add-key ${fingerprint.hex} cv25519 encr 1y, then export the key again with gpg --export --armor ${fingerprint.hex}`,
      });
    }
    const soonest = earliest(expires, encryption.expires);
    if (soonest !== undefined && soonest.getTime() - now.getTime() <= warningDays * DAY_MS) {
      const which = soonest === expires ? "the key expires" : "its encryption subkey expires";
      const days = Math.ceil((soonest.getTime() - now.getTime()) / DAY_MS);
      problems.push({
        rule: "key-expiring",
        severity: "warning",
        message: `${which} on ${utcDay(soonest)}, in ${days} day${days === 1 ? "" : "s"}: extend it with ${extend}`,
      });
    }
  }

  // During a rotation: each previous key the site data lists must be in the file, and on its way out.
  const previous: KeyReport[] = [];
  const previousKeys: Key[] = [];
  for (const declared of expect.previous ?? []) {
    const old = read.keys.find((k) => sameKey(fingerprintOf(k), declared));
    if (!old) {
      problems.push({
        rule: "key-fingerprint-mismatch",
        severity: "error",
        message: `the file holds no key ${formatFingerprint(declared)}, which the site data lists as a previous key of ${expect.email}: export both keys with gpg --export --armor ${listed.map((f) => f.hex).join(" ")}, or take the previous key off the list once the rotation is over`,
      });
      continue;
    }
    previousKeys.push(old);
    previous.push(await judgePreviousKey(old, declared, expect.email, now, expect.previousKeyDays ?? DEFAULT_PREVIOUS_KEY_DAYS, problems));
  }

  // The published file holds the listed keys, the current one first, each as its public part only.
  const published: PublicKey[] = [key, ...previousKeys].map((k) => k.toPublic());
  const publicBinary = published.length === 1 ? published[0]!.write() : concatBytes(published.map((k) => k.write()));
  return {
    fingerprint,
    userIds: key.getUserIDs(),
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
  const over = revoked || (expires !== undefined && expires.getTime() <= now.getTime());
  if (!over && (expires === undefined || expires.getTime() - now.getTime() > previousKeyDays * DAY_MS)) {
    const until = expires === undefined ? "does not expire" : `stays valid until ${utcDay(expires)}`;
    problems.push({
      rule: "key-rotation-unfinished",
      severity: "warning",
      message: `the previous key ${formatFingerprint(fingerprint)} of ${email} ${until}, so researchers may still encrypt to it: finish the rotation by revoking it (gpg --gen-revoke ${fingerprint.hex}, then import the revocation and export the key again), or let it expire within ${previousKeyDays} days (gpg --quick-set-expire ${fingerprint.hex} ${Math.min(previousKeyDays, 60)}d)`,
    });
  }
  return {
    fingerprint,
    userIds: key.getUserIDs(),
    ...(expires ? { expires } : {}),
    algorithm: describeAlgorithm(key.getAlgorithmInfo()),
    revoked,
    problems: [],
  };
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
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
  const exportHint = `export the key with gpg --export --armor ${expected.hex} and replace the file's contents`;
  if (text.trim() === "") {
    problems.push({ rule: "key-unreadable", severity: "error", message: `the file is empty: ${exportHint}` });
    return result;
  }

  for (const block of splitArmorBlocks(text)) {
    const at = block.index === undefined ? {} : { index: block.index };
    let type: enums.armor;
    let data: unknown;
    try {
      ({ type, data } = await unarmor(block.text));
    } catch (error) {
      problems.push({
        rule: "key-unreadable",
        severity: "error",
        message: `this is not a readable OpenPGP armored key (openpgp.js: ${reasonOf(error)}): ${exportHint}`,
        ...at,
      });
      continue;
    }

    if (type !== enums.armor.publicKey && type !== enums.armor.privateKey) {
      problems.push({
        rule: "key-wrong-block",
        severity: "error",
        message: `the file holds ${describeBlock(type)}, not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor ${expected.hex}`,
        ...at,
      });
      continue;
    }
    if (type === enums.armor.privateKey) result.privateBlock = true;

    try {
      // unarmor of a string resolves to bytes, though its declared type also allows a stream.
      if (!(data instanceof Uint8Array)) throw new Error("armor did not decode to bytes");
      result.keys.push(...(await readKeys({ binaryKeys: data })));
    } catch (error) {
      problems.push({
        rule: "key-unreadable",
        severity: "error",
        message: `the key block is damaged or incomplete (openpgp.js: ${reasonOf(error)}): ${exportHint}`,
        ...at,
      });
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

async function checkUserIds(key: Key, email: string, now: Date, fingerprint: Fingerprint): Promise<Problem | undefined> {
  const users = key.users.filter((user) => user.userID !== null);
  const addresses = users.map((user) => user.userID!.email).filter((address) => address !== "");
  const fix = `add the address with gpg --quick-add-uid ${fingerprint.hex} 'Security Team <${email}>' and export the key again, or correct the address in content/_data/security.json`;
  const matching = users.filter((user) => sameAddress(user.userID!.email, email));
  if (matching.length === 0) {
    const has = addresses.length === 0 ? "the key has no email addresses" : `the key has ${addresses.join(", ")}`;
    return {
      rule: "key-uid-mismatch",
      severity: "error",
      message: `no user ID on the key carries ${email}; ${has}: ${fix}`,
    };
  }

  let failure: unknown;
  for (const user of matching) {
    try {
      await user.verify(now);
      return undefined;
    } catch (error) {
      failure = error;
    }
  }
  return {
    rule: "key-uid-mismatch",
    severity: "error",
    message: `the user ID carrying ${email} is not valid on ${utcDay(now)} (openpgp.js: ${reasonOf(failure)}): ${fix}`,
  };
}

/** Mail domains are case-insensitive; the local part belongs to the receiving server, so it is compared as written. */
function sameAddress(a: string, b: string): boolean {
  const [localA, domainA] = splitAddress(a);
  const [localB, domainB] = splitAddress(b);
  return localA === localB && domainA.toLowerCase() === domainB.toLowerCase();
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return at === -1 ? [address.trim(), ""] : [address.slice(0, at).trim(), address.slice(at + 1).trim()];
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

function describeBlock(type: enums.armor): string {
  switch (type) {
    case enums.armor.signature:
      return "a detached signature (-----BEGIN PGP SIGNATURE-----)";
    case enums.armor.signed:
      return "a cleartext-signed message (-----BEGIN PGP SIGNED MESSAGE-----)";
    case enums.armor.message:
      return "an OpenPGP message (-----BEGIN PGP MESSAGE-----), such as an encrypted or signed file";
    case enums.armor.multipartSection:
    case enums.armor.multipartLast:
      return "one part of a multi-part OpenPGP message (-----BEGIN PGP MESSAGE, PART ...-----)";
    default:
      return `an OpenPGP block of type ${String(type)}`;
  }
}

const REVOCATION_REASONS: Partial<Record<enums.reasonForRevocation, string>> = {
  [enums.reasonForRevocation.keySuperseded]: "key superseded",
  [enums.reasonForRevocation.keyCompromised]: "key compromised",
  [enums.reasonForRevocation.keyRetired]: "key retired",
};

/** "was revoked on 2024-06-01 (key retired: moved to a new key)", from the latest revocation signature. */
function describeRevocation(signatures: SignaturePacket[]): string {
  const latest = [...signatures].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0];
  if (!latest?.created) return "has been revoked";
  const flag = latest.reasonForRevocationFlag === null ? undefined : REVOCATION_REASONS[latest.reasonForRevocationFlag];
  const details = [flag, latest.reasonForRevocationString || undefined].filter((part) => part !== undefined);
  return `was revoked on ${utcDay(latest.created)}${details.length === 0 ? "" : ` (${details.join(": ")})`}`;
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.getTime() < a.getTime() ? b : a;
}

function sameKey(a: Fingerprint | undefined, b: Fingerprint): boolean {
  return a !== undefined && sameFingerprint(a, b);
}
