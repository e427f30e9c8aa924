import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-unverified",
  severity: "warning",
  family: "fingerprint",
  summary: "A contact has no key file, so the declared fingerprint is not checked against a key.",
  disable: "no",
  messages: {
    /** `keyFile`: where the contact's key file would be, as findings name files. */
    unverified: "the fingerprint of {{email}} ({{fingerprint}}) is not verified against a key: add its public key as {{keyFile}} (gpg --export --armor {{hex}})",
  },
});
