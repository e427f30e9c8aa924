import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-keyserver",
  severity: "error",
  family: "deployed",
  summary: "A keyserver the page links to (or keys.openpgp.org) lacks the declared key, has it revoked or expired, or gives another key for the address.",
  disable: "no",
  messages: {
    missing: "has no key {{fingerprint}} of {{email}}, which the page sends researchers to look up: upload it (gpg --send-keys, or the keyserver's upload page)",
    statusKey: "answers {{status}}, not the key",
    /** A key check's error about the key the keyserver gives: its message and rule, as the build prints them. */
    keyProblem: "{{message}} [{{rule}}]",
    statusByEmail: "answers {{status}}, not a key",
    notAKey: "is not an OpenPGP key (openpgp.js: {{reason}})",
    /** `fingerprints`: the keys not declared, grouped in fours, joined with ", ". */
    otherKey: "gives another key for {{email}}: {{fingerprints}}; researchers who look the address up would encrypt to it: revoke that key, or declare it",
  },
});
