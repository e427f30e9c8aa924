import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-revoked",
  severity: "error",
  family: "key",
  summary: "The key is revoked.",
  disable: "no",
  messages: {},
});
