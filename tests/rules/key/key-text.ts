/**
 * Keys for the key rules' cases: the committed fixtures (tests/fixtures/keys), keys made here
 * with openpgp.js on fixed dates, and the real checks run at a fixed moment: inspectKey on a key
 * file's text, its problems placed as the build places them, and loadPolicyData on a project's
 * site data and key folder; and keyLifetimeFindings on a key's facts against security.txt's Expires.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { armor, config, enums, generateKey, revokeKey, type KeyOptions, type PrivateKey, type PublicKey } from "openpgp";
import { loadPolicyData } from "../../../src/data/load.ts";
import { placed, type Finding } from "../../../src/findings/finding.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { keyLifetimeFindings } from "../../../src/rules/key-lifetime.ts";
import { inspectKey, type EncryptionKey, type KeyExpectation, type KeyReport } from "../../../src/rules/keys.ts";
import type { Fingerprint } from "../../../src/types.ts";
import type { KeyFixture } from "../../fixtures/keys/make-keys.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import { positionOf, type ExpectedFinding } from "../../support/rule-tester.ts";
import { WORK } from "../../support/work.ts";

export const DAY_MS = 86_400_000;

/** When the keys made here are created. */
export const CREATED = new Date("2024-01-01T00:00:00Z");

/** `days` (fractions allowed) after CREATED; negative, before it. */
export const day = (days: number): Date => new Date(CREATED.getTime() + days * DAY_MS);

/** The moment the checks run at, unless a case says otherwise: well after every key is made. */
export const NOW = new Date("2025-01-01T00:00:00Z");

export const EMAIL = "security@example.org";
export const KEY_FILE = `content/keys/${EMAIL}.asc`;

/** A fingerprint no key here has. */
export const SOMEONE: Fingerprint = { version: 4, hex: "AC483C56D8BB1F0E59A6C42C6F0C1D2E3B4A5968" };

const fixtureDir = fileURLToPath(new URL("../../fixtures/keys/", import.meta.url));
const fixtures = JSON.parse(readFileSync(`${fixtureDir}keys.json`, "utf8")) as Record<string, KeyFixture>;

/** A committed key fixture: its text, the address the tests declare for it and its fingerprint. */
export function fixture(file: string): KeyFixture & { text: string } {
  const entry = fixtures[file];
  if (!entry) throw new Error(`${file} is not in tests/fixtures/keys/keys.json`);
  return { ...entry, text: readFileSync(`${fixtureDir}${file}`, "utf8") };
}

export interface MadeKey {
  privateKey: PrivateKey;
  publicKey: PublicKey;
  fingerprint: Fingerprint;
  /** The public key, armored. */
  text: string;
}

type Options = Omit<KeyOptions, "userIDs" | "format"> & { userIDs?: KeyOptions["userIDs"] };

/** A v4 Ed25519 key with a Curve25519 encryption subkey, for `email`, created on CREATED unless `date` says otherwise. */
export async function makeKey(options: Options = {}, email = EMAIL): Promise<MadeKey> {
  const { privateKey, publicKey } = await generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    date: CREATED,
    userIDs: [{ name: "Security Team", email }],
    ...options,
    format: "object",
  });
  return { privateKey, publicKey, fingerprint: { version: 4, hex: publicKey.getFingerprint().toUpperCase() }, text: publicKey.armor() };
}

/** The key revoked on `date`, for `flag`, with `reason` as its text; armored, public. */
export async function revoked(key: MadeKey, date: Date, flag: enums.reasonForRevocation, reason = ""): Promise<string> {
  const { publicKey } = await revokeKey({ key: key.privateKey, reasonForRevocation: { flag, string: reason }, date, format: "armored" });
  return publicKey;
}

/** A key file's text, what the site declares for it, and whether openpgp.js is set to read v5 keys (off, as it ships). */
export interface KeyInput {
  text: string;
  expect: KeyExpectation;
  parseV5?: boolean;
}

/** What inspectKey reports of a key file, placed in it: at the block a problem names, else at its top. */
export async function runKey(input: KeyInput): Promise<Finding[]> {
  const before = config.enableParsingV5Entities;
  config.enableParsingV5Entities = input.parseV5 ?? false;
  try {
    const report = await inspectKey(input.text, { now: NOW, ...input.expect });
    return report.problems.map((p) => placed(p, KEY_FILE, p.index === undefined ? { line: 1, column: 1 } : positionOf(input.text, p.index)));
  } finally {
    config.enableParsingV5Entities = before;
  }
}

/** A key file holding `text`, declared for EMAIL with `fingerprint`, judged at `now` (NOW unless given). */
export function keyInput(text: string, fingerprint: Fingerprint, more: Partial<KeyExpectation> = {}): KeyInput {
  return { text, expect: { email: EMAIL, fingerprint, ...more } };
}

/** The top of the key file, where every finding about the key as a whole stands. */
export const TOP = { line: 1, column: 1 };

/**
 * The key's text with its primary key packet rewritten as a v5 one (RFC 9580 reserves v5; openpgp.js
 * reads it only with `enableParsingV5Entities`): the same key material, a four-octet count of it
 * after the algorithm. Nothing verifies the signatures before the version is judged.
 */
export function asV5(binary: Uint8Array): string {
  const [tag, length] = [binary[0]!, binary[1]!];
  if (tag !== 0xc6 || length >= 192 || binary[2] !== 4) throw new Error("asV5 expects a v4 public key packet with a one-octet length first");
  const body = binary.subarray(2, 2 + length);
  const material = body.subarray(6);
  const count = new Uint8Array([0, 0, 0, material.length]);
  const v5 = new Uint8Array([0xc6, length + 4, 5, ...body.subarray(1, 6), ...count, ...material, ...binary.subarray(2 + length)]);
  return armor(enums.armor.publicKey, v5);
}

/** A project's content folder: its files by path, as loadPolicyData reads them. */
export interface SiteInput {
  files: Record<string, string>;
}

export const DATA_FILE = "content/_data/security.json";

/** Site data declaring these contacts (address and fingerprint, grouped as an author writes it), as the file holds it. */
export function siteData(contacts: Array<{ email: string; fingerprint: Fingerprint | Fingerprint[] }>): string {
  const written = contacts.map((c) => ({
    email: c.email,
    fingerprint: Array.isArray(c.fingerprint) ? c.fingerprint.map(formatFingerprint) : formatFingerprint(c.fingerprint),
  }));
  return `${JSON.stringify({ url: "https://example.org", name: "Example", contacts: written, reviewed: "2024-12-01" }, null, 2)}\n`;
}

/** What loadPolicyData reports of a project's content folder: the site data, then each contact's key file, at NOW. */
export async function runSite(input: SiteInput): Promise<Finding[]> {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, "key-rules-"));
  const content = path.join(root, "content");
  for (const [file, text] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  const loaded = await loadPolicyData(content, { dataFile: "_data/security.json", keysDir: "keys", expiryWarningDays: 30, relative: (file) => path.relative(root, file), now: NOW });
  return loaded.findings;
}

/** Where the value of the nth member named `key` starts in a JSON text. */
export function valueAt(text: string, key: string, nth = 1): { line: number; column: number } {
  const member = `"${key}": `;
  let index = -1;
  for (let n = 0; n < nth; n++) {
    index = text.indexOf(member, index + 1);
    if (index < 0) throw new Error(`${member} occurs fewer than ${nth} times in the text`);
  }
  return positionOf(text, index + member.length);
}

/** security.txt's Expires in the key-lifetime cases: half a year after NOW. */
export const EXPIRES = new Date("2025-07-01T00:00:00Z");

/** What keyLifetimeFindings is given of a contact's key: its expiry and the key a mail client encrypts to; and security.txt's Expires, the margin and the moment. */
export interface LifetimeInput {
  key: Pick<KeyReport, "expires" | "encryption">;
  expires?: Date;
  marginDays?: number;
  now?: Date;
}

/** The contact's key in the key-lifetime cases (the Ed25519 fixture's fingerprint). */
export const LIFETIME_KEY: Fingerprint = { version: 4, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" };

/** An encryption subkey, Curve25519, expiring on `expires` (undefined = never). */
export function subkey(expires?: Date): EncryptionKey {
  return { keyId: "1D2E3F405A6B7C8D", fingerprint: "0123456789ABCDEF0123456789ABCDEF1D2E3F40", primary: false, algorithm: "Curve25519", ...(expires ? { expires } : {}) };
}

/** What keyLifetimeFindings reports of the contact's key, against Expires (EXPIRES unless given), with a margin of 30 days unless given, at NOW unless given. */
export function runLifetime(input: LifetimeInput): Finding[] {
  const key: KeyReport = { fingerprint: LIFETIME_KEY, userIds: [`Security Team <${EMAIL}>`], problems: [], ...input.key };
  return keyLifetimeFindings({ email: EMAIL, fingerprint: LIFETIME_KEY, key, keyFile: KEY_FILE }, input.expires ?? EXPIRES, input.marginDays ?? 30, input.now ?? NOW);
}

/**
 * A whole key file judged against security.txt's Expires, as the build judges it: what inspectKey
 * reports of the file, then how the key it read stands to Expires (EXPIRES unless given), with a
 * margin of 30 days unless given, at the moment the key input names (NOW unless it names one).
 */
export interface KeyFileLifetimeInput {
  file: KeyInput;
  expires?: Date;
  marginDays?: number;
}

export async function runKeyFileLifetime(input: KeyFileLifetimeInput): Promise<Finding[]> {
  const { expect } = input.file;
  const now = expect.now ?? NOW;
  const found = await runKey(input.file);
  const key = await inspectKey(input.file.text, { now, ...expect });
  return [...found, ...keyLifetimeFindings({ email: expect.email, fingerprint: expect.fingerprint, key, keyFile: KEY_FILE }, input.expires ?? EXPIRES, input.marginDays ?? 30, now)];
}

/** The key-lifetime rules' run: a key's facts (the cases), or a whole key file (a doc page's example). */
export function runLifetimeOf(input: LifetimeInput | KeyFileLifetimeInput): Finding[] | Promise<Finding[]> {
  return "file" in input ? runKeyFileLifetime(input) : runLifetime(input);
}

/**
 * A finding of another rule in a case's list, with that rule's message id, checked against its
 * module (the table's type knows only the message ids of the rule under test).
 */
export function otherRule<Messages extends Record<string, string>>(rule: Rule<string, Messages>, messageId: keyof Messages & string, at: { line: number; column: number }): ExpectedFinding<never> {
  return { rule: rule.id, messageId: messageId as never, ...at };
}
