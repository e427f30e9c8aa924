/**
 * csaf-document-invalid on the distribution of tests/rules/csaf/distribution.ts: each document
 * run through OASIS's strict schema and the mandatory tests of CSAF 2.0 section 6.1, as
 * @secvisogram/csaf-validator-lib runs them; found at the advisory a document is made from.
 */
import csafDocumentInvalid from "../../../src/rules/csaf/csaf-document-invalid.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DOCUMENT, editedJson, edited, exampleInput, GOOD, runRule, without, type Input } from "./distribution.ts";

/** A document copied into the folder that no advisory makes. */
const copied = (change: (doc: any) => void): Input => {
  const input = editedJson(DOCUMENT, change);
  return { ...input, sources: GOOD.sources!.filter((s) => s.path !== DOCUMENT) };
};

testRule(csafDocumentInvalid, runRule(csafDocumentInvalid), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's documents, signed", input: GOOD },
    { name: "a folder without documents", input: without(DOCUMENT) },
  ],
  invalid: [
    {
      name: "a document copied in that is not JSON",
      input: { ...edited(DOCUMENT, (t) => t.slice(0, 30)), sources: [] },
      findings: [{ messageId: "notJson", line: 1, column: 1 }],
    },
    {
      name: "a copied document with a field the strict schema does not define",
      input: copied((doc) => {
        doc.document.tracking.owner = "someone";
      }),
      findings: [{ messageId: "failed", line: 1, column: 1, message: "fails the CSAF 2.0 JSON schema at /document/tracking: must NOT have additional properties (CSAF 2.0 requirement 1): correct the document, or take it out of the folder" }],
    },
    {
      name: "a copied document whose remediation names a product the tree does not define (mandatory test 6.1.1)",
      input: copied((doc) => {
        doc.vulnerabilities[0].remediations[0].product_ids.push("CSAFPID-9");
      }),
      findings: [{ messageId: "failed", line: 1, column: 1, message: "fails mandatory test 6.1.1 at /vulnerabilities/0/remediations/0/product_ids/1: definition of product id missing (CSAF 2.0 requirement 1): correct the document, or take it out of the folder" }],
    },
    {
      name: "a copied document with a null where the schema wants a vulnerability: the schema's finding, and the mandatory tests, which would stop at it, are not run",
      input: copied((doc) => {
        doc.vulnerabilities = [null];
      }),
      findings: [{ messageId: "failed", line: 1, column: 1, message: "fails the CSAF 2.0 JSON schema at /vulnerabilities/0: must be object (CSAF 2.0 requirement 1): correct the document, or take it out of the folder" }],
    },
    {
      name: "a copied document that is null",
      input: { ...edited(DOCUMENT, () => "null"), sources: [] },
      findings: [{ messageId: "failed", line: 1, column: 1 }],
    },
    {
      name: "a document the build made from an advisory is found at the advisory",
      input: editedJson(DOCUMENT, (doc) => {
        doc.document.title = "";
      }),
      findings: [
        {
          messageId: "advisoryFailed",
          line: 1,
          column: 1,
          message: "becomes the CSAF document /.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json, which fails the CSAF 2.0 JSON schema at /document/title: must NOT have fewer than 1 characters (CSAF 2.0 requirement 1): correct the advisory's field that gives /document/title",
        },
      ],
    },
  ],
});
