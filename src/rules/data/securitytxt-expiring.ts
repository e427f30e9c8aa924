import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-expiring",
  severity: "warning",
  family: "security.txt",
  summary: "security.txt expires within 30 days (the `expiresWarningDays` option): the policy is due for a review.",
  disable: "no",
  messages: {},
});
