/**
 * securitytxt-expires: when security.txt goes stale, from the site data's "expires" (a number of
 * days after "reviewed", or a fixed moment), judged at the build: not passed, not more than
 * MAX_EXPIRES_DAYS ahead, and "reviewed" not a day still to come.
 */
import type { Problem } from "../../findings/finding.ts";
import { dayCount } from "../../formats/date.ts";
import { formatExpires, MAX_EXPIRES_DAYS, type ExpiresSetting } from "../../formats/security-txt.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "securitytxt-expires",
  severity: "error",
  family: "security.txt",
  summary: "security.txt's Expires has passed (the policy's last review is too long ago), is more than 365 days after the build, or `reviewed` is a day still to come.",
  disable: "no",
  messages: {
    // `today`: the day of the build, YYYY-MM-DD; `expires` and `now`: moments as security.txt writes them; `max`: MAX_EXPIRES_DAYS.
    daysNotWhole: '"expires" is { "days": {{days}} }; the number of days must be a whole number, 1 or more',
    reviewedInFuture: '"reviewed" is {{reviewed}}, a day still to come (the build ran on {{today}}); set it to the day the policy was really reviewed',
    passed:
      "security.txt's Expires is {{expires}}, {{days}} after the last review ({{reviewed}}), which has passed: researchers are told not to trust a stale security.txt; review the policy, then set \"reviewed\" to the day of the review ({{today}} if that is today)",
    daysTooFar:
      '"expires" is { "days": {{days}} }, which puts Expires more than {{max}} days after the build; RFC 9116 recommends less than a year so that a stale file is noticed: set "days" to {{max}} or fewer',
    datePassed:
      '"expires" is {{expires}}, which has passed (the build ran at {{now}}); researchers are told not to trust a stale security.txt: set "expires" to a moment within {{max}} days of the build, or to { "days": 180 } for half a year after "reviewed"',
    dateTooFar:
      '"expires" is {{expires}}, {{days}} after the build; RFC 9116 recommends less than a year (at most {{max}} days here) so that a stale file is noticed: set "expires" to a moment within {{max}} days of the build, or to { "days": 180 } for half a year after "reviewed"',
  },
});

export default rule;

const DAY_MS = 86_400_000;

/** The calendar day in UTC: 2026-11-24. */
function utcDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * security.txt's Expires, from the data's setting and the day of the last review (YYYY-MM-DD),
 * judged at `now`; or the problem that keeps the build from publishing it.
 */
export function checkExpires(setting: ExpiresSetting, now: Date, reviewed: string): { expires: Date; problem?: undefined } | { expires?: undefined; problem: Problem } {
  const max = MAX_EXPIRES_DAYS;
  if ("days" in setting) {
    const { days } = setting;
    if (!Number.isInteger(days) || days < 1) return { problem: rule.problem("daysNotWhole", { days }) };
    const from = Date.parse(`${reviewed}T00:00:00Z`);
    if (from > now.getTime()) return { problem: rule.problem("reviewedInFuture", { reviewed, today: utcDayOf(now) }) };
    const expires = new Date(from + days * DAY_MS);
    if (expires.getTime() <= now.getTime()) return { problem: rule.problem("passed", { expires: formatExpires(expires), days: dayCount(days), reviewed, today: utcDayOf(now) }) };
    if (expires.getTime() - now.getTime() > max * DAY_MS) return { problem: rule.problem("daysTooFar", { days, max }) };
    return { expires };
  }
  const expires = setting.date;
  if (expires.getTime() <= now.getTime()) return { problem: rule.problem("datePassed", { expires: formatExpires(expires), now: formatExpires(now), max }) };
  const days = (expires.getTime() - now.getTime()) / DAY_MS;
  if (days > max) return { problem: rule.problem("dateTooFar", { expires: formatExpires(expires), days: dayCount(Math.ceil(days)), max }) };
  return { expires };
}
