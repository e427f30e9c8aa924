import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-cvss",
  severity: "error",
  family: "advisory",
  summary: "A severity that is not a complete CVSS v3.1 or v4.0 vector.",
  disable: "no",
  messages: {},
});
