import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mailto-invalid",
  severity: "error",
  family: "mailto",
  summary: "A `mailto:` link that is not a valid RFC 6068 URI.",
  disable: "page",
  messages: {},
});
