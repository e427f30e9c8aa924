import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-unknown",
  severity: "warning",
  family: "suppression",
  summary: "A `policy-checks-disable` or `-enable` comment names no rule, or a rule id that does not exist.",
  disable: "no",
  messages: {},
});
