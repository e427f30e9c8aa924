import { defineRule } from "../rule.ts";

export default defineRule({
  id: "front-matter-invalid",
  severity: "error",
  family: "page",
  summary: "Front matter that is not valid YAML.",
  disable: "no",
  messages: {
    /** `reason`: the YAML parser's words. */
    notYaml: 'the front matter is not valid YAML: {{reason}}; fix the lines between the two "---"',
  },
});
