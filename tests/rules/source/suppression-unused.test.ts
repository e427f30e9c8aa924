/**
 * suppression-unused on pages whose comments turn a rule off where it reports nothing: over a
 * line or lines without its finding (the comment's own line, the enable's line, another rule's
 * or another file's finding do not count), a rule no comment may turn off, an enable with no
 * disable before it, and a second disable of a rule already off.
 */
import suppressionUnused from "../../../src/rules/source/suppression-unused.ts";
import { testRule } from "../../support/rule-tester.ts";
import { page, pageText, reported, runSuppressions } from "./suppression-input.ts";

testRule(suppressionUnused, runSuppressions, {
  example: (text) => pageText(text),
  valid: [
    { name: "a disable-next-line over the rule's finding", input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©"], reported("mojibake", 2)) },
    { name: "a disable-line on the rule's finding", input: page(["Ã© <!-- policy-checks-disable-line mojibake -->"], reported("mojibake", 1)) },
    {
      name: "a block with the rule's finding on its last line, closed by an enable",
      input: page(["<!-- policy-checks-disable mojibake -->", "a", "Ã©", "<!-- policy-checks-enable mojibake -->"], reported("mojibake", 3)),
    },
    { name: "a block left open with the rule's finding on the last line", input: page(["<!-- policy-checks-disable anchor-missing -->", "a", "[b](#b)"], reported("anchor-missing", 3)) },
    {
      name: "two rules in one comment, each with its finding",
      input: page(["<!-- policy-checks-disable-next-line fingerprint-mismatch mojibake -->", "Ã© 7FC1"], reported("fingerprint-mismatch", 2), reported("mojibake", 2)),
    },
    {
      name: "a rule turned off again after an enable closed the first block",
      input: page(["<!-- policy-checks-disable mojibake -->", "Ã©", "<!-- policy-checks-enable -->", "<!-- policy-checks-disable mojibake -->", "Ã©"], reported("mojibake", 2), reported("mojibake", 5)),
    },
  ],
  invalid: [
    {
      name: "a disable-next-line over a line where the rule reports nothing",
      input: page(["<!-- policy-checks-disable-next-line mojibake -->", "fine", "Ã©"], reported("mojibake", 3)),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 1, message: "<!-- policy-checks-disable-next-line --> turns mojibake off on line 2, where it reports nothing; remove mojibake from the comment" }],
    },
    {
      name: "a disable-next-line whose rule reports on the comment's own line",
      input: page(["Ã© <!-- policy-checks-disable-next-line mojibake -->", "fine"], reported("mojibake", 1)),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 4 }],
    },
    {
      name: "a disable-line where the rule reports on the next line",
      input: page(["text <!-- policy-checks-disable-line mojibake -->", "Ã©"], reported("mojibake", 2)),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 6, message: "<!-- policy-checks-disable-line --> turns mojibake off on line 1, where it reports nothing; remove mojibake from the comment" }],
    },
    {
      name: "a disable-next-line over another rule's finding",
      input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©"], reported("fingerprint-mismatch", 2)),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 1 }],
    },
    {
      name: "a disable-next-line over a line where the rule reports in another file",
      input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©"], reported("mojibake", 2, "_includes/site-footer.njk")),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 1 }],
    },
    {
      name: "a block where the rule reports nothing",
      input: page(["<!-- policy-checks-disable mojibake -->", "a", "b", "<!-- policy-checks-enable mojibake -->", "Ã©"], reported("mojibake", 5)),
      findings: [{ messageId: "nothingOnLines", line: 1, column: 1, message: "<!-- policy-checks-disable --> turns mojibake off on lines 2 to 3, where it reports nothing; remove mojibake from the comment" }],
    },
    {
      name: "a block whose rule reports only on the enable's line, which the block does not cover",
      input: page(["<!-- policy-checks-disable mojibake -->", "a", "Ã© <!-- policy-checks-enable mojibake -->"], reported("mojibake", 3)),
      findings: [{ messageId: "nothingOnLine", line: 1, column: 1, message: "<!-- policy-checks-disable --> turns mojibake off on line 2, where it reports nothing; remove mojibake from the comment" }],
    },
    {
      name: "a block left open to the end of a page where the rule reports nothing",
      input: page(["<!-- policy-checks-disable mojibake -->", "a", "b"]),
      findings: [{ messageId: "nothingOnLines", line: 1, column: 1, message: "<!-- policy-checks-disable --> turns mojibake off on lines 2 to 4, where it reports nothing; remove mojibake from the comment" }],
    },
    {
      name: "a rule that reads no page's text",
      input: page(["<!-- policy-checks-disable-next-line key-expired -->", "x"]),
      findings: [
        {
          messageId: "notPageRule",
          line: 1,
          column: 1,
          message: "key-expired does not read a page's text, so no comment in a page turns it off; remove key-expired from the comment and fix what it reports (see docs/rules/key-expired.md)",
        },
      ],
    },
    {
      name: "this rule itself, which no comment turns off",
      input: page(["<!-- policy-checks-disable suppression-unused -->"]),
      findings: [{ messageId: "notPageRule", line: 1, column: 1 }],
    },
    {
      name: "an enable for a rule no comment before it turned off",
      input: page(["text", "<!-- policy-checks-enable mojibake -->"]),
      findings: [{ messageId: "enableWithoutDisable", line: 2, column: 1, message: "<!-- policy-checks-enable --> turns mojibake back on, but no comment before it turned mojibake off; remove mojibake from the comment" }],
    },
    {
      name: "an enable for a rule whose block an earlier enable closed",
      input: page(["<!-- policy-checks-disable mojibake -->", "Ã©", "<!-- policy-checks-enable mojibake -->", "<!-- policy-checks-enable mojibake -->"], reported("mojibake", 2)),
      findings: [{ messageId: "enableWithoutDisable", line: 4, column: 1 }],
    },
    {
      name: "an enable after a disable-next-line, which opens no block",
      input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©", "<!-- policy-checks-enable mojibake -->"], reported("mojibake", 2)),
      findings: [{ messageId: "enableWithoutDisable", line: 3, column: 1 }],
    },
    {
      name: "a second disable of a rule whose block is still open",
      input: page(["<!-- policy-checks-disable mojibake -->", "Ã©", "<!-- policy-checks-disable mojibake -->", "Ã©"], reported("mojibake", 2), reported("mojibake", 4)),
      findings: [{ messageId: "alreadyDisabled", line: 3, column: 1, message: "mojibake is already turned off by the comment on line 1; remove mojibake from this comment" }],
    },
    {
      name: "the findings of the comments in their order, then the blocks that hid nothing",
      input: page(["<!-- policy-checks-disable-next-line mojibake -->", "fine", "<!-- policy-checks-disable-line key-expired -->"]),
      findings: [
        { messageId: "notPageRule", line: 3, column: 1 },
        { messageId: "nothingOnLine", line: 1, column: 1 },
      ],
    },
  ],
});
