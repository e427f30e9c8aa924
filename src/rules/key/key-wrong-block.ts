import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-wrong-block",
  severity: "error",
  family: "key",
  summary: "A key file holding a signature or a message instead of a public key.",
  disable: "no",
  messages: {},
});
