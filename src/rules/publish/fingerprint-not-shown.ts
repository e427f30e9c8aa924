import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-not-shown",
  severity: "error",
  family: "fingerprint",
  summary: "A fingerprint the site data lists (a rotation's previous one too) is shown on no page.",
  disable: "no",
  messages: {},
});
