import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-private",
  severity: "error",
  family: "key",
  summary: "A key file holding secret key material. Nothing of it is ever copied to the output.",
  disable: "secret",
  messages: {},
});
