import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-duplicate",
  severity: "error",
  family: "advisory",
  summary: "An id or alias that another advisory (or the same one) already uses.",
  disable: "no",
  messages: {},
});
