import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mailto-text-mismatch",
  severity: "error",
  family: "mailto",
  summary: "A link whose text is an address other than the one it writes to.",
  disable: "page",
  messages: {},
});
