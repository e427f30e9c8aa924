import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expired",
  severity: "error",
  family: "key",
  summary: "The key has expired.",
  disable: "no",
  messages: {},
});
