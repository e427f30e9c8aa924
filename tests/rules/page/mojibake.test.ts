import mojibake from "../../../src/rules/page/mojibake.ts";
import { testRule } from "../../support/rule-tester.ts";
import { runPage, type PageInput } from "./page-input.ts";

testRule<PageInput, typeof mojibake.messages>(mojibake, runPage, {
  valid: [
    { name: "text in several languages, with typographic quotes", input: { html: "<p>Größe, café, “quotes”, it’s, zł, Ελληνικά</p>" } },
    { name: "an accented capital ending a word before a closing quote", input: { html: "<p>They said “OLÉ”.</p>" } },
    { name: "plain ASCII", input: { html: "<p>Report to security@example.org.</p>" } },
    { name: "garbled text inside a script is not read", input: { html: "<script>var s = 'itâ€™s';</script><p>fine</p>" } },
  ],
  invalid: [
    {
      name: "a quote garbled through Windows-1252 names the character meant",
      input: { html: "<p>itâ€™s</p>" },
      findings: [{ messageId: "misDecoded", line: 1, column: 6, message: '"â€™" is UTF-8 text mis-decoded as Windows-1252; write "’" instead' }],
    },
    {
      name: "a letter garbled twice is repaired twice",
      input: { html: "<p>\n  cafÃƒÂ©\n</p>" },
      findings: [{ messageId: "misDecoded", line: 2, column: 6, message: '"ÃƒÂ©" is UTF-8 text mis-decoded as Windows-1252; write "é" instead' }],
    },
    {
      name: "a garbled no-break space is written as an escape in the message",
      input: { html: "<p>100Â\u00A0km</p>" },
      findings: [{ messageId: "misDecoded", line: 1, column: 7, message: '"Â\\u00A0" is UTF-8 text mis-decoded as Windows-1252; write "\\u00A0" instead' }],
    },
    {
      name: "a garbled no-break space flattened to a plain space",
      input: { html: "<p>100Â km</p>" },
      findings: [{ messageId: "misDecoded", line: 1, column: 7, message: '"Â " is UTF-8 text mis-decoded as Windows-1252; write "\\u00A0" instead' }],
    },
    {
      // An attribute's text is counted from its element's start: the place is near, not exact.
      name: "garbled text in an attribute a reader sees",
      input: { html: '<img alt="cafÃ©" src="a.png">' },
      findings: [{ messageId: "misDecoded", line: 1, column: 4 }],
    },
    {
      name: "a replacement character says bytes were lost",
      input: { html: "<p>caf\uFFFD</p>" },
      findings: [
        {
          messageId: "replacementCharacter",
          line: 1,
          column: 7,
          message: '"\uFFFD" is U+FFFD, the replacement character: bytes were lost when this text was decoded; retype what was meant from the original',
        },
      ],
    },
    {
      name: "a run of replacement characters is one finding",
      input: { html: "<p>a\uFFFD\uFFFD\uFFFDb</p>" },
      findings: [{ messageId: "replacementCharacter", line: 1, column: 5, message: '"\uFFFD\uFFFD\uFFFD" is U+FFFD, the replacement character: bytes were lost when this text was decoded; retype what was meant from the original' }],
    },
    {
      name: "a letter cut short by a replacement character asks to retype it",
      input: { html: "<p>caf\u00C3\uFFFD</p>" },
      findings: [
        {
          messageId: "lostByte",
          line: 1,
          column: 7,
          message: '"Ã\uFFFD" is a UTF-8 character mis-decoded as Windows-1252 that lost a byte (U+FFFD); retype the character that was meant',
        },
      ],
    },
    {
      name: "a quote cut short by a replacement character suggests the closing double quote",
      input: { html: "<p>“fineâ€\uFFFD</p>" },
      findings: [
        {
          messageId: "lostByteOfQuote",
          line: 1,
          column: 9,
          message: '"â€\uFFFD" is a UTF-8 character mis-decoded as Windows-1252 that lost a byte (U+FFFD); retype the character that was meant (most likely "”")',
        },
      ],
    },
    {
      name: "each garbled stretch of a text is reported, in order",
      input: { html: "<p>itâ€™s a cafÃ© \uFFFD</p>" },
      findings: [
        { messageId: "misDecoded", line: 1, column: 6 },
        { messageId: "misDecoded", line: 1, column: 16 },
        { messageId: "replacementCharacter", line: 1, column: 19 },
      ],
    },
  ],
  // The doc page's example is part of a rendered page.
  example: (text) => ({ html: text }),
});
