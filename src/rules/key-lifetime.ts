/**
 * Every key the site points researchers to (on the page, in security.txt's Encryption, in
 * the Web Key Directory) must stay usable for as long as security.txt says it is current:
 * the primary key, and the encryption subkey a mail client would choose, must not expire
 * before Expires, and should not expire soon after it either. Pure: the parsed key and the
 * dates in, findings out.
 */
import { type Finding } from "../findings/finding.ts";
import { dayCount } from "../formats/date.ts";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { utcDay } from "../formats/openpgp.ts";
import type { Fingerprint } from "../types.ts";
import keyExpiresClose from "./key/key-expires-close.ts";
import keyExpiresEarly from "./key/key-expires-early.ts";
import type { KeyReport } from "./keys.ts";

const DAY_MS = 86_400_000;

export interface KeyLifetimeInput {
  email: string;
  fingerprint: Fingerprint;
  key: KeyReport;
  /** The key file as findings name it. */
  keyFile: string;
}

/** How a key's expiry stands to security.txt's Expires. */
type Verdict = { date: string } & ({ early: true } | { early: false; days: number });

/** Before Expires, within `marginDays` after it (in whole days), or fine; an expiry already past is key-expired's, or key-no-encryption's, to report. */
function judge(ends: Date | undefined, expires: Date, marginDays: number, now: Date): Verdict | undefined {
  if (ends === undefined || ends.getTime() <= now.getTime()) return undefined;
  const date = utcDay(ends);
  if (ends.getTime() < expires.getTime()) return { date, early: true };
  if (ends.getTime() - expires.getTime() <= marginDays * DAY_MS) return { date, early: false, days: Math.floor((ends.getTime() - expires.getTime()) / DAY_MS) };
  return undefined;
}

/** Findings for one contact's key against security.txt's Expires; `marginDays` after it, a warning. */
export function keyLifetimeFindings(contact: KeyLifetimeInput, expires: Date, marginDays: number, now: Date): Finding[] {
  const { key, email, keyFile } = contact;
  const at = { line: 1, column: 1 };
  const named = { fingerprint: formatFingerprint(contact.fingerprint), email, hex: contact.fingerprint.hex, expires: utcDay(expires) };
  const findings: Finding[] = [];

  const primary = judge(key.expires, expires, marginDays, now);
  if (primary !== undefined) {
    const values = { ...named, date: primary.date };
    if (primary.early) findings.push(keyExpiresEarly.finding("keyExpiresEarly", values, keyFile, at));
    else if (primary.days === 1) findings.push(keyExpiresClose.finding("keyExpiresCloseByOneDay", values, keyFile, at));
    else findings.push(keyExpiresClose.finding("keyExpiresClose", { ...values, days: dayCount(primary.days) }, keyFile, at));
  }

  const sub = key.encryption;
  if (sub && !sub.primary) {
    const verdict = judge(sub.expires, expires, marginDays, now);
    if (verdict !== undefined) {
      const values = { ...named, keyId: sub.keyId, algorithm: sub.algorithm, date: verdict.date };
      if (key.expires === undefined) {
        if (verdict.early) findings.push(keyExpiresEarly.finding("subkeyOfNonExpiringKeyExpiresEarly", values, keyFile, at));
        else if (verdict.days === 1) findings.push(keyExpiresClose.finding("subkeyOfNonExpiringKeyExpiresCloseByOneDay", values, keyFile, at));
        else findings.push(keyExpiresClose.finding("subkeyOfNonExpiringKeyExpiresClose", { ...values, days: dayCount(verdict.days) }, keyFile, at));
      } else {
        const withKey = { ...values, keyExpires: utcDay(key.expires) };
        if (verdict.early) findings.push(keyExpiresEarly.finding("subkeyExpiresEarly", withKey, keyFile, at));
        else if (verdict.days === 1) findings.push(keyExpiresClose.finding("subkeyExpiresCloseByOneDay", withKey, keyFile, at));
        else findings.push(keyExpiresClose.finding("subkeyExpiresClose", { ...withKey, days: dayCount(verdict.days) }, keyFile, at));
      }
    }
  }
  return findings;
}
