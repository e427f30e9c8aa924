import { defineRule } from "../rule.ts";

export default defineRule({
  id: "translation-drift",
  severity: "error",
  family: "translation",
  summary: "A translation of a page shows a fingerprint, address or keyserver link that its original does not, or leaves one out.",
  disable: "no",
  messages: {},
});
