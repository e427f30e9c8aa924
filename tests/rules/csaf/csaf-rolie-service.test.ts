/** csaf-rolie-service on the distribution of tests/rules/csaf/distribution.ts: a service document, listed and served, naming every feed. */
import csafRolieService from "../../../src/rules/csaf/csaf-rolie-service.ts";
import { testRule } from "../../support/rule-tester.ts";
import { edited, editedJson, exampleInput, GOOD, METADATA, runRule, SERVICE, without } from "./distribution.ts";

testRule(csafRolieService, runRule(csafRolieService), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's service document", input: GOOD },
    {
      name: "metadata that lists no feed needs no service document",
      input: editedJson(METADATA, (m) => {
        delete m.distributions[0].rolie;
      }),
    },
  ],
  invalid: [
    {
      name: "feeds without a service document",
      input: editedJson(METADATA, (m) => {
        delete m.distributions[0].rolie.services;
      }),
      findings: [{ messageId: "noService", line: 1, column: 1, message: 'lists ROLIE feeds but no service document (CSAF 2.0 requirement 16): list one under "rolie"."services"' }],
    },
    {
      name: "a listed service document the site does not serve",
      input: without(SERVICE),
      findings: [{ messageId: "notService", line: 1, column: 1, message: "is listed in provider-metadata.json as a ROLIE service document, but the site does not serve it (CSAF 2.0 requirement 16): let the build write it (\"csafProvider\" in the site data), or take the copied one out of the site" }],
    },
    {
      name: "a service document that is not JSON",
      input: edited(SERVICE, () => "service"),
      findings: [{ messageId: "notService", line: 1, column: 1 }],
    },
    {
      name: "a service document that does not name the feed",
      input: editedJson(SERVICE, (s) => {
        s.service.workspace[0].collection = [];
      }),
      findings: [{ messageId: "feedUnlisted", line: 1, column: 1, message: "names no collection for the feed https://example.org/.well-known/csaf/feed-tlp-white.json, which provider-metadata.json lists (CSAF 2.0 requirement 16): add it to a workspace's collections" }],
    },
  ],
});
