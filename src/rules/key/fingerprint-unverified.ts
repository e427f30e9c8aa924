import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-unverified",
  severity: "warning",
  family: "fingerprint",
  summary: "A contact has no key file, so the declared fingerprint is not checked against a key.",
  disable: "no",
  messages: {},
});
