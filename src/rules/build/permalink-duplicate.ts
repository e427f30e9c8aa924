import { defineRule } from "../rule.ts";

export default defineRule({
  id: "permalink-duplicate",
  severity: "error",
  family: "page",
  summary: "Two pages write the same file.",
  disable: "no",
  messages: {},
});
