import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-missing",
  severity: "error",
  family: "data",
  summary: "The site data file is missing.",
  disable: "no",
  messages: {},
});
