import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-expires",
  severity: "error",
  family: "security.txt",
  summary: "security.txt's Expires has passed (the policy's last review is too long ago), is more than 365 days after the build, or `reviewed` is a day still to come.",
  disable: "no",
  messages: {},
});
