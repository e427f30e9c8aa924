import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-key",
  severity: "error",
  family: "deployed",
  summary: "A deployed public key file is missing, is served with another type than application/pgp-keys, is not the declared key, holds secret material, or is revoked or expired.",
  disable: "no",
  messages: {},
});
