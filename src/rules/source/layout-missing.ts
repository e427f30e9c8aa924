import { defineRule } from "../rule.ts";

export default defineRule({
  id: "layout-missing",
  severity: "error",
  family: "page",
  summary: "A page names a layout that does not exist.",
  disable: "no",
  messages: {},
});
