import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-securitytxt",
  severity: "error",
  family: "deployed",
  summary: "The deployed security.txt differs from what the build publishes, is served with the wrong type, its signature does not verify, or its Expires has passed.",
  disable: "no",
  messages: {},
});
