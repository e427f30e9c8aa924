import { decryptKey, enums, generateKey, readPrivateKey, revokeKey, type PrivateKey } from "openpgp";
import { beforeAll, describe, expect, it } from "vitest";
import { signSecurityTxt, verifySecurityTxt, type SigningContact } from "../src/publish/sign.ts";
import type { Fingerprint } from "../src/types.ts";

const DAY = 86_400_000;
const NOW = new Date();
/** Half a year ahead, as the default "expires" makes it. */
const EXPIRES = new Date(NOW.getTime() + 180 * DAY);
const PASSPHRASE = "correct horse battery staple";
const TEXT = "Contact: mailto:security@example.org\nExpires: 2026-09-06T00:00:00Z\nCanonical: https://example.org/.well-known/security.txt\n";

interface TestKey {
  key: PrivateKey;
  /** Armored, protected by PASSPHRASE unless made without one. */
  armored: string;
  publicArmored: string;
  contact: SigningContact;
}

/** A classic Ed25519 key (gpg 2.2 reads it), its dates relative to now so that what it means does not age. */
async function makeKey(email: string, options: { created?: Date; lifetimeDays?: number; passphrase?: string | null; signingSubkeyDays?: number } = {}): Promise<TestKey> {
  const { privateKey } = await generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    userIDs: [{ name: "Security Team", email }],
    date: options.created ?? new Date(NOW.getTime() - DAY),
    ...(options.lifetimeDays !== undefined ? { keyExpirationTime: options.lifetimeDays * 86_400 } : {}),
    ...(options.signingSubkeyDays !== undefined ? { subkeys: [{}, { sign: true, keyExpirationTime: options.signingSubkeyDays * 86_400 }] } : {}),
    ...(options.passphrase === null ? {} : { passphrase: options.passphrase ?? PASSPHRASE }),
    format: "armored",
  });
  const key = await readPrivateKey({ armoredKey: privateKey });
  const fingerprint: Fingerprint = { version: 4, hex: key.getFingerprint().toUpperCase() };
  const publicArmored = key.toPublic().armor();
  return { key, armored: privateKey, publicArmored, contact: { email, fingerprint, publicKey: publicArmored } };
}

let good: TestKey;
let other: TestKey;
let plain: TestKey;
let expired: TestKey;
let revoked: TestKey;
let shortLived: TestKey;
let shortSubkey: TestKey;

beforeAll(async () => {
  [good, other, plain, expired, shortLived, shortSubkey] = await Promise.all([
    makeKey("security@example.org", { lifetimeDays: 730 }),
    makeKey("security@example.org", { lifetimeDays: 730 }),
    makeKey("security@example.org", { passphrase: null }),
    makeKey("security@example.org", { created: new Date(NOW.getTime() - 400 * DAY), lifetimeDays: 30 }),
    makeKey("security@example.org", { lifetimeDays: 30 }),
    makeKey("security@example.org", { lifetimeDays: 730, signingSubkeyDays: 60 }),
  ]);
  const toRevoke = await makeKey("security@example.org");
  const { privateKey } = await revokeKey({
    key: await decryptKey({ privateKey: toRevoke.key, passphrase: PASSPHRASE }),
    reasonForRevocation: { flag: enums.reasonForRevocation.keyRetired, string: "replaced" },
    date: new Date(NOW.getTime() - DAY / 2),
    format: "armored",
  });
  revoked = { ...toRevoke, armored: privateKey };
});

/** Signs TEXT with the key; `passphrase: null` gives none. */
const sign = (key: TestKey, contacts: SigningContact[] = [key.contact], passphrase: string | null = PASSPHRASE) =>
  signSecurityTxt(TEXT, { armored: key.armored, ...(passphrase === null ? {} : { passphrase }) }, { contacts, expires: EXPIRES, now: NOW });

describe("signing security.txt", () => {
  it("makes a cleartext-signed file, LF only, that openpgp.js verifies against the contact's published key", async () => {
    const result = await sign(good);
    expect(result.refused).toBeUndefined();
    const signed = result.signed!;
    expect(signed.startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nContact: mailto:security@example.org\n")).toBe(true);
    expect(signed.trimEnd().endsWith("-----END PGP SIGNATURE-----")).toBe(true);
    expect(signed).not.toContain("\r");
    expect(result.signer?.email).toBe("security@example.org");

    const verified = await verifySecurityTxt(signed, good.publicArmored);
    expect(verified.text).toBe(TEXT);
    expect(verified.signer).toEqual(good.contact.fingerprint);
  });

  it("carries nothing of the private key but the signature", async () => {
    const signed = (await sign(good)).signed!;
    expect(signed).not.toMatch(/PRIVATE KEY/);
    const keyBody = good.armored.split("\n").filter((l) => /^[A-Za-z0-9+/]{40,}$/.test(l));
    for (const line of keyBody) expect(signed).not.toContain(line);
  });

  it("signs with a key that has no passphrase, and ignores none being given", async () => {
    expect((await sign(plain, [plain.contact], null)).signed).toBeDefined();
  });

  it("verifies with the signing key itself where the site publishes no key file", async () => {
    const { publicKey: _, ...withoutKeyFile } = good.contact;
    expect((await sign(good, [withoutKeyFile])).signed).toBeDefined();
  });
});

describe("a signed file that was changed", () => {
  it("is rejected when a field is altered after signing", async () => {
    const signed = (await sign(good)).signed!;
    const tampered = signed.replace("mailto:security@example.org", "mailto:attacker@example.net");
    expect(tampered).not.toBe(signed);
    await expect(verifySecurityTxt(tampered, good.publicArmored)).rejects.toThrow(/Signed digest did not match/);
  });

  it("is rejected when a field is added to the signed text", async () => {
    const signed = (await sign(good)).signed!;
    const tampered = signed.replace("Canonical:", "Contact: mailto:attacker@example.net\nCanonical:");
    await expect(verifySecurityTxt(tampered, good.publicArmored)).rejects.toThrow();
  });

  it("is rejected when checked against another key", async () => {
    const signed = (await sign(good)).signed!;
    await expect(verifySecurityTxt(signed, other.publicArmored)).rejects.toThrow();
  });
});

describe("refusing to sign", () => {
  it("with an expired key, naming the day it expired", async () => {
    const result = await sign(expired);
    expect(result.refused?.reason).toBe("expired");
    expect(result.refused?.message).toMatch(/^cannot sign security\.txt: the signing key [0-9A-F ]+ of security@example\.org expired on \d{4}-\d{2}-\d{2}: extend it with gpg --quick-set-expire [0-9A-F]{40} 1y/);
  });

  it("with a revoked key", async () => {
    const result = await sign(revoked);
    expect(result.refused).toMatchObject({ reason: "revoked", message: expect.stringMatching(/is revoked; a signature by it tells readers not to trust the file/) });
  });

  it("with a key that expires before the file's Expires", async () => {
    const result = await sign(shortLived);
    expect(result.refused?.reason).toBe("expires-too-soon");
    expect(result.refused?.message).toMatch(/^cannot sign security\.txt: the signing key .* expires on \S+Z, before security\.txt's Expires \S+Z: .*or set an earlier "expires"$/);
  });

  it("with a key whose signing subkey expires before the file's Expires", async () => {
    const result = await sign(shortSubkey);
    expect(result.refused).toMatchObject({ reason: "expires-too-soon", message: expect.stringMatching(/^cannot sign security\.txt: the signing subkey of /) });
  });

  it("with a key that is not a declared contact's, listing the declared ones", async () => {
    const result = await sign(other, [good.contact]);
    expect(result.refused?.reason).toBe("undeclared");
    expect(result.refused?.message).toContain(`is not the key of a declared contact (security@example.org (${good.contact.fingerprint.hex.replace(/(.{4})(?=.)/g, "$1 ")}))`);
  });

  it("when the published key cannot verify the signature (it lacks the signing subkey)", async () => {
    const published = shortSubkey.key.toPublic();
    const signingSubkeyId = published.subkeys[1]!.getKeyID();
    published.subkeys = published.subkeys.filter((s) => !s.getKeyID().equals(signingSubkeyId));
    const contact = { ...shortSubkey.contact, publicKey: published.armor() };
    const result = await signSecurityTxt(TEXT, { armored: shortSubkey.armored, passphrase: PASSPHRASE }, { contacts: [contact], expires: new Date(NOW.getTime() + 30 * DAY), now: NOW });
    expect(result.refused).toMatchObject({ reason: "verify-failed", message: expect.stringMatching(/does not verify against the published key of security@example\.org/) });
  });

  it("without the passphrase of a protected key, naming the variable to set", async () => {
    expect((await sign(good, [good.contact], null)).refused).toMatchObject({ reason: "passphrase", message: expect.stringMatching(/SECURITY_TXT_SIGNING_PASSPHRASE is not set/) });
  });

  it("with a wrong passphrase", async () => {
    expect((await sign(good, [good.contact], "wrong")).refused).toMatchObject({ reason: "passphrase", message: expect.stringMatching(/does not unlock the signing key/) });
  });

  it("with a public key where the private key belongs", async () => {
    const result = await signSecurityTxt(TEXT, { armored: good.publicArmored }, { contacts: [good.contact], expires: EXPIRES, now: NOW });
    expect(result.refused).toMatchObject({ reason: "public-only", message: expect.stringMatching(/holds a public key; signing needs the private key/) });
  });

  it("with text that is not a key, without echoing it", async () => {
    const result = await signSecurityTxt(TEXT, { armored: "not a key: s3cr3t" }, { contacts: [good.contact], expires: EXPIRES, now: NOW });
    expect(result.refused?.reason).toBe("unreadable");
    expect(result.refused?.message).toMatch(/^cannot sign security\.txt: SECURITY_TXT_SIGNING_KEY is not a readable armored private key/);
    expect(result.refused?.message).not.toContain("s3cr3t");
  });
});
