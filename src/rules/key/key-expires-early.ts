import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expires-early",
  severity: "error",
  family: "key",
  summary: "The key, or the encryption subkey a mail client would choose, expires before security.txt's Expires.",
  disable: "no",
  messages: {},
});
