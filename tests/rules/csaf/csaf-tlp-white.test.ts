/** csaf-tlp-white on the distribution of tests/rules/csaf/distribution.ts: TLP:WHITE documents in a folder the metadata lists, and only they. */
import csafTlpWhite from "../../../src/rules/csaf/csaf-tlp-white.ts";
import { testRule } from "../../support/rule-tester.ts";
import { copiedDocument, DOCUMENT, editedJson, edited, exampleInput, GOOD, METADATA, runRule } from "./distribution.ts";

/** The first document, copied to `path` with the label `label` (none: no label). */
const copy = (path: string, label: string | undefined) =>
  copiedDocument(path, (doc) => {
    if (label === undefined) delete doc.document.distribution;
    else doc.document.distribution.tlp.label = label;
  });

testRule(csafTlpWhite, runRule(csafTlpWhite), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's TLP:WHITE folder", input: GOOD },
    { name: "a TLP:RED document is csaf-tlp-restricted's, not this rule's", input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "RED") },
  ],
  invalid: [
    {
      name: "a TLP:WHITE document in a folder the metadata does not list",
      input: copy(".well-known/csaf/public/2025/ghsa-2c4m-59x9-fr2g.json", "WHITE"),
      findings: [{ messageId: "unlisted", line: 1, column: 1, message: "is labelled TLP:WHITE, but provider-metadata.json lists no folder it is in (/.well-known/csaf/white/), so no client finds it (CSAF 2.0 requirement 4): move it into a listed folder, or take it out of the site" }],
    },
    {
      name: "metadata that lists no folder at all",
      input: editedJson(METADATA, (m) => {
        delete m.distributions[0].directory_url;
      }),
      findings: [
        { messageId: "unlisted", line: 1, column: 1, message: "is labelled TLP:WHITE, but provider-metadata.json lists no folder it is in (it lists none), so no client finds it (CSAF 2.0 requirement 4): move it into a listed folder, or take it out of the site" },
        { messageId: "unlisted", line: 1, column: 1 },
        { messageId: "unlisted", line: 1, column: 1 },
      ],
    },
    {
      name: "a TLP:GREEN document among the TLP:WHITE ones",
      input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "GREEN"),
      findings: [{ messageId: "mixed", line: 1, column: 1, message: "is in /.well-known/csaf/white/2025/, with the TLP:WHITE documents, but is labelled TLP:GREEN (CSAF 2.0 requirement 4): label it WHITE if anyone may read it, or take it out of the site" }],
    },
    {
      name: "a document without a label among the TLP:WHITE ones",
      input: edited(DOCUMENT, (t) => t.replace(/"distribution": \{[^}]*\}[^}]*\},/s, "")),
      findings: [{ messageId: "mixed", line: 1, column: 1, message: "is in /.well-known/csaf/white/2025/, with the TLP:WHITE documents, but is labelled no label (CSAF 2.0 requirement 4): label it WHITE if anyone may read it, or take it out of the site" }],
    },
  ],
});
