/** csaf-index on the distribution of tests/rules/csaf/distribution.ts: index.txt in each TLP folder lists exactly its documents. */
import csafIndex from "../../../src/rules/csaf/csaf-index.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DOCUMENT, edited, exampleInput, GOOD, INDEX, runRule, textOf, without } from "./distribution.ts";

testRule(csafIndex, runRule(csafIndex), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's index", input: GOOD },
    { name: "lines ended with CR LF", input: edited(INDEX, (t) => t.replace(/\n/g, "\r\n")) },
  ],
  invalid: [
    {
      name: "no index",
      input: without(INDEX),
      findings: [{ messageId: "missing", line: 1, column: 1, message: "is not published, though /.well-known/csaf/white/ holds CSAF documents; CSAF 2.0 requirement 12 lists them in it, one per line" }],
    },
    {
      name: "a document copied into the folder and not listed",
      input: edited(".well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json", () => textOf(DOCUMENT)),
      findings: [{ messageId: "unlisted", line: 1, column: 1, message: "does not list /.well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json, which the folder holds (CSAF 2.0 requirement 12): add the line 2024/ghsa-xxxx-xxxx-xxxx.json, or take the document out of the folder" }],
    },
    {
      name: "a line for a document that is not there, on its line",
      input: edited(INDEX, (t) => `${t}2024/withdrawn.json\n`),
      findings: [{ messageId: "notThere", line: 4, column: 1, message: "lists 2024/withdrawn.json, but the folder has no such document (CSAF 2.0 requirement 12): remove the line" }],
    },
  ],
});
