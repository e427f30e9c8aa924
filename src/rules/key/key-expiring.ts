import type { Problem } from "../../findings/finding.ts";
import { dayCount } from "../../formats/date.ts";
import { utcDay } from "../../formats/openpgp.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const EXTEND = "extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}";

const keyExpiring = defineRule({
  id: "key-expiring",
  severity: "warning",
  family: "key",
  summary: "The key, or its encryption subkey, expires within 30 days.",
  disable: "no",
  messages: {
    keyExpiring: `the key expires on {{date}}, in {{days}}: ${EXTEND}`,
    keyExpiringInOneDay: `the key expires on {{date}}, in 1 day: ${EXTEND}`,
    /** The encryption subkey a mail client would choose expires before the primary key. */
    subkeyExpiring: `its encryption subkey expires on {{date}}, in {{days}}: ${EXTEND}`,
    subkeyExpiringInOneDay: `its encryption subkey expires on {{date}}, in 1 day: ${EXTEND}`,
  },
});

export default keyExpiring;

const DAY_MS = 86_400_000;

/**
 * The key (expiring on `expires`) or the encryption subkey a mail client chooses (on
 * `subkeyExpires`; undefined = never, or the primary key encrypts) expires within
 * `warningDays` of `now`: whichever comes first is named. For a key still valid at `now`.
 */
export function checkExpiring(fingerprint: Fingerprint, expires: Date | undefined, subkeyExpires: Date | undefined, now: Date, warningDays: number): Problem | undefined {
  const soonest = earliest(expires, subkeyExpires);
  if (soonest === undefined || soonest.getTime() - now.getTime() > warningDays * DAY_MS) return undefined;
  const days = Math.ceil((soonest.getTime() - now.getTime()) / DAY_MS);
  const date = utcDay(soonest);
  const { hex } = fingerprint;
  if (soonest === expires) return days === 1 ? keyExpiring.problem("keyExpiringInOneDay", { date, hex }) : keyExpiring.problem("keyExpiring", { date, days: dayCount(days), hex });
  return days === 1 ? keyExpiring.problem("subkeyExpiringInOneDay", { date, hex }) : keyExpiring.problem("subkeyExpiring", { date, days: dayCount(days), hex });
}

/** The earlier of two dates, the first on a tie; undefined = never. */
function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.getTime() < a.getTime() ? b : a;
}
