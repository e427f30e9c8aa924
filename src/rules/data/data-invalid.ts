import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-invalid",
  severity: "error",
  family: "data",
  summary: "The site data is not valid JSON, or a field in it is wrong or missing (such as `reviewed`).",
  disable: "no",
  messages: {},
});
