import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-range",
  severity: "error",
  family: "advisory",
  summary: "An affected range whose `fixed` is not after its `introduced` (or whose `last_affected` is before it).",
  disable: "no",
  messages: {},
});
