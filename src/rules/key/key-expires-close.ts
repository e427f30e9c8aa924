import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expires-close",
  severity: "warning",
  family: "key",
  summary: "The key, or its encryption subkey, expires within 30 days after security.txt's Expires.",
  disable: "no",
  messages: {
    /** `days`: whole days from Expires to the key's expiry, 0 or more, as dayCount writes them. */
    keyExpiresClose: "the key {{fingerprint}} of {{email}} expires on {{date}}, only {{days}} after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y, then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
    keyExpiresCloseByOneDay: "the key {{fingerprint}} of {{email}} expires on {{date}}, only 1 day after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y, then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
    subkeyExpiresClose: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which expires on {{keyExpires}}) expires on {{date}}, only {{days}} after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
    subkeyExpiresCloseByOneDay: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which expires on {{keyExpires}}) expires on {{date}}, only 1 day after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
    subkeyOfNonExpiringKeyExpiresClose: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which does not expire) expires on {{date}}, only {{days}} after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
    subkeyOfNonExpiringKeyExpiresCloseByOneDay: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which does not expire) expires on {{date}}, only 1 day after security.txt's Expires {{expires}}: extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}, so that it outlives the next review",
  },
});
