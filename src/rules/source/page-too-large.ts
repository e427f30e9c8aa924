import { defineRule } from "../rule.ts";

export default defineRule({
  id: "page-too-large",
  severity: "error",
  family: "page",
  summary: "A page file over 1 MB (the `maxPageBytes` option), which no policy page is.",
  disable: "no",
  messages: {},
});
