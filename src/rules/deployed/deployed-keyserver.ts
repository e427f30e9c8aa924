import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-keyserver",
  severity: "error",
  family: "deployed",
  summary: "A keyserver the page links to (or keys.openpgp.org) lacks the declared key, has it revoked or expired, or gives another key for the address.",
  disable: "no",
  messages: {},
});
