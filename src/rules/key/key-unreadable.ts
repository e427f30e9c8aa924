import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-unreadable",
  severity: "error",
  family: "key",
  summary: "A key file whose armor or packets cannot be read.",
  disable: "no",
  messages: {
    /** A v3 (or other) key: openpgp.js reads it, but no fingerprint of ours describes it. */
    unsupportedVersion: "the key is a version {{version}} key; only v4 and v6 keys are supported: export a current key with gpg --export --armor {{hex}}",
    empty: "the file is empty: export the key with gpg --export --armor {{hex}} and replace the file's contents",
    notArmored: "this is not a readable OpenPGP armored key (openpgp.js: {{reason}}): export the key with gpg --export --armor {{hex}} and replace the file's contents",
    damaged: "the key block is damaged or incomplete (openpgp.js: {{reason}}): export the key with gpg --export --armor {{hex}} and replace the file's contents",
  },
});
