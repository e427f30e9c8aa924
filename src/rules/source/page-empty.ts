import { defineRule } from "../rule.ts";

export default defineRule({
  id: "page-empty",
  severity: "error",
  family: "page",
  summary: "An empty page file.",
  disable: "no",
  messages: {},
});
