import { defineRule } from "../rule.ts";

export default defineRule({
  id: "suppression-unused",
  severity: "warning",
  family: "suppression",
  summary: "A `policy-checks-disable` comment turns off a rule that reports nothing where it applies.",
  disable: "no",
  messages: {},
});
