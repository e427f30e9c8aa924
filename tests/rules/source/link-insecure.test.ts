import linkInsecure from "../../../src/rules/source/link-insecure.ts";
import { decorateMarkdown } from "../../../src/markdown/decorate.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { testRule } from "../../support/rule-tester.ts";
import { renderPage } from "./markdown-page.ts";

/** The page rendered with the decoration plugin, which reports the links (a site with no contacts, so nothing else is added). */
function run(raw: string): Finding[] {
  return renderPage(raw, (md, findings) => md.use(decorateMarkdown, { text: () => "", findings }), { policy: { contacts: [] } });
}

const page = (body: string) => `---\ntitle: Security\n---\n# Security\n\n${body}\n`;

testRule<string, typeof linkInsecure.messages>(linkInsecure, run, {
  example: (text) => text,
  valid: [
    { name: "an https link", input: page("See [our key](https://example.org/key.asc).") },
    { name: "an https link with the scheme in capitals", input: page("See [our key](HTTPS://example.org/key.asc).") },
    { name: "a mailto link", input: page("Write to [us](mailto:security@example.org).") },
    { name: "an openpgp4fpr link, which fetches nothing", input: page("Import [our key](openpgp4fpr:7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91).") },
    { name: "a link on the site", input: page("See [the policy](/security/) and [scope](#scope).") },
    { name: "a link that only looks like a host is relative", input: page("See [example](example.org/page).") },
    { name: "an https autolink", input: page("See <https://example.org/>.") },
    { name: "an http address in code is no link", input: page("Not a link: `http://example.org/`.") },
  ],
  invalid: [
    {
      name: "an http link, reported at its address with the https one to write",
      input: page("Intro.\n\nSee [the old page](http://example.org/old)."),
      findings: [
        {
          messageId: "http",
          line: 8,
          column: 20,
          message: "the link http://example.org/old is not encrypted; write it as https://example.org/old (or link to a page served over https)",
        },
      ],
    },
    {
      name: "an http link with the scheme in capitals",
      input: page("See [it](HTTP://example.org/)."),
      findings: [{ messageId: "http", line: 6, column: 10, message: "the link HTTP://example.org/ is not encrypted; write it as https://example.org/ (or link to a page served over https)" }],
    },
    {
      name: "an http autolink",
      input: page("See <http://example.org/>."),
      findings: [{ messageId: "http", line: 6, column: 6 }],
    },
    {
      name: "a link with no scheme follows the page's",
      input: page("See [it](//example.org/key)."),
      findings: [{ messageId: "noScheme", line: 6, column: 10, message: "the link //example.org/key has no scheme, so it follows the page's; write it with https://" }],
    },
    {
      name: "a link of another scheme than https or mailto",
      input: page("Get [the key](ftp://example.org/key.asc)."),
      findings: [{ messageId: "otherScheme", line: 6, column: 15, message: 'the link ftp://example.org/key.asc uses "ftp:"; links from the policy go to https: pages, mailto: addresses and openpgp4fpr: fingerprints only' }],
    },
    {
      name: "each insecure link is reported, in order, on a list item's own line",
      input: page("- [one](http://a.example/)\n- [two](ftp://b.example/)\n- [three](https://c.example/)"),
      findings: [
        { messageId: "http", line: 6, column: 9 },
        { messageId: "otherScheme", line: 7, column: 9 },
      ],
    },
  ],
});
