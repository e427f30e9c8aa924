/**
 * Every key the site points researchers to (on the page, in security.txt's Encryption, in
 * the Web Key Directory) must stay usable for as long as security.txt says it is current:
 * the primary key, and the encryption subkey a mail client would choose, must not expire
 * before Expires, and should not expire soon after it either. Pure: the parsed key and the
 * dates in, findings out.
 */
import { type Finding } from "../findings/finding.ts";
import { finding } from "./registry.ts";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { utcDay } from "../formats/openpgp.ts";
import type { Fingerprint } from "../types.ts";
import type { KeyReport } from "./keys.ts";

const DAY_MS = 86_400_000;

export interface KeyLifetimeInput {
  email: string;
  fingerprint: Fingerprint;
  key: KeyReport;
  /** The key file as findings name it. */
  keyFile: string;
}

/** Findings for one contact's key against security.txt's Expires; `marginDays` after it, a warning. */
export function keyLifetimeFindings(contact: KeyLifetimeInput, expires: Date, marginDays: number, now: Date): Finding[] {
  const { key, email, keyFile } = contact;
  const hex = contact.fingerprint.hex;
  const shown = formatFingerprint(contact.fingerprint);
  const until = `security.txt's Expires ${utcDay(expires)}`;
  const at = { line: 1, column: 1 };
  const findings: Finding[] = [];
  const judge = (ends: Date | undefined, what: string, fix: string) => {
    // An expiry already past is key-expired's, or key-no-encryption's, to report.
    if (ends === undefined || ends.getTime() <= now.getTime()) return;
    if (ends.getTime() < expires.getTime()) {
      findings.push(finding("key-expires-early", keyFile, at, `${what} expires on ${utcDay(ends)}, before ${until}: researchers would be sent to a key they cannot use while security.txt is current; ${fix}`));
    } else if (ends.getTime() - expires.getTime() <= marginDays * DAY_MS) {
      const days = Math.floor((ends.getTime() - expires.getTime()) / DAY_MS);
      findings.push(finding("key-expires-close", keyFile, at, `${what} expires on ${utcDay(ends)}, only ${days} day${days === 1 ? "" : "s"} after ${until}: ${fix}, so that it outlives the next review`));
    }
  };
  const exportAgain = `then export it again with gpg --export --armor ${hex}`;
  judge(key.expires, `the key ${shown} of ${email}`, `extend it with gpg --quick-set-expire ${hex} 1y, ${exportAgain}`);
  const sub = key.encryption;
  if (sub && !sub.primary) {
    const primaryEnds = key.expires === undefined ? "does not expire" : `expires on ${utcDay(key.expires)}`;
    judge(
      sub.expires,
      `the encryption subkey ${sub.keyId} (${sub.algorithm}), which mail clients choose for ${email}, of the key ${shown} (which ${primaryEnds})`,
      `extend it with gpg --quick-set-expire ${hex} 1y '*', ${exportAgain}`,
    );
  }
  return findings;
}
