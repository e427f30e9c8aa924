import { defineRule } from "../rule.ts";

export default defineRule({
  id: "strings-invalid",
  severity: "error",
  family: "translation",
  summary: "An interface strings file that is not valid JSON, writes a key twice, or holds something other than texts.",
  disable: "no",
  messages: {},
});
