/** csaf-signature on the distribution of tests/rules/csaf/distribution.ts: each signature verifies its document with a listed key; a trusted provider signs every document. */
import csafSignature from "../../../src/rules/csaf/csaf-signature.ts";
import { testRule } from "../../support/rule-tester.ts";
import { distribution, DOCUMENT, edited, editedJson, exampleInput, GOOD, KEY_PATH, METADATA, OTHER_KEY, runRule, without } from "./distribution.ts";

testRule(csafSignature, runRule(csafSignature), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's signatures, by the listed key", input: GOOD },
    { name: "an unsigned provider", input: await distribution(undefined, { signer: undefined }) },
    {
      name: "signatures by a key the metadata lists on another host are verify's to check",
      input: editedJson(METADATA, (m) => m.public_openpgp_keys.push({ fingerprint: "0".repeat(40), url: "https://keys.example.net/csaf.asc" }), await distribution(undefined, { signer: OTHER_KEY.privateKey })),
    },
  ],
  invalid: [
    {
      name: "a trusted provider's document without a signature",
      input: without(`${DOCUMENT}.asc`),
      findings: [{ messageId: "missing", line: 1, column: 1, message: "has no signature ghsa-2c4m-59x9-fr2g.json.asc beside it, though provider-metadata.json claims the role csaf_trusted_provider (CSAF 2.0 requirement 19): sign it, or claim csaf_provider" }],
    },
    {
      name: "signatures by a key the metadata does not list",
      input: await distribution(undefined, { signer: OTHER_KEY.privateKey }),
      findings: [
        { messageId: "bad", line: 1, column: 1 },
        { messageId: "bad", line: 1, column: 1 },
        { messageId: "bad", line: 1, column: 1 },
      ],
    },
    {
      name: "a document changed after it was signed",
      input: edited(DOCUMENT, (t) => `${t} `),
      findings: [{ messageId: "bad", line: 1, column: 1 }],
    },
    {
      name: "signatures when the listed key is not served",
      input: editedJson(METADATA, (m) => {
        m.role = "csaf_provider";
      }, without(KEY_PATH)),
      findings: [
        { messageId: "bad", line: 1, column: 1, message: "does not verify cve-2025-31337.json with a key provider-metadata.json lists (it lists no key the site serves) (CSAF 2.0 requirement 19): sign the document as published with a listed key" },
        { messageId: "bad", line: 1, column: 1 },
        { messageId: "bad", line: 1, column: 1 },
      ],
    },
  ],
});
