/**
 * csaf-filename on the distribution of tests/rules/csaf/distribution.ts: a document's file is its
 * tracking id as section 5.1 writes it.
 */
import csafFilename from "../../../src/rules/csaf/csaf-filename.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DOCUMENT, edited, exampleInput, GOOD, runRule, textOf } from "./distribution.ts";

testRule(csafFilename, runRule(csafFilename), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's documents, each named by its id", input: GOOD },
    { name: "an id with characters section 5.1 writes as _", input: edited(".well-known/csaf/white/2025/example_2025_1.json", () => textOf(DOCUMENT).replace(/"id": "GHSA-2c4m-59x9-fr2g"/, '"id": "Example/2025:1"')) },
  ],
  invalid: [
    {
      name: "a document copied in under another name",
      input: edited(".well-known/csaf/white/2025/advisory-1.json", () => textOf(DOCUMENT)),
      findings: [{ messageId: "mismatch", line: 1, column: 1, message: "is named advisory-1.json, but its tracking id GHSA-2c4m-59x9-fr2g names it ghsa-2c4m-59x9-fr2g.json (CSAF 2.0 section 5.1, requirement 2): rename the file ghsa-2c4m-59x9-fr2g.json" }],
    },
  ],
});
