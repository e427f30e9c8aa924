import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-unreadable",
  severity: "error",
  family: "key",
  summary: "A key file whose armor or packets cannot be read.",
  disable: "no",
  messages: {},
});
