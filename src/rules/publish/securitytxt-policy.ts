import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-policy",
  severity: "error",
  family: "security.txt",
  summary: "No page has the URL security.txt's `Policy` names (`/security/`).",
  disable: "no",
  messages: {},
});
