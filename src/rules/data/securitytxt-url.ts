import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-url",
  severity: "error",
  family: "security.txt",
  summary: "`url` has a path: security.txt and the Web Key Directory belong at the host's root.",
  disable: "no",
  messages: {},
});
