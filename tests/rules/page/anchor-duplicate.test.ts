import anchorDuplicate from "../../../src/rules/page/anchor-duplicate.ts";
import { testRule } from "../../support/rule-tester.ts";
import { runPage, type PageInput } from "./page-input.ts";

testRule<PageInput, typeof anchorDuplicate.messages>(anchorDuplicate, runPage, {
  valid: [
    { name: "every id is used once", input: { html: '<h2 id="reporting">R</h2>\n<h2 id="scope">S</h2>' } },
    { name: "an id used once, with a link to it", input: { html: '<h2 id="scope">S</h2>\n<a href="#scope">scope</a>' } },
    { name: "a page without ids", input: { html: "<p>Nothing to link to.</p>" } },
  ],
  invalid: [
    {
      name: "an id used twice is reported at its second use",
      input: { html: '<h2 id="scope">Scope</h2>\n<p>Text.</p>\n<h3 id="scope">Also scope</h3>' },
      findings: [{ messageId: "duplicate", line: 3, column: 1, message: 'id "scope" is used 2 times on this page; ids must be unique so links land in one place' }],
    },
    {
      name: "an id used three times is reported at its second and third use, each saying three",
      input: { html: '<p id="a">1</p><p id="a">2</p>\n<p id="a">3</p>' },
      findings: [
        { messageId: "duplicate", line: 1, column: 16, message: 'id "a" is used 3 times on this page; ids must be unique so links land in one place' },
        { messageId: "duplicate", line: 2, column: 1, message: 'id "a" is used 3 times on this page; ids must be unique so links land in one place' },
      ],
    },
    {
      name: "a link's name and an element's id are one namespace",
      input: { html: '<h2 id="keys">Keys</h2>\n<a name="keys">old anchor</a>' },
      findings: [{ messageId: "duplicate", line: 2, column: 1 }],
    },
  ],
  // The doc page's example is part of a rendered page.
  example: (text) => ({ html: text }),
});
