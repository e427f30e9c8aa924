import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-mismatch",
  severity: "error",
  family: "fingerprint",
  summary: "A well-formed fingerprint that is not the declared fingerprint of the contact it is shown for (the contact named before it).",
  disable: "page",
  messages: {},
});
