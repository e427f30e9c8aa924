import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mailto-undeclared",
  severity: "error",
  family: "mailto",
  summary: "A `mailto:` link to, or copying (cc, bcc), an address that is not a declared contact.",
  disable: "page",
  messages: {},
});
