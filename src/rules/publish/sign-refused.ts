import { defineRule } from "../rule.ts";

export default defineRule({
  id: "sign-refused",
  severity: "error",
  family: "signing",
  summary: "The signing key cannot be used: unreadable, wrong passphrase, not a declared contact's, revoked, expired, expiring before `Expires`, or its signature does not verify against the published key.",
  disable: "no",
  messages: {
    // `variable` and `passphraseVariable`: the environment variables of the key and its passphrase;
    // `key`: the signing key's fingerprint in groups of four, `hex` unbroken; `reason`: openpgp.js's words.
    publicOnly: "cannot sign security.txt: {{variable}} holds a public key; signing needs the private key: export it with gpg --export-secret-keys --armor <fingerprint>",
    unreadable:
      "cannot sign security.txt: {{variable}} is not a readable armored private key (openpgp.js: {{reason}}): export it with gpg --export-secret-keys --armor <fingerprint>",
    passphraseNotSet: "cannot sign security.txt: the signing key {{key}} is protected by a passphrase, and {{passphraseVariable}} is not set: set it to the key's passphrase",
    passphraseWrong: "cannot sign security.txt: {{passphraseVariable}} does not unlock the signing key {{key}} (openpgp.js: {{reason}}): set it to the key's passphrase",
    /** `declared`: each declared contact as `address (fingerprint)`, joined with ", ". */
    undeclared:
      "cannot sign security.txt: the signing key {{key}} is not the key of a declared contact ({{declared}}); readers check the signature against a contact's key: sign with one of those keys, or declare the key's owner as a contact",
    revoked:
      "cannot sign security.txt: the signing key {{key}} of {{email}} is revoked; a signature by it tells readers not to trust the file: sign with the key that replaced it, and declare that one",
    expired:
      "cannot sign security.txt: the signing key {{key}} of {{email}} expired on {{day}}: extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again",
    noSigningKey:
      "cannot sign security.txt: the signing key {{key}} of {{email}} has no valid signing key on {{day}} (openpgp.js: {{reason}}): add one with gpg --quick-add-key {{hex}} ed25519 sign 1y, or extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again",
    /** `keyExpires` and `expires`: moments as security.txt writes them. */
    keyExpiresTooSoon:
      "cannot sign security.txt: the signing key {{key}} of {{email}} expires on {{keyExpires}}, before security.txt's Expires {{expires}}: readers would find an expired signature on a current file; extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again, or set an earlier \"expires\"",
    subkeyExpiresTooSoon:
      "cannot sign security.txt: the signing subkey of {{key}} of {{email}} expires on {{keyExpires}}, before security.txt's Expires {{expires}}: readers would find an expired signature on a current file; extend it with gpg --quick-set-expire {{hex}} 1y, and its subkeys with gpg --quick-set-expire {{hex}} 1y '*', then export it again, or set an earlier \"expires\"",
    notVerifiedByPublishedKey:
      "cannot sign security.txt: the signature made with {{key}} does not verify against the published key of {{email}} ({{reason}}): export the public key again from the same key, with its signing subkey (gpg --export --armor {{hex}})",
    notVerifiedByOwnKey:
      "cannot sign security.txt: the signature made with {{key}} does not verify against the signing key's public part ({{reason}}): export the public key again from the same key, with its signing subkey (gpg --export --armor {{hex}})",
  },
});
