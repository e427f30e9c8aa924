/**
 * securitytxt-expiring: security.txt's Expires is near (the build's `expiresWarningDays`): the
 * policy is due for a review, after which "reviewed" moves Expires on.
 */
import type { Problem } from "../../findings/finding.ts";
import { dayCount } from "../../formats/date.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "securitytxt-expiring",
  severity: "warning",
  family: "security.txt",
  summary: "security.txt expires within 30 days (the `expiresWarningDays` option): the policy is due for a review.",
  disable: "no",
  messages: {
    // `day` and `today`: calendar days, YYYY-MM-DD.
    inOneDay: 'security.txt expires on {{day}}, in 1 day: review the policy, then set "reviewed" to the day of the review ({{today}} if that is today)',
    inDays: 'security.txt expires on {{day}}, in {{days}}: review the policy, then set "reviewed" to the day of the review ({{today}} if that is today)',
  },
});

export default rule;

const DAY_MS = 86_400_000;

/** A warning when `expires` is `warningDays` days or fewer after `now` (days counted up). */
export function checkExpiring(expires: Date, now: Date, warningDays: number): Problem | undefined {
  const days = Math.ceil((expires.getTime() - now.getTime()) / DAY_MS);
  if (days > warningDays) return undefined;
  const day = expires.toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  return days === 1 ? rule.problem("inOneDay", { day, today }) : rule.problem("inDays", { day, days: dayCount(days), today });
}
