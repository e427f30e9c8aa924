import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-unused",
  severity: "error",
  family: "key",
  summary: "A key file named after no declared contact, or, during a key rotation, a key in a contact's file that the site data does not list.",
  disable: "no",
  messages: {},
});
