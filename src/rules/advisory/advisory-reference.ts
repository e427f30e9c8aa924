import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-reference",
  severity: "error",
  family: "advisory",
  summary: "A reference that is not an `https:` URL, or whose type is not one of OSV's.",
  disable: "no",
  messages: {},
});
