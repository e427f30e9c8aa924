/**
 * A site with one contact, whose key the test makes (so that it can sign), and the security.txt
 * the build publishes for it at NOW, line by line: what verify compares a deployed one with.
 */
import { createCleartextMessage, generateKey, readKey, readPrivateKey, sign } from "openpgp";
import type { SiteData } from "../../../src/data/site-data.ts";
import { judgeSecurityTxt, type SecurityTxtInput } from "../../../src/verify/verify.ts";
import { answer, contact, NOW } from "./answers.ts";

export const URL = "https://example.org/.well-known/security.txt";

const EMAIL = "security@example.org";
const MADE = new Date("2026-01-01T00:00:00Z");

async function makeKey(): Promise<{ privateKey: string; publicKey: string }> {
  return await generateKey({ type: "ecc", curve: "ed25519Legacy", userIDs: [{ name: "Security Team", email: EMAIL }], date: MADE, format: "armored" });
}

const declared = await makeKey();
/** A key of the same address the site data does not declare. */
const other = await makeKey();

const owner = await contact(declared.publicKey, EMAIL, [{ version: 4, hex: (await readKey({ armoredKey: declared.publicKey })).getFingerprint().toUpperCase() }]);

/** Reviewed 2026-01-10: with the default 180 days, Expires is 2026-07-09. */
export const SITE: SiteData = { url: "https://example.org", name: "Example", language: "en", contacts: [owner], reviewed: "2026-01-10" };

/** The file the build publishes for SITE, a line each. */
export const BUILT = [
  "Contact: mailto:security@example.org",
  "Expires: 2026-07-09T00:00:00Z",
  "Encryption: https://example.org/security/keys/security@example.org.asc",
  "Preferred-Languages: en",
  "Canonical: https://example.org/.well-known/security.txt",
  "Policy: https://example.org/security/",
];

/** The built file with line `n` (1-based) replaced by `lines` (none: removed). */
export function edited(n: number, ...lines: string[]): string {
  return `${[...BUILT.slice(0, n - 1), ...lines, ...BUILT.slice(n)].join("\n")}\n`;
}

export const FILE = edited(1, BUILT[0]!);

export const BASE: SecurityTxtInput = { contacts: [owner], now: NOW, expiresWarningDays: 30, securityTxt: FILE };

/** `text`, cleartext-signed by the declared key, or by the other one. */
export async function signed(text: string, by: "declared" | "other"): Promise<string> {
  const privateKey = await readPrivateKey({ armoredKey: (by === "declared" ? declared : other).privateKey });
  return await sign({ message: await createCleartextMessage({ text }), signingKeys: privateKey, date: new Date("2026-01-15T00:00:00Z") });
}

export interface SecurityTxtCase {
  /** The deployed file (default: the one the build publishes). */
  body?: string;
  status?: number;
  /** Its Content-Type; null: none (default: text/plain; charset=utf-8). */
  type?: string | null;
  /** The legacy /security.txt, judged only when there. */
  legacy?: boolean;
  now?: Date;
  expiresWarningDays?: number;
  /** The file the build publishes (default: FILE). */
  built?: string;
}

/** verify's judgement of a deployed security.txt. */
export async function judge(c: SecurityTxtCase) {
  const type = c.type === undefined ? "text/plain; charset=utf-8" : c.type;
  const input: SecurityTxtInput = { ...BASE, now: c.now ?? NOW, expiresWarningDays: c.expiresWarningDays ?? 30, securityTxt: c.built ?? FILE };
  const result = await judgeSecurityTxt(input, URL, answer(c.status ?? 200, c.body ?? FILE, type === null ? {} : { "content-type": type }), !c.legacy);
  return result?.findings ?? [];
}
