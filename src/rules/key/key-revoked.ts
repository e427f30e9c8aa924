import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-revoked",
  severity: "error",
  family: "key",
  summary: "The key is revoked.",
  disable: "no",
  messages: {
    // `where`: where the fingerprint is written (src/rules/keys.ts, DeclaredIn): "in content/_data/security.json and on the page", or "on the page" alone.
    revoked: "the key {{fingerprint}} was revoked on {{date}}: mail clients will refuse to encrypt to it; publish the key that replaced it (gpg --export --armor <its fingerprint>) and update the fingerprint {{where}}",
    /** `reason`: the reason's code and its text, as the revocation gives them ("key retired: moved to a new key"). */
    revokedWithReason: "the key {{fingerprint}} was revoked on {{date}} ({{reason}}): mail clients will refuse to encrypt to it; publish the key that replaced it (gpg --export --armor <its fingerprint>) and update the fingerprint {{where}}",
  },
});
