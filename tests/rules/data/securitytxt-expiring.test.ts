/**
 * securitytxt-expiring on what planPublication is given, at chosen moments of the build: Expires
 * within `expiresWarningDays` (30 by default) days, counted up, on each side of the limit and
 * of "1 day"; at "expires" when it is a fixed moment, at "reviewed" when it counts from it.
 */
import securitytxtExpiring from "../../../src/rules/data/securitytxt-expiring.ts";
import { testRule } from "../../support/rule-tester.ts";
import { GOOD, json, plan, type PlanInput } from "../publish/plan-input.ts";
import { valueOf } from "./site-data-text.ts";

const MIDNIGHT = new Date("2026-11-25T00:00:00Z");

const fixed = (expires: string, options: PlanInput["options"] = {}): PlanInput => ({ data: { ...GOOD, reviewed: "2026-11-25", expires }, now: MIDNIGHT, options });
const expiresAt = (expires: string) => valueOf(json({ ...GOOD, reviewed: "2026-11-25", expires }), "expires");
const REVIEW = 'review the policy, then set "reviewed" to the day of the review (2026-11-25 if that is today)';

testRule(securitytxtExpiring, plan, {
  // The data as written, built at noon on 2026-11-25.
  example: (text) => ({ text, now: new Date("2026-11-25T12:00:00Z") }),
  valid: [
    { name: "Expires in 31 days", input: fixed("2026-12-26T00:00:00Z") },
    { name: "Expires a second after 30 days", input: fixed("2026-12-25T00:00:01Z") },
    { name: "Expires tomorrow, with the warning turned off", input: fixed("2026-11-26T00:00:00Z", { expiresWarningDays: 0 }) },
    { name: "Expires in 8 days, warned of 7 days ahead", input: fixed("2026-12-03T00:00:00Z", { expiresWarningDays: 7 }) },
    { name: "the default 180 days after a review today", input: { data: { ...GOOD, reviewed: "2026-11-25" }, now: MIDNIGHT } },
  ],
  invalid: [
    {
      name: "Expires in exactly 30 days",
      input: fixed("2026-12-25T00:00:00Z"),
      findings: [{ messageId: "inDays", ...expiresAt("2026-12-25T00:00:00Z"), message: `security.txt expires on 2026-12-25, in 30 days: ${REVIEW}` }],
    },
    {
      name: "Expires a second after one day: two days, counted up",
      input: fixed("2026-11-26T00:00:01Z"),
      findings: [{ messageId: "inDays", ...expiresAt("2026-11-26T00:00:01Z"), message: `security.txt expires on 2026-11-26, in 2 days: ${REVIEW}` }],
    },
    {
      name: "Expires in exactly one day",
      input: fixed("2026-11-26T00:00:00Z"),
      findings: [{ messageId: "inOneDay", ...expiresAt("2026-11-26T00:00:00Z"), message: `security.txt expires on 2026-11-26, in 1 day: ${REVIEW}` }],
    },
    { name: "Expires a second after the build", input: fixed("2026-11-25T00:00:01Z"), findings: [{ messageId: "inOneDay", ...expiresAt("2026-11-25T00:00:01Z") }] },
    { name: "Expires tomorrow, warned of one day ahead", input: fixed("2026-11-26T00:00:00Z", { expiresWarningDays: 1 }), findings: [{ messageId: "inOneDay", ...expiresAt("2026-11-26T00:00:00Z") }] },
    {
      name: "the default 180 days after a review 179 days ago, built at noon",
      input: { data: { ...GOOD, reviewed: "2026-05-30" }, now: new Date("2026-11-25T12:00:00Z") },
      findings: [{ messageId: "inOneDay", ...valueOf(json({ ...GOOD, reviewed: "2026-05-30" }), "reviewed"), message: `security.txt expires on 2026-11-26, in 1 day: ${REVIEW}` }],
    },
  ],
});
