import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-multiple",
  severity: "error",
  family: "key",
  summary: "A key file holding more than one key for a contact that lists one fingerprint.",
  disable: "no",
  messages: {},
});
