import { defineRule } from "../rule.ts";

export default defineRule({
  id: "encoding-invalid",
  severity: "error",
  family: "text",
  summary: "A page file that is not UTF-8, at its first bad byte.",
  disable: "no",
  messages: {},
});
