import { defineRule } from "../rule.ts";

export default defineRule({
  id: "output-secret",
  severity: "error",
  family: "publish",
  summary: "A file about to be published holds private key material (an armored private key block).",
  disable: "secret",
  messages: {},
});
