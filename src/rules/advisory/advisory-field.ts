import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-field",
  severity: "error",
  family: "advisory",
  summary: "An advisory field is missing, empty, of the wrong kind or not one of OSV's values, or its front matter is not valid YAML.",
  disable: "no",
  messages: {},
});
