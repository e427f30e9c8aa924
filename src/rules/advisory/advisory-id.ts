import { defineRule } from "../rule.ts";

export default defineRule({
  id: "advisory-id",
  severity: "error",
  family: "advisory",
  summary: "An advisory id that OSV would not take or that is not its file's name, or an alias that is not a CVE or GHSA id.",
  disable: "no",
  messages: {},
});
