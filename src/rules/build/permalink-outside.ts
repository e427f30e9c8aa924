import { defineRule } from "../rule.ts";

export default defineRule({
  id: "permalink-outside",
  severity: "error",
  family: "page",
  summary: "A permalink writes outside the output folder; the build stops before any page is written.",
  disable: "no",
  messages: {},
});
