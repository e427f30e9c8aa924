/** csaf-tlp-restricted on the distribution of tests/rules/csaf/distribution.ts: no TLP:AMBER or TLP:RED document anywhere the site serves. */
import csafTlpRestricted from "../../../src/rules/csaf/csaf-tlp-restricted.ts";
import { testRule } from "../../support/rule-tester.ts";
import { copiedDocument, exampleInput, GOOD, runRule } from "./distribution.ts";

const copy = (path: string, label: string) =>
  copiedDocument(path, (doc) => {
    doc.document.distribution.tlp.label = label;
  });

testRule(csafTlpRestricted, runRule(csafTlpRestricted), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's TLP:WHITE documents", input: GOOD },
    { name: "a TLP:GREEN document is csaf-tlp-white's to report", input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "GREEN") },
  ],
  invalid: [
    {
      name: "a TLP:AMBER document copied into a folder of its own",
      input: copy(".well-known/csaf/amber/2025/ghsa-xxxx-xxxx-xxxx.json", "AMBER"),
      findings: [{ messageId: "published", line: 1, column: 1, message: "is labelled TLP:AMBER, which CSAF 2.0 requirement 5 serves only behind access control, and everything this site publishes can be read by anyone: take it out of the site and serve it from a protected place" }],
    },
    {
      name: "a TLP:RED document among the TLP:WHITE ones",
      input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "RED"),
      findings: [{ messageId: "published", line: 1, column: 1 }],
    },
  ],
});
