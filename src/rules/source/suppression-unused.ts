/**
 * suppression-unused: a comment that turns a rule off where it turns nothing off: a rule that
 * reads no page's text, an enable with no disable before it, a second disable of a rule
 * already off, and a rule that reports nothing where the comment applies. The comments are
 * read and applied in src/rules/suppressions.ts.
 */
import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-unused",
  severity: "warning",
  family: "suppression",
  summary: "A `policy-checks-disable` comment turns off a rule that reports nothing where it applies.",
  disable: "no",
  messages: {
    notPageRule: "{{id}} does not read a page's text, so no comment in a page turns it off; remove {{id}} from the comment and fix what it reports (see docs/rules/{{id}}.md)",
    enableWithoutDisable: "<!-- policy-checks-enable --> turns {{id}} back on, but no comment before it turned {{id}} off; remove {{id}} from the comment",
    alreadyDisabled: "{{id}} is already turned off by the comment on line {{line}}; remove {{id}} from this comment",
    nothingOnLine: "<!-- policy-checks-{{kind}} --> turns {{id}} off on line {{line}}, where it reports nothing; remove {{id}} from the comment",
    nothingOnLines: "<!-- policy-checks-{{kind}} --> turns {{id}} off on lines {{from}} to {{to}}, where it reports nothing; remove {{id}} from the comment",
  },
});
