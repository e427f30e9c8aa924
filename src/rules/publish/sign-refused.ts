import { defineRule } from "../rule.ts";

export default defineRule({
  id: "sign-refused",
  severity: "error",
  family: "signing",
  summary: "The signing key cannot be used: unreadable, wrong passphrase, not a declared contact's, revoked, expired, expiring before `Expires`, or its signature does not verify against the published key.",
  disable: "no",
  messages: {},
});
