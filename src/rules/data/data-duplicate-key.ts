import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-duplicate-key",
  severity: "error",
  family: "data",
  summary: "A key appears twice in one object of the site data, so one value would silently hide the other.",
  disable: "no",
  messages: {},
});
