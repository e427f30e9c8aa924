import { defineRule } from "../rule.ts";

export default defineRule({
  id: "publish-key-path",
  severity: "error",
  family: "publish",
  summary: "A contact's address holds `/`, `\\` or a control character, so its key cannot be named after it.",
  disable: "no",
  messages: {},
});
