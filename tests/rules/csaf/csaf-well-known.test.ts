/** csaf-well-known on the distribution of tests/rules/csaf/distribution.ts: the metadata at the host's well-known URL, and its canonical_url saying so. */
import csafWellKnown from "../../../src/rules/csaf/csaf-well-known.ts";
import { testRule } from "../../support/rule-tester.ts";
import { distribution, editedJson, exampleInput, GOOD, METADATA, runRule, without } from "./distribution.ts";

testRule(csafWellKnown, runRule(csafWellKnown), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's metadata at the root of the host", input: GOOD },
    { name: "no metadata", input: without(METADATA) },
    { name: "a site URL with the host in capitals names the same place", input: await distribution(undefined, { site: "https://Example.org" }) },
  ],
  invalid: [
    {
      name: "a site published under a path",
      input: await distribution(undefined, { site: "https://example.org/security-site" }),
      findings: [
        {
          messageId: "notAtRoot",
          line: 1,
          column: 1,
          message:
            'is served at https://example.org/security-site/.well-known/csaf/provider-metadata.json, not at https://example.org/.well-known/csaf/provider-metadata.json, where CSAF 2.0 requirement 9 has clients look: publish the site at the root of its host and set the site data\'s "url" to https://example.org',
        },
      ],
    },
    {
      name: "a canonical_url on another host",
      input: editedJson(METADATA, (m) => {
        m.canonical_url = "https://www.example.org/.well-known/csaf/provider-metadata.json";
      }),
      findings: [{ messageId: "canonical", line: 1, column: 1, message: "says its canonical_url is https://www.example.org/.well-known/csaf/provider-metadata.json, but it is served at https://example.org/.well-known/csaf/provider-metadata.json (CSAF 2.0 requirement 9): set canonical_url to https://example.org/.well-known/csaf/provider-metadata.json" }],
    },
  ],
});
