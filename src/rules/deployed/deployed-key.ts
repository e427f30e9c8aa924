import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-key",
  severity: "error",
  family: "deployed",
  summary: "A deployed public key file is missing, is served with another type than application/pgp-keys, is not the declared key, holds secret material, or is revoked or expired.",
  disable: "no",
  messages: {
    /** `path`: the key file's path on the site, e.g. /security/keys/security@example.org.asc. */
    status: "answers {{status}}, not the key: deploy the build's public{{path}}",
    contentType: "is served as {{type}}, not application/pgp-keys: set the Content-Type (see _headers, or npm run nginx-config)",
    /** A key check's error about the deployed file: its message and rule, as the build prints them. */
    keyProblem: "{{message}} [{{rule}}]",
  },
});
