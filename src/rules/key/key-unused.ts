import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-unused",
  severity: "error",
  family: "key",
  summary: "A key file named after no declared contact, or, during a key rotation, a key in a contact's file that the site data does not list.",
  disable: "no",
  messages: {
    /**
     * During a rotation. `fingerprint`: the unlisted key's, grouped in fours ("a key of an unsupported
     * version" for one of another version); `listed`: the listed keys' fingerprints, as hex, joined with spaces.
     */
    unlisted:
      "the file holds the key {{fingerprint}}, which the site data does not list for {{email}}: export only the listed keys with gpg --export --armor {{listed}}, or list it in {{dataFile}}",
    /** `keyFile`: the file's name in the key folder; `dataFile`: the site data, as findings name files. */
    noContact: "{{keyFile}} belongs to no declared contact, so it is neither checked nor published; name it <email>.asc after a contact in {{dataFile}}, or remove it",
  },
});
