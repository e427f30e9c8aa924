import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-expires-early",
  severity: "error",
  family: "key",
  summary: "The key, or the encryption subkey a mail client would choose, expires before security.txt's Expires.",
  disable: "no",
  messages: {
    keyExpiresEarly: "the key {{fingerprint}} of {{email}} expires on {{date}}, before security.txt's Expires {{expires}}: researchers would be sent to a key they cannot use while security.txt is current; extend it with gpg --quick-set-expire {{hex}} 1y, then export it again with gpg --export --armor {{hex}}",
    /** The subkey a mail client encrypts to expires before Expires; `keyExpires`: when its primary key expires. */
    subkeyExpiresEarly: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which expires on {{keyExpires}}) expires on {{date}}, before security.txt's Expires {{expires}}: researchers would be sent to a key they cannot use while security.txt is current; extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}",
    subkeyOfNonExpiringKeyExpiresEarly: "the encryption subkey {{keyId}} ({{algorithm}}), which mail clients choose for {{email}}, of the key {{fingerprint}} (which does not expire) expires on {{date}}, before security.txt's Expires {{expires}}: researchers would be sent to a key they cannot use while security.txt is current; extend it with gpg --quick-set-expire {{hex}} 1y '*', then export it again with gpg --export --armor {{hex}}",
  },
});
