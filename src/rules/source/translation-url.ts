import { defineRule } from "../rule.ts";

export default defineRule({
  id: "translation-url",
  severity: "error",
  family: "translation",
  summary: "A page in a language folder (`content/es/`) whose URL does not start with that language (`/es/`), so it would be marked as the default language.",
  disable: "no",
  messages: {},
});
