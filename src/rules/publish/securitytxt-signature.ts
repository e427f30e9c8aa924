import { defineRule } from "../rule.ts";

/**
 * A security.txt given to `check` that is signed, and whose signature no key given verifies:
 * RFC 9116 section 2.3 asks a reader to verify it against the organisation's key, and a
 * signature by an unknown key vouches for nothing.
 */
export default defineRule({
  id: "securitytxt-signature",
  severity: "error",
  family: "security.txt",
  summary: "A signed security.txt given to `check` whose signature no key given verifies: made by another key, altered after signing, or unreadable.",
  disable: "no",
  messages: {
    unknownSigner: "security.txt is signed by key ID {{keyId}}, which is none of the keys given ({{given}}): pass --keys DIR with the signing key's public key, or sign the file with one of the keys given",
    notVerified: "security.txt's signature by {{fingerprint}} does not verify (openpgp.js: {{reason}}): the file was changed after it was signed, or the key has expired or been revoked: sign the file again",
    unreadable: "security.txt's signature cannot be read (openpgp.js: {{reason}}): sign the file again",
  },
});
