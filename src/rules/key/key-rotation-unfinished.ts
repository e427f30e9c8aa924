import type { Problem } from "../../findings/finding.ts";
import { dayCount } from "../../formats/date.ts";
import { formatFingerprint } from "../../formats/fingerprint.ts";
import { utcDay } from "../../formats/openpgp.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";
import { expiredAt } from "./key-expired.ts";

const FINISH =
  "so researchers may still encrypt to it: finish the rotation by revoking it (gpg --gen-revoke {{hex}}, then import the revocation and export the key again), or let it expire within {{days}} (gpg --quick-set-expire {{hex}} {{expireDays}}d)";

const keyRotationUnfinished = defineRule({
  id: "key-rotation-unfinished",
  severity: "warning",
  family: "key",
  summary: "A previous key, listed during a rotation, is neither revoked nor expiring within 90 days.",
  disable: "no",
  messages: {
    neverExpires: `the previous key {{fingerprint}} of {{email}} does not expire, ${FINISH}`,
    validTooLong: `the previous key {{fingerprint}} of {{email}} stays valid until {{date}}, ${FINISH}`,
  },
});

export default keyRotationUnfinished;

const DAY_MS = 86_400_000;

export interface PreviousKey {
  fingerprint: Fingerprint;
  /** Revoked at `now`. */
  revoked: boolean;
  /** undefined = never */
  expires?: Date;
}

/**
 * A previous key is fine revoked or expired; still valid, it must expire within
 * `previousKeyDays`, or the rotation is not finished: researchers could still pick it.
 */
export function checkPreviousKey(key: PreviousKey, email: string, now: Date, previousKeyDays: number): Problem | undefined {
  const { fingerprint, revoked, expires } = key;
  if (revoked || expiredAt(expires, now)) return undefined;
  if (expires !== undefined && expires.getTime() - now.getTime() <= previousKeyDays * DAY_MS) return undefined;
  const values = { fingerprint: formatFingerprint(fingerprint), email, hex: fingerprint.hex, days: dayCount(previousKeyDays), expireDays: Math.min(previousKeyDays, 60) };
  return expires === undefined
    ? keyRotationUnfinished.problem("neverExpires", values)
    : keyRotationUnfinished.problem("validTooLong", { ...values, date: utcDay(expires) });
}
