/**
 * address-undeclared: every address a page's text shows, plain or spelt out, is a declared
 * contact or a declared other address. The cases run the page checks on rendered HTML; the last
 * ones run them as the build does, on a page made of a Markdown body inside a layout, to show
 * where a finding is placed.
 */
import { describe, expect, it } from "vitest";
import { placed, type Finding } from "../../../src/findings/finding.ts";
import { scanHtml } from "../../../src/formats/html-scan.ts";
import { createPageMemo, pageFindings } from "../../../src/rules/page.ts";
import addressUndeclared from "../../../src/rules/page/address-undeclared.ts";
import mailtoUndeclared from "../../../src/rules/page/mailto-undeclared.ts";
import { checkPage } from "../../../src/rules/page.ts";
import { positionOf, testRule } from "../../support/rule-tester.ts";
import { alsoFrom, contact, HEX, member, OTHER, SECURITY, type PageInput } from "./page-input.ts";

const ANNOUNCE = { email: "announce@example.org", purpose: "security announcements" };
const PSIRT = contact("psirt@example.org", OTHER);
/** A team with no key of its own: Alice and Bob read what security@example.org receives. */
const TEAM = [member("Alice Example", "alice@example.org", "security@example.org", HEX), member("Bob Example", "bob@example.org", "security@example.org", OTHER)];
const DECLARED = "security@example.org";
const ENDING = 'a researcher may send a report to it: correct it to a declared contact\'s address, or declare it in the site data (in "contacts", or in "otherAddresses" with its purpose)';

/**
 * A rendered page, or one as the build sees it: a Markdown page's body (its front matter three
 * lines long) inside a layout, with `layouts` the layout files by name.
 */
type Input = PageInput & { markdown?: { raw: string; before: string; after: string }; layouts?: Record<string, string> };

/** The Markdown page `content/security.md`: three lines of front matter, then the body. */
const FRONT_MATTER = "---\ntitle: Security\n---\n";

function run(input: Input): Finding[] {
  const contacts = input.contacts ?? [SECURITY];
  const others = input.otherAddresses ?? [];
  if (input.markdown === undefined) {
    return checkPage(scanHtml(input.html), contacts, undefined, others).map((p) => placed(p, "page.html", positionOf(input.html, p.index)));
  }
  // The body stands in the page as rendered, wherever the layout put it; its first block is the body's line 1.
  const { raw, before, after } = input.markdown;
  const html = `${before}${input.html}${after}`;
  const markers = [
    { line: 1, index: before.length },
    { line: undefined, index: before.length + input.html.length },
  ];
  const sources = new Map(Object.entries(input.layouts ?? {}));
  return pageFindings(html, { file: "content/security.md", markdown: true, raw, markers }, contacts, sources, createPageMemo(), others);
}

testRule<Input, typeof addressUndeclared.messages>(addressUndeclared, run, {
  valid: [
    { name: "the declared contact's address in the text", input: { html: "<p>Write to security@example.org.</p>" } },
    { name: "the declared address in another case", input: { html: "<p>Write to Security@Example.ORG.</p>" } },
    { name: "a team's address and a member's own, where the address has no key of its own", input: { html: "<p>Write to security@example.org; Bob is bob@example.org.</p>", contacts: TEAM } },
    { name: "a declared other address, a mailing list for announcements", input: { html: "<p>Announcements go to announce@example.org.</p>", otherAddresses: [ANNOUNCE] } },
    { name: "the declared address spelt out with brackets", input: { html: "<p>Write to security [at] example [dot] org.</p>" } },
    { name: "the declared address spelt out in words", input: { html: "<p>Write to security at example dot org.</p>" } },
    { name: "prose with the word at and a host name but no dot word", input: { html: "<p>Look at example.org, and meet us at noon.</p>" } },
    { name: "an npm scope is no address", input: { html: "<p>The package @example/options.</p>" } },
    {
      name: "an undeclared address that is the whole text of a mailto link to it is left to mailto-undeclared",
      input: { html: '<p>Write to <a href="mailto:secure@example.org">secure@example.org</a>.</p>' },
    },
    {
      name: "an undeclared address as the whole text of a link to another address is left to mailto-text-mismatch",
      input: { html: '<p>Write to <a href="mailto:security@example.org">secure@example.org</a>.</p>' },
    },
  ],
  invalid: [
    {
      name: "an undeclared address in plain text",
      input: { html: "<h2>Reporting</h2>\n<p>Write to secure@example.org.</p>" },
      findings: [{ messageId: "undeclared", line: 2, column: 13, message: `secure@example.org is shown on the page but is not a declared address (${DECLARED}); ${ENDING}` }],
    },
    {
      name: "an address at a reserved example domain is still an address, and must be declared",
      input: { html: "<p>Write to security@example.com.</p>" },
      findings: [{ messageId: "undeclared", line: 1, column: 13 }],
    },
    {
      name: "an undeclared address in a table cell",
      input: { html: "<table>\n<tr><th>Team</th><th>Address</th></tr>\n<tr><td>Operations</td><td>ops@example.net</td></tr>\n</table>" },
      findings: [{ messageId: "undeclared", line: 3, column: 28 }],
    },
    {
      name: "the declared addresses are listed, the other addresses after the contacts",
      input: { html: "<p>Or ops@example.net</p>", contacts: [SECURITY, PSIRT], otherAddresses: [ANNOUNCE] },
      findings: [
        {
          messageId: "undeclared",
          line: 1,
          column: 7,
          message: `ops@example.net is shown on the page but is not a declared address (security@example.org, psirt@example.org; other addresses: announce@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "with a team, its address is listed before its members'",
      input: { html: "<p>Or ops@example.net</p>", contacts: TEAM },
      findings: [
        {
          messageId: "undeclared",
          line: 1,
          column: 7,
          message: `ops@example.net is shown on the page but is not a declared address (security@example.org, alice@example.org, bob@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "an address spelt out with square brackets",
      input: { html: "<p>Write to secure [at] example [dot] org.</p>" },
      findings: [
        {
          messageId: "undeclaredSpelt",
          line: 1,
          column: 13,
          message: `"secure [at] example [dot] org" spells out secure@example.org, which is not a declared address (${DECLARED}); ${ENDING}`,
        },
      ],
    },
    {
      name: "an address spelt out with round brackets in capitals",
      input: { html: "<p>Write to secure (AT) example (DOT) org.</p>" },
      findings: [{ messageId: "undeclaredSpelt", line: 1, column: 13 }],
    },
    {
      name: "an address spelt out with braces and a plain dot",
      input: { html: "<p>Write to secure{at}example.org.</p>" },
      findings: [{ messageId: "undeclaredSpelt", line: 1, column: 13, message: `"secure{at}example.org" spells out secure@example.org, which is not a declared address (${DECLARED}); ${ENDING}` }],
    },
    {
      name: "an address spelt out in words, across a line break of the source",
      input: { html: "<p>Write to secure at\nexample dot org.</p>" },
      findings: [{ messageId: "undeclaredSpelt", line: 1, column: 13, message: `"secure at example dot org" spells out secure@example.org, which is not a declared address (${DECLARED}); ${ENDING}` }],
    },
    {
      name: "an undeclared address among other words in a mailto link's text",
      input: { html: '<p><a href="mailto:security@example.org">write to secure@example.org</a></p>' },
      findings: [{ messageId: "undeclared", line: 1, column: 51 }],
    },
    {
      name: "an undeclared address that is the link text of a mailto link is reported once, by mailto-undeclared",
      input: { html: '<p>Or <a href="mailto:secure@example.org">secure@example.org</a>, or secure@example.org.</p>' },
      findings: [alsoFrom(mailtoUndeclared, "undeclaredRecipient", 1, 7), { messageId: "undeclared", line: 1, column: 70 }],
    },
    {
      name: "an address in an attribute a reader is shown",
      input: { html: '<p><abbr title="ops@example.net">Ops</abbr></p>' },
      findings: [{ messageId: "undeclared", line: 1, column: 4 }],
    },
    {
      name: "the adopted sample's address left in the text: each place it stands",
      input: {
        html: "<p>Use the following key to send secure messages to security@ballerina.io:</p>\n<ol>\n<li>The vulnerability will be reported privately to security@ballerina.io.</li>\n</ol>",
        contacts: [contact("security@acme.example", OTHER)],
      },
      findings: [
        { messageId: "undeclared", line: 1, column: 53, message: `security@ballerina.io is shown on the page but is not a declared address (security@acme.example); ${ENDING}` },
        { messageId: "undeclared", line: 3, column: 53 },
      ],
    },
    {
      name: "in a Markdown page, the finding is at the address's line and column in the Markdown",
      input: {
        html: "<h2>Reporting</h2>\n<p>Write to secure@example.org.</p>\n",
        markdown: { raw: `${FRONT_MATTER}## Reporting\n\nWrite to secure@example.org.\n`, before: "<main>", after: "</main>" },
      },
      findings: [{ messageId: "undeclared", line: 6, column: 10 }],
    },
    {
      name: "an address a layout writes is placed at the layout's line",
      input: {
        html: "<p>Text.</p>\n",
        markdown: { raw: `${FRONT_MATTER}Text.\n`, before: "<main>", after: "</main><footer>Questions: webmaster@example.net</footer>" },
        layouts: { "_includes/site-footer.njk": '<footer>\n  Questions: webmaster@example.net\n</footer>\n' },
      },
      findings: [{ messageId: "undeclared", line: 2, column: 14 }],
    },
    {
      name: "an address a layout prints from data no layout file holds is placed at the page, saying it comes from the layout",
      input: {
        html: "<p>Text.</p>\n",
        markdown: { raw: `${FRONT_MATTER}Text.\n`, before: "<main>", after: "</main><footer>Questions: webmaster@example.net</footer>" },
        layouts: { "_includes/site-footer.njk": "<footer>{{ questions }}</footer>\n" },
      },
      findings: [
        {
          messageId: "undeclaredInLayout",
          line: 1,
          column: 1,
          message: `webmaster@example.net is shown on the page by its layout (it is in neither this page's Markdown nor a file of the layouts: it comes from the data a layout prints), and is not a declared address (${DECLARED}): correct it where the layout takes it from, or declare it in the site data`,
        },
      ],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});

describe("where an address-undeclared finding is placed", () => {
  const page = (after: string, layouts: Record<string, string>) =>
    run({ html: "<p>Text.</p>\n", markdown: { raw: `${FRONT_MATTER}Text.\n`, before: "<main>", after }, layouts }).map((f) => `${f.file}:${f.line}:${f.column} ${f.messageId}`);

  it("in the layout file that writes it", () => {
    expect(page("</main><footer>Questions: webmaster@example.net</footer>", { "_includes/site-footer.njk": "<footer>\n  Questions: webmaster@example.net\n</footer>\n" })).toEqual([
      "_includes/site-footer.njk:2:14 undeclared",
    ]);
  });

  it("in the page, told as the layout's, when no file holds it", () => {
    expect(page("</main><footer>Questions: webmaster@example.net</footer>", {})).toEqual(["content/security.md:1:1 undeclaredInLayout"]);
  });

  it("in the page's front matter, when the layout prints it from there", () => {
    const found = run({
      html: "<p>Text.</p>\n",
      markdown: { raw: "---\nintro: Questions to webmaster@example.net\n---\nText.\n", before: "<p>Questions to webmaster@example.net</p><main>", after: "</main>" },
    });
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.messageId}`)).toEqual(["content/security.md:2:21 undeclared"]);
  });
});
