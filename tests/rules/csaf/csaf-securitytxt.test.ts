/** csaf-securitytxt on the distribution of tests/rules/csaf/distribution.ts: security.txt names the provider metadata in a CSAF field. */
import csafSecuritytxt from "../../../src/rules/csaf/csaf-securitytxt.ts";
import { testRule } from "../../support/rule-tester.ts";
import { edited, exampleInput, GOOD, METADATA, runRule, SECURITY_TXT, without } from "./distribution.ts";

testRule(csafSecuritytxt, runRule(csafSecuritytxt), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the field as the build writes it", input: GOOD },
    { name: "the field name in another case, beside another provider's", input: edited(SECURITY_TXT, (t) => t.replace("CSAF:", "CSAF: https://example.net/.well-known/csaf/provider-metadata.json\ncsaf:")) },
    { name: "a site that publishes no security.txt", input: without(SECURITY_TXT) },
    { name: "a site that publishes no provider metadata", input: without(METADATA) },
  ],
  invalid: [
    {
      name: "security.txt without the field",
      input: edited(SECURITY_TXT, (t) => t.replace(/^CSAF:.*\n/m, "")),
      findings: [
        {
          messageId: "noField",
          line: 1,
          column: 1,
          message: 'has no CSAF field with https://example.org/.well-known/csaf/provider-metadata.json, the provider metadata this site publishes; CSAF 2.0 requirement 8 lets a client find it there: add the URL to the site data\'s "csaf" list, or set "csafProvider", which adds it',
        },
      ],
    },
    {
      name: "a field that names another URL",
      input: edited(SECURITY_TXT, (t) => t.replace("https://example.org/.well-known", "https://www.example.org/.well-known")),
      findings: [{ messageId: "noField", line: 1, column: 1 }],
    },
  ],
});
