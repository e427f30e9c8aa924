import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-no-encryption",
  severity: "error",
  family: "key",
  summary: "The key has no valid encryption-capable key.",
  disable: "no",
  messages: {},
});
