import anchorMissing from "../../../src/rules/page/anchor-missing.ts";
import anchorDuplicate from "../../../src/rules/page/anchor-duplicate.ts";
import { testRule } from "../../support/rule-tester.ts";
import { alsoFrom, runPage, type PageInput } from "./page-input.ts";

testRule<PageInput, typeof anchorMissing.messages>(anchorMissing, runPage, {
  valid: [
    { name: "a link to an id on the page", input: { html: '<h2 id="scope">Scope</h2>\n<a href="#scope">see scope</a>' } },
    { name: "a link to a link's name", input: { html: '<a name="top"></a>\n<a href="#top">back to the top</a>' } },
    { name: 'a bare "#" links to the top of the page', input: { html: '<a href="#">top</a>' } },
    { name: "a link to another page's fragment is not this page's business", input: { html: '<a href="/policy/#scope">scope</a> <a href="https://example.org/#x">x</a>' } },
    { name: "a percent-escaped fragment names the id it decodes to", input: { html: '<h2 id="café">Café</h2>\n<a href="#caf%C3%A9">café</a>' } },
    { name: "a fragment with a broken escape names the id as written", input: { html: '<h2 id="100%ZZ">odd</h2>\n<a href="#100%ZZ">odd</a>' } },
  ],
  invalid: [
    {
      name: "a link to an id no element has, with nothing like it on the page",
      input: { html: '<h2 id="scope">Scope</h2>\n<p>See <a href="#rewards">rewards</a>.</p>' },
      findings: [{ messageId: "noTarget", line: 2, column: 8, message: 'link to "#rewards" has no target: no element on this page has id "rewards"' }],
    },
    {
      name: "a link whose id differs from one on the page only in case suggests that one",
      input: { html: '<h2 id="reporting-a-vulnerability">R</h2>\n<a href="#Reporting-a-vulnerability">see</a>' },
      findings: [
        {
          messageId: "noTargetDidYouMean",
          line: 2,
          column: 1,
          message: 'link to "#Reporting-a-vulnerability" has no target: no element on this page has id "Reporting-a-vulnerability"; did you mean "#reporting-a-vulnerability"?',
        },
      ],
    },
    {
      name: "a link whose id differs from one on the page only in hyphens suggests that one",
      input: { html: '<h2 id="safe-harbor">S</h2>\n<a href="#safeharbor">see</a>' },
      findings: [{ messageId: "noTargetDidYouMean", line: 2, column: 1, message: 'link to "#safeharbor" has no target: no element on this page has id "safeharbor"; did you mean "#safe-harbor"?' }],
    },
    {
      name: "an id that differs in case and in hyphens is not suggested",
      input: { html: '<h2 id="safe-harbor">S</h2>\n<a href="#SafeHarbor">see</a>' },
      findings: [{ messageId: "noTarget", line: 2, column: 1 }],
    },
    {
      name: "an empty id is never suggested",
      input: { html: '<p id="">x</p>\n<a href="#-">dash</a>' },
      findings: [{ messageId: "noTarget", line: 2, column: 1, message: 'link to "#-" has no target: no element on this page has id "-"' }],
    },
    {
      name: "a percent-escaped fragment is reported with the id it decodes to",
      input: { html: '<a href="#caf%C3%A9">café</a>' },
      findings: [{ messageId: "noTarget", line: 1, column: 1, message: 'link to "#caf%C3%A9" has no target: no element on this page has id "café"' }],
    },
    {
      name: "a fragment with a broken escape is reported with the id as written",
      input: { html: '<a href="#100%ZZ">odd</a>' },
      findings: [{ messageId: "noTarget", line: 1, column: 1, message: 'link to "#100%ZZ" has no target: no element on this page has id "100%ZZ"' }],
    },
    {
      name: "each broken link is reported, in page order",
      input: { html: '<a href="#one">1</a>\n<a href="#two">2</a>' },
      findings: [
        { messageId: "noTarget", line: 1, column: 1 },
        { messageId: "noTarget", line: 2, column: 1 },
      ],
    },
    {
      name: "an id used twice and a link to a missing one: both rules report, in page order",
      input: { html: '<a href="#gone">gone</a>\n<p id="x">1</p><p id="x">2</p>' },
      findings: [
        { messageId: "noTarget", line: 1, column: 1 },
        alsoFrom(anchorDuplicate, "duplicate", 2, 16),
      ],
    },
  ],
  // The doc page's example is part of a rendered page.
  example: (text) => ({ html: text }),
});
