import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-unreachable",
  severity: "error",
  family: "deployed",
  summary: "A deployed source could not be checked: refused, timed out, not trusted, too large or redirected too often (exit code 2).",
  disable: "no",
  messages: {},
});
