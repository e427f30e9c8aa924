/**
 * suppression-unknown on pages with comments that name no rule, a rule id mistyped (up to three
 * edits from a real one, which the message suggests) or an id that is no rule at all. An enable
 * that names no rule is allowed, and comments inside fenced code are not read.
 */
import suppressionUnknown from "../../../src/rules/source/suppression-unknown.ts";
import { testRule } from "../../support/rule-tester.ts";
import { page, pageText, reported, runSuppressions } from "./suppression-input.ts";

testRule(suppressionUnknown, runSuppressions, {
  example: (text) => pageText(text),
  valid: [
    { name: "a comment that names a rule that reports on the next line", input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©"], reported("mojibake", 2)) },
    {
      name: "an enable that names no rule, which turns back on every rule turned off",
      input: page(["<!-- policy-checks-disable mojibake -->", "Ã©", "<!-- policy-checks-enable -->"], reported("mojibake", 2)),
    },
    { name: "an enable that names no rule with nothing turned off", input: page(["text", "<!-- policy-checks-enable -->"]) },
    { name: "comments with no rule and an unknown id inside fenced code", input: page(["```html", "<!-- policy-checks-disable -->", "<!-- policy-checks-disable-next-line zzz -->", "```"]) },
  ],
  invalid: [
    {
      name: "a disable-next-line that names no rule",
      input: page(["<!-- policy-checks-disable-next-line -->", "text"], reported("mojibake", 2)),
      findings: [
        {
          messageId: "noRule",
          line: 1,
          column: 1,
          message: "<!-- policy-checks-disable-next-line --> names no rule, so it turns nothing off; name the rules, e.g. <!-- policy-checks-disable-next-line fingerprint-malformed -->",
        },
      ],
    },
    {
      name: "a disable-line that names no rule, after text on its line",
      input: page(["intro", "Some text <!-- policy-checks-disable-line -->"]),
      findings: [
        { messageId: "noRule", line: 2, column: 11, message: "<!-- policy-checks-disable-line --> names no rule, so it turns nothing off; name the rules, e.g. <!-- policy-checks-disable-line fingerprint-malformed -->" },
      ],
    },
    {
      name: "a disable that names no rule",
      input: page(["<!--policy-checks-disable-->", "text"]),
      findings: [{ messageId: "noRule", line: 1, column: 1, message: "<!-- policy-checks-disable --> names no rule, so it turns nothing off; name the rules, e.g. <!-- policy-checks-disable fingerprint-malformed -->" }],
    },
    {
      name: "an id one letter off a rule's, which turns nothing off",
      input: page(["<!-- policy-checks-disable-next-line fingerprint-malfromed -->", "7FC1"], reported("fingerprint-malformed", 2)),
      findings: [
        {
          messageId: "mistypedRule",
          line: 1,
          column: 1,
          message: '"fingerprint-malfromed" in <!-- policy-checks-disable-next-line --> is not a rule id; did you mean "fingerprint-malformed"? Every rule is listed in docs/rules/',
        },
      ],
    },
    {
      name: "an id three letters off a rule's, the farthest that is suggested",
      input: page(["<!-- policy-checks-disable mojibakexyz -->"]),
      findings: [{ messageId: "mistypedRule", line: 1, column: 1, message: '"mojibakexyz" in <!-- policy-checks-disable --> is not a rule id; did you mean "mojibake"? Every rule is listed in docs/rules/' }],
    },
    {
      name: "an id four letters off any rule's, which is suggested nothing",
      input: page(["<!-- policy-checks-disable mojibakewxyz -->"]),
      findings: [{ messageId: "unknownRule", line: 1, column: 1, message: '"mojibakewxyz" in <!-- policy-checks-disable --> is not a rule id. Every rule is listed in docs/rules/' }],
    },
    {
      name: "an id like no rule's, in an enable",
      input: page(["text", "<!-- policy-checks-enable zzz -->"]),
      findings: [{ messageId: "unknownRule", line: 2, column: 1, message: '"zzz" in <!-- policy-checks-enable --> is not a rule id. Every rule is listed in docs/rules/' }],
    },
    {
      name: "an unknown id beside a known one, which is still turned off",
      input: page(["<!-- policy-checks-disable-next-line zzz mojibake -->", "Ã©"], reported("mojibake", 2)),
      findings: [{ messageId: "unknownRule", line: 1, column: 1 }],
    },
    {
      name: "two unknown ids in one comment, each reported in the order written",
      input: page(["<!-- policy-checks-disable-line mojibak zzz -->"]),
      findings: [
        { messageId: "mistypedRule", line: 1, column: 1 },
        { messageId: "unknownRule", line: 1, column: 1 },
      ],
    },
  ],
});
