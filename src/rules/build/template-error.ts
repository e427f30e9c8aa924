import { defineRule } from "../rule.ts";

export default defineRule({
  id: "template-error",
  severity: "error",
  family: "build",
  summary: "A template that cannot be rendered.",
  disable: "no",
  messages: {
    /** `detail`: the template engine's last line about it. */
    cannotRender: "the template cannot be rendered: {{detail}}",
  },
});
