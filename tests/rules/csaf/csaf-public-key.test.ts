/** csaf-public-key on the distribution of tests/rules/csaf/distribution.ts: the listed keys served where the metadata says, with their own fingerprints. */
import csafPublicKey from "../../../src/rules/csaf/csaf-public-key.ts";
import { testRule } from "../../support/rule-tester.ts";
import { distribution, edited, editedJson, exampleInput, FINGERPRINT, GOOD, KEY, KEY_PATH, METADATA, OTHER_KEY, runRule, without } from "./distribution.ts";
import { armor, enums, readKey } from "openpgp";

const other = await readKey({ armoredKey: OTHER_KEY.publicKey });
const otherFingerprint = other.getFingerprint().toUpperCase();
/** One armored block with two keys, the listed one second. */
const BOTH = armor(enums.armor.publicKey, new Uint8Array([...other.write(), ...(await readKey({ armoredKey: KEY.publicKey })).write()]));

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
    { name: "a key file that holds the listed key after another, as during a rotation", input: edited(KEY_PATH, () => BOTH) },
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
      name: "a key URL with a malformed escape is a key the site does not serve, not a crash",
      input: editedJson(METADATA, (m) => (m.public_openpgp_keys[0].url = "https://example.org/security/keys/%zz.asc")),
      findings: [{ messageId: "notServed", line: 1, column: 1 }],
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
          message: `lists the key https://example.org/security/keys/security@example.org.asc with the fingerprint ${FINGERPRINT}, but the file holds ${otherFingerprint} (CSAF 2.0 requirement 20): list the key's own fingerprint`,
        },
      ],
    },
  ],
});
