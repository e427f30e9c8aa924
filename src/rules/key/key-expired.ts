import type { Problem } from "../../findings/finding.ts";
import { utcDay } from "../../formats/openpgp.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const keyExpired = defineRule({
  id: "key-expired",
  severity: "error",
  family: "key",
  summary: "The key has expired.",
  disable: "no",
  messages: {
    expired:
      "the key expired on {{date}}: extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}",
  },
});

export default keyExpired;

/** A key expiring on `expires` (undefined = never) has expired at `now`: its expiry is `now` or earlier. */
export function expiredAt(expires: Date | undefined, now: Date): boolean {
  return expires !== undefined && expires.getTime() <= now.getTime();
}

/** The primary key, expiring on `expires` (undefined = never), has expired at `now`. */
export function checkExpired(fingerprint: Fingerprint, expires: Date | undefined, now: Date): Problem | undefined {
  if (expires === undefined || !expiredAt(expires, now)) return undefined;
  return keyExpired.problem("expired", { date: utcDay(expires), hex: fingerprint.hex });
}
