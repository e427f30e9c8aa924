import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-date",
  severity: "error",
  family: "advisory",
  summary: "`published` or `modified` is not an RFC 3339 date and time, is in the future, or `modified` is before `published`.",
  disable: "no",
  messages: {},
});
