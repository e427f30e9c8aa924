import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expiring",
  severity: "warning",
  family: "key",
  summary: "The key, or its encryption subkey, expires within 30 days.",
  disable: "no",
  messages: {},
});
