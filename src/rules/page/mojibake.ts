import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mojibake",
  severity: "error",
  family: "text",
  summary: "UTF-8 text mis-decoded as Windows-1252 or Latin-1, and replacement characters.",
  disable: "page",
  messages: {},
});
