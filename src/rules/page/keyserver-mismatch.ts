import { defineRule } from "../rule.ts";

export default defineRule({
  id: "keyserver-mismatch",
  severity: "error",
  family: "keyserver",
  summary: "A keyserver link whose key ID or fingerprint is not a declared key, or a short (8-digit) key ID.",
  disable: "page",
  messages: {},
});
