import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expires-close",
  severity: "warning",
  family: "key",
  summary: "The key, or its encryption subkey, expires within 30 days after security.txt's Expires.",
  disable: "no",
  messages: {},
});
