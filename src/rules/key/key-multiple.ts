import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-multiple",
  severity: "error",
  family: "key",
  summary: "A key file holding more than one key for a contact that lists one fingerprint.",
  disable: "no",
  messages: {
    /** `fingerprints`: every key in the file, grouped in fours ("a key of an unsupported version" for one of another version), joined with ", ". */
    multiple:
      "the file holds {{count}} keys ({{fingerprints}}); it must hold one: export only the contact's key with gpg --export --armor {{hex}} (during a key rotation, list the other key's fingerprint after the current one in {{dataFile}})",
  },
});
