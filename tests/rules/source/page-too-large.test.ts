/**
 * page-too-large on page files around the limit: at the limit is a page, one byte over is not;
 * the sizes are given in MB to one decimal. A page too large is not read further, so its
 * encoding is not checked.
 */
import pageTooLarge from "../../../src/rules/source/page-too-large.ts";
import { testRule } from "../../support/rule-tester.ts";
import { MB, runPageFile, sized, utf8 } from "./page-file-input.ts";

/** The doc page's example: its lines over and over, to 1.1 MB. */
const repeatedTo1point1MB = (text: string) => utf8(text.repeat(Math.ceil((1.1 * MB) / Buffer.byteLength(text))));

testRule(pageTooLarge, runPageFile, {
  example: (text) => repeatedTo1point1MB(text),
  valid: [
    { name: "a page of 1 KB", input: sized(1024) },
    { name: "a page of exactly 1 MB, the limit", input: sized(MB) },
    { name: "a page of exactly the limit an option sets", input: sized(100, "a", 100) },
  ],
  invalid: [
    {
      name: "a page one byte over 1 MB",
      input: sized(MB + 1),
      findings: [{ messageId: "tooLarge", line: 1, column: 1, message: "the page is 1.0 MB, over the 1.0 MB a policy page may be; is this the right file?" }],
    },
    {
      name: "a page of 1.1 MB",
      input: sized(1_153_434),
      findings: [{ messageId: "tooLarge", line: 1, column: 1, message: "the page is 1.1 MB, over the 1.0 MB a policy page may be; is this the right file?" }],
    },
    {
      name: "a page one byte over a limit of 2 MB",
      input: sized(2 * MB + 1, "a", 2 * MB),
      findings: [{ messageId: "tooLarge", line: 1, column: 1, message: "the page is 2.0 MB, over the 2.0 MB a policy page may be; is this the right file?" }],
    },
    {
      name: "a page too large and not UTF-8, which is reported only as too large",
      input: sized(101, "\u00E9", 100),
      findings: [{ messageId: "tooLarge", line: 1, column: 1, message: "the page is 0.0 MB, over the 0.0 MB a policy page may be; is this the right file?" }],
    },
  ],
});
