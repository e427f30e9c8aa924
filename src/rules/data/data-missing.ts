import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-missing",
  severity: "error",
  family: "data",
  summary: "The site data file is missing.",
  disable: "no",
  messages: {
    missing: '{{file}} is missing; create it with "url", "name" and "contacts" (each an "email" and a "fingerprint")',
  },
});
