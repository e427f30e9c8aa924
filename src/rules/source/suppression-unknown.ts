/**
 * suppression-unknown: a comment that turns rules off but names none, or names an id that is
 * no rule (with the id it most likely meant, when one is close). The comments are read and
 * applied in src/rules/suppressions.ts, which knows every rule.
 */
import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-unknown",
  severity: "warning",
  family: "suppression",
  summary: "A `policy-checks-disable` or `-enable` comment names no rule, or a rule id that does not exist.",
  disable: "no",
  messages: {
    noRule: "<!-- policy-checks-{{kind}} --> names no rule, so it turns nothing off; name the rules, e.g. <!-- policy-checks-{{kind}} fingerprint-malformed -->",
    mistypedRule: '"{{id}}" in <!-- policy-checks-{{kind}} --> is not a rule id; did you mean "{{near}}"? Every rule is listed in docs/rules/',
    unknownRule: '"{{id}}" in <!-- policy-checks-{{kind}} --> is not a rule id. Every rule is listed in docs/rules/',
  },
});
