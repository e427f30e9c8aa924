/**
 * securitytxt-expires on what planPublication is given, at chosen moments of the build: an Expires
 * counted from "reviewed" that has passed (at the moment itself, and not a millisecond before),
 * a "reviewed" still to come, a number of days that is not whole or puts Expires more than 365
 * days after the build, and a fixed Expires that has passed or is more than 365 days ahead.
 * Found at "reviewed" when the days count from it, at "expires" when it is a fixed moment.
 */
import { GOOD, json, plan, type PlanInput } from "../publish/plan-input.ts";
import type { ExpiresSetting } from "../../../src/formats/security-txt.ts";
import securitytxtExpires from "../../../src/rules/data/securitytxt-expires.ts";
import { testRule } from "../../support/rule-tester.ts";
import { valueOf } from "./site-data-text.ts";

const NOON = new Date("2026-11-25T12:00:00Z");
const MIDNIGHT = new Date("2026-11-25T00:00:00Z");

/** Data reviewed on `reviewed`, with `expires` as written in the data, built at `now`. */
const data = (reviewed: string, expires?: unknown) => ({ ...GOOD, reviewed, ...(expires === undefined ? {} : { expires }) });
const built = (now: Date, reviewed: string, expires?: unknown): PlanInput => ({ data: data(reviewed, expires), now });
/** As `built`, with days the reader would refuse. */
const past = (now: Date, reviewed: string, expires: ExpiresSetting): PlanInput => ({ data: data(reviewed), site: { expires }, now });
const reviewedAt = (reviewed: string, expires?: unknown) => valueOf(json(data(reviewed, expires)), "reviewed");
const expiresAt = (reviewed: string, expires: unknown) => valueOf(json(data(reviewed, expires)), "expires");

const FIX = 'set "expires" to a moment within 365 days of the build, or to { "days": 180 } for half a year after "reviewed"';

testRule(securitytxtExpires, plan, {
  // The data as written, built at noon on 2026-11-24.
  example: (text) => ({ text, now: new Date("2026-11-24T12:00:00Z") }),
  valid: [
    { name: "reviewed today, stale after the default 180 days", input: built(NOON, "2026-11-25") },
    { name: "reviewed 179 days ago: Expires is tonight at midnight", input: built(NOON, "2026-05-30") },
    { name: "reviewed 180 days ago, a millisecond before Expires", input: built(new Date("2026-11-24T23:59:59.999Z"), "2026-05-29") },
    { name: "reviewed today, at midnight", input: built(MIDNIGHT, "2026-11-25") },
    { name: "one day after a review today", input: built(NOON, "2026-11-25", { days: 1 }) },
    { name: "365 days after a review at the moment of the build", input: built(MIDNIGHT, "2026-11-25", { days: 365 }) },
    { name: "366 days after yesterday's review: 365 days after the build", input: past(MIDNIGHT, "2026-11-24", { days: 366 }) },
    { name: "a fixed Expires a second after the build", input: built(NOON, "2026-11-25", "2026-11-25T12:00:01Z") },
    { name: "a fixed Expires exactly 365 days after the build", input: built(NOON, "2026-11-25", "2027-11-25T12:00:00Z") },
  ],
  invalid: [
    {
      name: "reviewed 180 days before a build at noon",
      input: built(NOON, "2026-05-29"),
      findings: [
        {
          messageId: "passed",
          ...reviewedAt("2026-05-29"),
          message:
            'security.txt\'s Expires is 2026-11-25T00:00:00Z, 180 days after the last review (2026-05-29), which has passed: researchers are told not to trust a stale security.txt; review the policy, then set "reviewed" to the day of the review (2026-11-25 if that is today)',
        },
      ],
    },
    { name: "reviewed 180 days before, built at the moment of Expires", input: built(MIDNIGHT, "2026-05-29"), findings: [{ messageId: "passed", ...reviewedAt("2026-05-29") }] },
    {
      name: "thirty days after a review 31 days ago",
      input: built(NOON, "2026-10-25", { days: 30 }),
      findings: [
        {
          messageId: "passed",
          ...reviewedAt("2026-10-25", { days: 30 }),
          message:
            'security.txt\'s Expires is 2026-11-24T00:00:00Z, 30 days after the last review (2026-10-25), which has passed: researchers are told not to trust a stale security.txt; review the policy, then set "reviewed" to the day of the review (2026-11-25 if that is today)',
        },
      ],
    },
    {
      name: "one day after yesterday's review: 1 day, not 1 days",
      input: built(NOON, "2026-11-24", { days: 1 }),
      findings: [
        {
          messageId: "passed",
          ...reviewedAt("2026-11-24", { days: 1 }),
          message:
            'security.txt\'s Expires is 2026-11-25T00:00:00Z, 1 day after the last review (2026-11-24), which has passed: researchers are told not to trust a stale security.txt; review the policy, then set "reviewed" to the day of the review (2026-11-25 if that is today)',
        },
      ],
    },
    {
      name: "reviewed tomorrow, a second before midnight",
      input: built(new Date("2026-11-25T23:59:59Z"), "2026-11-26"),
      findings: [
        {
          messageId: "reviewedInFuture",
          ...reviewedAt("2026-11-26"),
          message: '"reviewed" is 2026-11-26, a day still to come (the build ran on 2026-11-25); set it to the day the policy was really reviewed',
        },
      ],
    },
    {
      name: "no days (past the reader)",
      input: past(NOON, "2026-11-25", { days: 0 }),
      findings: [{ messageId: "daysNotWhole", ...reviewedAt("2026-11-25"), message: '"expires" is { "days": 0 }; the number of days must be a whole number, 1 or more' }],
    },
    { name: "a day and a half (past the reader)", input: past(NOON, "2026-11-25", { days: 1.5 }), findings: [{ messageId: "daysNotWhole", ...reviewedAt("2026-11-25") }] },
    {
      name: "366 days after a review at the moment of the build (past the reader)",
      input: past(MIDNIGHT, "2026-11-25", { days: 366 }),
      findings: [
        {
          messageId: "daysTooFar",
          ...reviewedAt("2026-11-25"),
          message:
            '"expires" is { "days": 366 }, which puts Expires more than 365 days after the build; RFC 9116 recommends less than a year so that a stale file is noticed: set "days" to 365 or fewer',
        },
      ],
    },
    {
      name: "a fixed Expires at the moment of the build",
      input: built(NOON, "2026-11-25", "2026-11-25T12:00:00Z"),
      findings: [
        {
          messageId: "datePassed",
          ...expiresAt("2026-11-25", "2026-11-25T12:00:00Z"),
          message: `"expires" is 2026-11-25T12:00:00Z, which has passed (the build ran at 2026-11-25T12:00:00Z); researchers are told not to trust a stale security.txt: ${FIX}`,
        },
      ],
    },
    {
      name: "a fixed Expires a second past 365 days after the build, written in another offset",
      input: built(NOON, "2026-11-25", "2027-11-25T13:00:01+01:00"),
      findings: [
        {
          messageId: "dateTooFar",
          ...expiresAt("2026-11-25", "2027-11-25T13:00:01+01:00"),
          message: `"expires" is 2027-11-25T12:00:01Z, 366 days after the build; RFC 9116 recommends less than a year (at most 365 days here) so that a stale file is noticed: ${FIX}`,
        },
      ],
    },
  ],
});
