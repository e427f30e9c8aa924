import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-forbidden",
  severity: "error",
  family: "suppression",
  summary: "A comment tries to turn off a rule that protects a secret, which cannot be turned off.",
  disable: "no",
  messages: {},
});
