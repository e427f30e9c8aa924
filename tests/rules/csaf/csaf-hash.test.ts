/** csaf-hash on the distribution of tests/rules/csaf/distribution.ts: a hash file beside each document that matches its bytes. */
import { createHash } from "node:crypto";
import csafHash from "../../../src/rules/csaf/csaf-hash.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DOCUMENT, edited, exampleInput, GOOD, runRule, textOf, without } from "./distribution.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

testRule(csafHash, runRule(csafHash), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's hash files", input: GOOD },
    { name: "one hash file of the two is enough", input: without(`${DOCUMENT}.sha512`) },
    { name: "a hash in capitals", input: edited(`${DOCUMENT}.sha256`, (t) => t.toUpperCase()) },
  ],
  invalid: [
    {
      name: "neither hash file",
      input: without(`${DOCUMENT}.sha256`, without(`${DOCUMENT}.sha512`)),
      findings: [{ messageId: "missing", line: 1, column: 1, message: "has neither ghsa-2c4m-59x9-fr2g.json.sha256 nor ghsa-2c4m-59x9-fr2g.json.sha512 beside it (CSAF 2.0 requirement 18): publish its SHA-256 or SHA-512 hash file" }],
    },
    {
      name: "a document changed after its hashes were written",
      input: edited(DOCUMENT, (t) => `${t} `),
      findings: [
        { messageId: "mismatch", line: 1, column: 1, message: `says the SHA-256 of ghsa-2c4m-59x9-fr2g.json is ${sha256(textOf(DOCUMENT))}, but the document hashes to ${sha256(`${textOf(DOCUMENT)} `)} (CSAF 2.0 requirement 18): write the hash file from the document as published` },
        { messageId: "mismatch", line: 1, column: 1 },
      ],
    },
    {
      name: "an empty hash file",
      input: edited(`${DOCUMENT}.sha512`, () => ""),
      findings: [{ messageId: "mismatch", line: 1, column: 1 }],
    },
  ],
});
