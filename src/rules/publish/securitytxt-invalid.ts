import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-invalid",
  severity: "error",
  family: "security.txt",
  summary: "The security.txt made from the data breaks an RFC 9116 rule.",
  disable: "no",
  messages: {},
});
