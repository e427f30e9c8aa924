import { defineRule } from "../rule.ts";

export default defineRule({
  id: "anchor-duplicate",
  severity: "error",
  family: "anchor",
  summary: "An id used twice on one page.",
  disable: "page",
  messages: {},
});
