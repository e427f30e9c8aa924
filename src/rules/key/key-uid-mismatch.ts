import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-uid-mismatch",
  severity: "error",
  family: "key",
  summary: "No valid user ID on the key carries the contact's address.",
  disable: "no",
  messages: {},
});
