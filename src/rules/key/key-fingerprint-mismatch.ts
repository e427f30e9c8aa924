import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-fingerprint-mismatch",
  severity: "error",
  family: "key",
  summary: "The key's fingerprint is not the declared one.",
  disable: "no",
  messages: {},
});
