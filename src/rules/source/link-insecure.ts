import { defineRule } from "../rule.ts";

export default defineRule({
  id: "link-insecure",
  severity: "error",
  family: "link",
  summary: "An external link that is not `https:`.",
  disable: "page",
  messages: {},
});
