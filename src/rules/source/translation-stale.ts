import { defineRule } from "../rule.ts";

export default defineRule({
  id: "translation-stale",
  severity: "warning",
  family: "translation",
  summary: "A translation's original changed after the version it records in `translatedFrom`, or it records none.",
  disable: "no",
  messages: {},
});
