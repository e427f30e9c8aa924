import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-no-encryption",
  severity: "error",
  family: "key",
  summary: "The key has no valid encryption-capable key.",
  disable: "no",
  messages: {
    /** `reason`: why openpgp.js found no key to encrypt to, as it says it. */
    noEncryption:
      "the key has no valid encryption subkey on {{date}}, so reporters cannot encrypt to it (openpgp.js: {{reason}}): add one with gpg --quick-add-key {{hex}} cv25519 encr 1y, then export the key again with gpg --export --armor {{hex}}",
  },
});
