/**
 * fingerprint-unverified on a project read by loadPolicyData: a contact whose key file is not in
 * the key folder, reported at the contact's fingerprint in the site data.
 */
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import fingerprintUnverified from "../../../src/rules/key/fingerprint-unverified.ts";
import keyUnused from "../../../src/rules/key/key-unused.ts";
import { testRule } from "../../support/rule-tester.ts";
import { fixture, runSite, siteData, TOP, valueAt, otherRule } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const rsa = fixture("rsa.asc");
const one = siteData([{ email: ed.email, fingerprint: ed.fingerprint }]);
const two = siteData([
  { email: ed.email, fingerprint: ed.fingerprint },
  { email: rsa.email, fingerprint: rsa.fingerprint },
]);

testRule(fingerprintUnverified, runSite, {
  valid: [
    { name: "a contact with its key file", input: { files: { "_data/security.json": one, "keys/security@example.org.asc": ed.text } } },
    { name: "a key file named in other letter cases than the address", input: { files: { "_data/security.json": one, "keys/SECURITY@example.org.asc": ed.text } } },
    { name: "two contacts, each with its key file", input: { files: { "_data/security.json": two, "keys/security@example.org.asc": ed.text, "keys/rsa@example.org.asc": rsa.text } } },
  ],
  invalid: [
    {
      name: "a project without a key folder",
      input: { files: { "_data/security.json": one } },
      findings: [
        {
          messageId: "unverified",
          ...valueAt(one, "fingerprint"),
          message: `the fingerprint of ${ed.email} (${formatFingerprint(ed.fingerprint)}) is not verified against a key: add its public key as content/keys/${ed.email}.asc (gpg --export --armor ${ed.fingerprint.hex})`,
        },
      ],
    },
    {
      name: "the second contact without its key file: reported at its own fingerprint",
      input: { files: { "_data/security.json": two, "keys/security@example.org.asc": ed.text } },
      findings: [{ messageId: "unverified", ...valueAt(two, "fingerprint", 2) }],
    },
    {
      name: "a key file that is not an .asc file",
      input: { files: { "_data/security.json": one, "keys/security@example.org.gpg": ed.text } },
      findings: [{ messageId: "unverified", ...valueAt(one, "fingerprint") }],
    },
    {
      name: "a key file named after another address",
      input: { files: { "_data/security.json": one, "keys/sec@example.org.asc": ed.text } },
      findings: [
        { messageId: "unverified", ...valueAt(one, "fingerprint") },
        otherRule(keyUnused, "noContact", TOP),
      ],
    },
  ],
  /** The page's site data, in a project with no key folder. */
  example: (text) => ({ files: { "_data/security.json": text } }),
});
