/**
 * suppression-forbidden on pages with comments that name a rule keeping a secret from being
 * published (key-private, output-secret), in any kind of comment. The finding it would hide
 * stays, and the other rules the comment names are still turned off.
 */
import suppressionForbidden from "../../../src/rules/source/suppression-forbidden.ts";
import { testRule } from "../../support/rule-tester.ts";
import { page, pageText, reported, runSuppressions } from "./suppression-input.ts";

testRule(suppressionForbidden, runSuppressions, {
  example: (text) => pageText(text),
  valid: [
    { name: "a comment that turns off a rule that reads the page's text", input: page(["<!-- policy-checks-disable-next-line mojibake -->", "Ã©"], reported("mojibake", 2)) },
    { name: "the syntax shown in fenced code, naming key-private", input: page(["~~~", "<!-- policy-checks-disable key-private -->", "~~~"]) },
  ],
  invalid: [
    {
      name: "a comment that would turn key-private off over a private key",
      input: page(["<!-- policy-checks-disable-next-line key-private -->", "-----BEGIN PGP PRIVATE KEY BLOCK-----"], reported("key-private", 2)),
      findings: [
        {
          messageId: "keepsSecret",
          line: 1,
          column: 1,
          message: "key-private cannot be turned off: it keeps secret key material from being published. Remove key-private from the comment and fix what it reports",
        },
      ],
    },
    {
      name: "output-secret in a disable-line",
      input: page(["text <!-- policy-checks-disable-line output-secret -->"]),
      findings: [
        { messageId: "keepsSecret", line: 1, column: 6, message: "output-secret cannot be turned off: it keeps secret key material from being published. Remove output-secret from the comment and fix what it reports" },
      ],
    },
    {
      name: "key-private beside mojibake, which the comment still turns off",
      input: page(["<!-- policy-checks-disable-next-line key-private mojibake -->", "Ã©"], reported("mojibake", 2), reported("key-private", 2)),
      findings: [{ messageId: "keepsSecret", line: 1, column: 1 }],
    },
    {
      name: "key-private in an enable",
      input: page(["text", "<!-- policy-checks-enable key-private -->"]),
      findings: [{ messageId: "keepsSecret", line: 2, column: 1 }],
    },
  ],
});
