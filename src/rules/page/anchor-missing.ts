import { defineRule } from "../rule.ts";

export default defineRule({
  id: "anchor-missing",
  severity: "error",
  family: "anchor",
  summary: "An in-page `#id` link with no target.",
  disable: "page",
  messages: {},
});
