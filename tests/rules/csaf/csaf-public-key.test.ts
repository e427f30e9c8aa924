/** csaf-public-key on the distribution of tests/rules/csaf/distribution.ts: the listed keys served where the metadata says, with their own fingerprints. */
import csafPublicKey from "../../../src/rules/csaf/csaf-public-key.ts";
import { testRule } from "../../support/rule-tester.ts";
import { distribution, edited, editedJson, exampleInput, FINGERPRINT, GOOD, KEY_PATH, METADATA, OTHER_KEY, runRule, without } from "./distribution.ts";
import { readKey } from "openpgp";

const otherFingerprint = (await readKey({ armoredKey: OTHER_KEY.publicKey })).getFingerprint().toUpperCase();

testRule(csafPublicKey, runRule(csafPublicKey), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's key, served", input: GOOD },
    { name: "a fingerprint written in groups and lower case", input: editedJson(METADATA, (m) => (m.public_openpgp_keys[0].fingerprint = FINGERPRINT.toLowerCase().replace(/(.{4})/g, "$1 ").trim())) },
    {
      name: "an unsigned provider that lists no key",
      input: editedJson(METADATA, (m) => delete m.public_openpgp_keys, await distribution(undefined, { signer: undefined })),
    },
    { name: "a key on another host is verify's to fetch", input: editedJson(METADATA, (m) => (m.public_openpgp_keys[0].url = "https://keys.example.net/security.asc")) },
  ],
  invalid: [
    {
      name: "a trusted provider that lists no key",
      input: editedJson(METADATA, (m) => delete m.public_openpgp_keys),
      findings: [{ messageId: "none", line: 1, column: 1, message: 'claims the role csaf_trusted_provider but lists no public OpenPGP key (CSAF 2.0 requirement 20): list the key that signs the documents under "public_openpgp_keys"' }],
    },
    {
      name: "a listed key the site does not serve",
      input: without(KEY_PATH),
      findings: [{ messageId: "notServed", line: 1, column: 1, message: "lists the key https://example.org/security/keys/security@example.org.asc, which the site does not serve (CSAF 2.0 requirement 20): publish the key there" }],
    },
    {
      name: "a listed key that is not a key",
      input: edited(KEY_PATH, () => "not a key\n"),
      findings: [{ messageId: "unreadable", line: 1, column: 1 }],
    },
    {
      name: "another key than the fingerprint names",
      input: edited(KEY_PATH, () => OTHER_KEY.publicKey),
      findings: [
        {
          messageId: "fingerprint",
          line: 1,
          column: 1,
          message: `lists the key https://example.org/security/keys/security@example.org.asc with the fingerprint ${FINGERPRINT}, but the key there is ${otherFingerprint} (CSAF 2.0 requirement 20): list the key's own fingerprint`,
        },
      ],
    },
  ],
});
