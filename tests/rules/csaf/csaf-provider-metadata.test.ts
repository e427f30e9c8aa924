/** csaf-provider-metadata on the distribution of tests/rules/csaf/distribution.ts: provider-metadata.json beside the documents, and valid by OASIS's schema. */
import csafProviderMetadata from "../../../src/rules/csaf/csaf-provider-metadata.ts";
import { testRule } from "../../support/rule-tester.ts";
import { distribution, edited, editedJson, exampleInput, GOOD, METADATA, runRule, without } from "./distribution.ts";

testRule(csafProviderMetadata, runRule(csafProviderMetadata), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's metadata of a trusted provider", input: GOOD },
    { name: "the build's metadata of an unsigned provider", input: await distribution(undefined, { signer: undefined }) },
  ],
  invalid: [
    {
      name: "documents without metadata",
      input: without(METADATA),
      findings: [{ messageId: "missing", line: 1, column: 1, message: 'is not published, though the site serves CSAF documents in /.well-known/csaf/white/2025/; CSAF 2.0 requirement 7 describes them there: set "csafProvider" in the site data, and the build writes it' }],
    },
    {
      name: "metadata that is not JSON",
      input: edited(METADATA, (t) => t.slice(0, 20)),
      findings: [{ messageId: "notJson", line: 1, column: 1 }],
    },
    {
      name: "metadata without its publisher, and a role the schema does not know",
      input: editedJson(METADATA, (m) => {
        delete m.publisher;
        m.role = "csaf_trusted";
      }),
      findings: [
        { messageId: "invalid", line: 1, column: 1, message: "does not match OASIS's provider metadata schema at /: must have required property 'publisher' (CSAF 2.0 requirement 7): let the build write it (\"csafProvider\" in the site data), or correct the copied one there" },
        { messageId: "invalid", line: 1, column: 1, message: "does not match OASIS's provider metadata schema at /role: must be equal to one of the allowed values (CSAF 2.0 requirement 7): let the build write it (\"csafProvider\" in the site data), or correct the copied one there" },
      ],
    },
  ],
});
