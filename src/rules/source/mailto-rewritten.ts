import { defineRule } from "../rule.ts";

export default defineRule({
  id: "mailto-rewritten",
  severity: "error",
  family: "mailto",
  summary: "A `mailto:` link that the Markdown renderer would publish otherwise than its author wrote it, such as an invalid `%ZZ` escape published as a literal `%25ZZ`.",
  disable: "page",
  messages: {
    invalidAsWritten: 'mailto link "{{authored}}" is published as "{{published}}", which is not what it says: as written, {{reason}}',
    rewritten: 'mailto link "{{authored}}" is published as "{{published}}", which is not what it says; write it as "{{published}}" if that is what it means',
  },
});
