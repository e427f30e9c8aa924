import { defineRule } from "../rule.ts";

export default defineRule({
  id: "strings-missing",
  severity: "warning",
  family: "translation",
  summary: "A language with pages lacks interface strings that the default language's strings file has; its pages show those in the default language.",
  disable: "no",
  messages: {},
});
