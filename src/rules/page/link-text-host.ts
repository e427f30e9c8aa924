import { defineRule } from "../rule.ts";

export default defineRule({
  id: "link-text-host",
  severity: "error",
  family: "link",
  summary: "A link whose text names a host or URL while it goes to another host.",
  disable: "page",
  messages: {},
});
