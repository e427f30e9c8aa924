import { defineRule } from "../rule.ts";

export default defineRule({
  id: "headers-csp",
  severity: "error",
  family: "publish",
  summary: "A page has no Content-Security-Policy `<meta>`, or another one than the rest.",
  disable: "no",
  messages: {},
});
