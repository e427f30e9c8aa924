import { defineRule } from "../rule.ts";

export default defineRule({
  id: "build-error",
  severity: "error",
  family: "build",
  summary: "Any other build error, in one line.",
  disable: "no",
  messages: {},
});
