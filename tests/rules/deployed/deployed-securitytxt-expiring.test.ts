import deployedSecuritytxt from "../../../src/rules/deployed/deployed-securitytxt.ts";
import deployedSecuritytxtExpiring from "../../../src/rules/deployed/deployed-securitytxt-expiring.ts";
import { testRule } from "../../support/rule-tester.ts";
import { otherRule } from "./answers.ts";
import { edited, judge } from "./security-txt-site.ts";

/** The deployed Expires (2026-07-09T00:00:00Z) this many days ahead. */
const before = (days: number) => new Date(Date.parse("2026-07-09T00:00:00Z") - days * 86_400_000);

testRule(deployedSecuritytxtExpiring, judge, {
  valid: [
    { name: "an Expires more than five months ahead", input: {} },
    { name: "an Expires 31 days ahead, one more than the warning's 30", input: { now: before(31) } },
    { name: "an Expires 20 days ahead when the warning starts at 10 days", input: { now: before(20), expiresWarningDays: 10 } },
  ],
  invalid: [
    {
      name: "an Expires exactly 30 days ahead",
      input: { now: before(30) },
      findings: [{ messageId: "expiring", line: 2, column: 1, message: 'Expires 2026-07-09T00:00:00Z is in 30 days: review the policy, update "reviewed", and deploy' }],
    },
    {
      name: "an Expires 29 days and 23 hours ahead counts as 30 days: days are rounded up",
      input: { now: new Date(before(30).getTime() + 3_600_000) },
      findings: [{ messageId: "expiring", line: 2, column: 1, message: 'Expires 2026-07-09T00:00:00Z is in 30 days: review the policy, update "reviewed", and deploy' }],
    },
    {
      name: "an Expires 10 days ahead when the warning starts at 10 days",
      input: { now: before(10), expiresWarningDays: 10 },
      findings: [{ messageId: "expiring", line: 2, column: 1 }],
    },
    {
      name: "an Expires exactly 1 day ahead: in 1 day, not 1 days",
      input: { now: before(1) },
      findings: [{ messageId: "expiring", line: 2, column: 1, message: 'Expires 2026-07-09T00:00:00Z is in 1 day: review the policy, update "reviewed", and deploy' }],
    },
    {
      name: "an Expires a second ahead, which the build would no longer write",
      input: { body: edited(2, "Expires: 2026-02-01T12:00:01Z") },
      findings: [
        otherRule(deployedSecuritytxt, "fieldDiffers", { line: 2, column: 1 }),
        { messageId: "expiring", line: 2, column: 1, message: 'Expires 2026-02-01T12:00:01Z is in 1 day: review the policy, update "reviewed", and deploy' },
      ],
    },
    {
      name: "an Expires at the line where the deployed file has it",
      input: { now: before(5), body: `# Security contacts\n\n${edited(1, "Contact: mailto:security@example.org")}` },
      findings: [{ messageId: "expiring", line: 4, column: 1 }],
    },
  ],
  // The deployed file, asked for on 24 June 2026: 15 days before its Expires.
  example: (text) => ({ body: text, now: before(15) }),
});
