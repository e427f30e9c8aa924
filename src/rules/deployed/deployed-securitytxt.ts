import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-securitytxt",
  severity: "error",
  family: "deployed",
  summary: "The deployed security.txt differs from what the build publishes, is served with the wrong type, its signature does not verify, or its Expires has passed.",
  disable: "no",
  messages: {
    status: "answers {{status}}, not the file: deploy the build's public/.well-known/security.txt",
    contentType: "is served as {{type}}; RFC 9116 asks for text/plain; charset=utf-8: set the Content-Type (see _headers, or npm run nginx-config)",
    signature: "is signed, but the signature does not verify with any declared contact's key: deploy a build signed with a declared key",
    /** `deployed`: the values of the deployed lines of that field, joined with ", ". */
    fieldDiffers: "{{field}} should be {{expected}}, but the deployed file says {{deployed}}: deploy a fresh build",
    fieldMissing: "{{field}} should be {{expected}}, but the deployed file has no such line: deploy a fresh build",
    fieldExtra: "has {{field}}: {{value}}, which the build does not publish: deploy a fresh build",
    expired: 'Expires {{expires}} has passed: researchers are told not to trust it; review the policy, update "reviewed", and deploy',
  },
});
