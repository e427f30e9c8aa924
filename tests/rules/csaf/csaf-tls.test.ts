/** csaf-tls on the distribution of tests/rules/csaf/distribution.ts: every URL the metadata and the feeds give a client is https. */
import csafTls from "../../../src/rules/csaf/csaf-tls.ts";
import { testRule } from "../../support/rule-tester.ts";
import { editedJson, exampleInput, FEED, GOOD, METADATA, runRule, without } from "./distribution.ts";

testRule(csafTls, runRule(csafTls), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's https URLs", input: GOOD },
    { name: "no provider metadata to read", input: without(METADATA) },
  ],
  invalid: [
    {
      name: "a key listed at an http URL",
      input: editedJson(METADATA, (m) => {
        m.public_openpgp_keys[0].url = "http://keys.example.net/security.asc";
      }),
      findings: [{ messageId: "notHttps", line: 1, column: 1, message: 'gives the URL http://keys.example.net/security.asc, which is not https; CSAF 2.0 requirement 3 serves the distribution over TLS only: use https URLs (the site data\'s "url" gives the build\'s own)' }],
    },
    {
      name: "a feed entry whose hash link is http, reported once however often it is linked",
      input: editedJson(FEED, (f) => {
        f.feed.entry[0].link[1].href = "http://example.org/x.sha256";
        f.feed.entry[1].link[1].href = "http://example.org/x.sha256";
      }),
      findings: [{ messageId: "notHttps", line: 1, column: 1 }],
    },
  ],
});
