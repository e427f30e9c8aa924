/** csaf-rolie-feed on the distribution of tests/rules/csaf/distribution.ts: a ROLIE feed per TLP label, an entry per document, every link to a served file. */
import csafRolieFeed from "../../../src/rules/csaf/csaf-rolie-feed.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DOCUMENT, edited, editedJson, exampleInput, FEED, GOOD, METADATA, runRule, textOf, without } from "./distribution.ts";

testRule(csafRolieFeed, runRule(csafRolieFeed), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's feed", input: GOOD },
    {
      name: "a feed on another host is verify's to fetch",
      input: editedJson(METADATA, (m) => {
        m.distributions.push({ rolie: { feeds: [{ summary: "Mirror", tlp_label: "WHITE", url: "https://mirror.example.net/feed.json" }] } });
      }),
    },
  ],
  invalid: [
    {
      name: "metadata without a feed for the TLP:WHITE documents",
      input: editedJson(METADATA, (m) => {
        m.distributions[0].rolie.feeds[0].tlp_label = "GREEN";
      }),
      findings: [{ messageId: "noFeed", line: 1, column: 1, message: 'lists no ROLIE feed for the TLP:WHITE documents the site serves (/.well-known/csaf/white/2025/cve-2025-31337.json and any others); CSAF 2.0 requirement 15 lists them in one: set "csafProvider" in the site data, and the build writes it' }],
    },
    {
      name: "a listed feed the site does not serve",
      input: without(FEED),
      findings: [{ messageId: "notFeed", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE feed, but the site does not serve it (CSAF 2.0 requirement 15): let the build write the feed ("csafProvider" in the site data), or take the copied one out of the site' }],
    },
    {
      name: "a listed feed that is JSON but no feed",
      input: edited(FEED, () => "[]"),
      findings: [{ messageId: "notFeed", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE feed, but it has no "feed" with a list of "entry" (CSAF 2.0 requirement 15): let the build write the feed ("csafProvider" in the site data), or take the copied one out of the site' }],
    },
    {
      name: "a listed feed that is not JSON",
      input: edited(FEED, (t) => t.slice(0, 10)),
      findings: [{ messageId: "notFeed", line: 1, column: 1 }],
    },
    {
      name: "a feed with an entry that is not an object is a finding, not a crash",
      input: editedJson(FEED, (f) => {
        f.feed.entry.push(null);
      }),
      findings: [{ messageId: "notFeed", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE feed, but an entry is not an object (CSAF 2.0 requirement 15): let the build write the feed ("csafProvider" in the site data), or take the copied one out of the site' }],
    },
    {
      name: "a document copied into the folder that the feed does not list",
      input: edited(".well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json", () => textOf(DOCUMENT)),
      findings: [{ messageId: "unlisted", line: 1, column: 1, message: "has no entry for /.well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json, a TLP:WHITE document the site serves (CSAF 2.0 requirement 15): add one, or take the document out of the site" }],
    },
    {
      name: "an entry whose signature is not served",
      input: without(`${DOCUMENT}.asc`),
      findings: [{ messageId: "broken", line: 1, column: 1, message: "links https://example.org/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json.asc as the signature of GHSA-2c4m-59x9-fr2g, but the site serves no such file (CSAF 2.0 requirement 15): publish the file, or take the link out of the entry" }],
    },
  ],
});
