/**
 * suppression-forbidden: a comment that names a rule keeping a secret from being published,
 * which no comment turns off. The comments are read and applied in src/rules/suppressions.ts.
 */
import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-forbidden",
  severity: "error",
  family: "suppression",
  summary: "A comment tries to turn off a rule that protects a secret, which cannot be turned off.",
  disable: "no",
  messages: {
    keepsSecret: "{{id}} cannot be turned off: it keeps secret key material from being published. Remove {{id}} from the comment and fix what it reports",
  },
});
