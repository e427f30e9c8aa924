import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-securitytxt-expiring",
  severity: "warning",
  family: "deployed",
  summary: "The deployed security.txt expires within 30 days.",
  disable: "no",
  messages: {
    expiring: 'Expires {{expires}} is in {{days}}: review the policy, update "reviewed", and deploy',
  },
});
