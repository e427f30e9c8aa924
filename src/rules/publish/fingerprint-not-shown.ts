import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-not-shown",
  severity: "error",
  family: "fingerprint",
  summary: "A fingerprint the site data lists (a rotation's previous one too) is shown on no page.",
  disable: "no",
  messages: {
    keyNotShown:
      "the key {{fingerprint}} of {{email}} is shown on no page, so researchers cannot check the key they encrypt to: show it on the policy page, after the address ({{email}}: {{fingerprint}})",
    currentKeyNotShown:
      "the current key {{fingerprint}} of {{email}} is shown on no page, so researchers cannot check the key they encrypt to: show it on the policy page, after the address ({{email}}: {{fingerprint}})",
    previousKeyNotShown:
      "the previous key {{fingerprint}} of {{email}} is shown on no page, so researchers cannot check the key they encrypt to: show it on the policy page, after the address ({{email}}: {{fingerprint}})",
    /** npm run verify: the deployed policy page lacks a declared fingerprint the build shows. */
    notDeployed: "the deployed page does not show {{fingerprint}} of {{email}}: deploy a fresh build",
  },
});
