import { defineRule } from "../rule.ts";

export default defineRule({
  id: "output-secret",
  severity: "error",
  family: "publish",
  summary: "A file about to be published holds private key material (an armored private key block).",
  disable: "secret",
  messages: {
    /** `file`: the file's path in the output folder; `kind`: the key's armor line, e.g. "PGP PRIVATE KEY BLOCK". */
    inPage:
      "{{file}} would publish a {{kind}}: remove the private key from the page; if it was ever published, consider the key compromised: revoke it and make a new one",
    inCopiedFile:
      "{{file}} would publish a {{kind}}: remove the private key from what is copied into the site; if it was ever published, consider the key compromised: revoke it and make a new one",
  },
});
