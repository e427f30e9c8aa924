import { describe, expect, it } from "vitest";
import fingerprintMalformed from "../../../src/rules/page/fingerprint-malformed.ts";
import { checkFingerprint } from "../../../src/rules/page/fingerprint-malformed.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { testRule } from "../../support/rule-tester.ts";
import { contact, GROUPED, HEX, runPage, SECURITY, V6, type PageInput } from "./page-input.ts";

const V6_GROUPED = formatFingerprint({ version: 6, hex: V6 });

/** "security@example.org: <fingerprint>": the fingerprint at line 1, column 26. */
const shown = (fingerprint: string, contacts = [SECURITY]): PageInput => ({ html: `<p>security@example.org: ${fingerprint}</p>`, contacts });

const COPY_AGAIN = "a v4 fingerprint has 40 and a v6 fingerprint has 64. Copy it again from `gpg --fingerprint`";

testRule(fingerprintMalformed, runPage, {
  valid: [
    { name: "a fingerprint in groups of four with single spaces", input: shown(GROUPED) },
    { name: "a fingerprint with gpg's double space in the middle", input: shown("7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91") },
    { name: "a fingerprint unbroken and in lower case", input: shown(HEX.toLowerCase()) },
    { name: "a fingerprint written with 0x", input: shown(`0x${HEX}`) },
    { name: "a fingerprint grouped with non-breaking spaces", input: shown(GROUPED.replace(/ /g, "&nbsp;")) },
    { name: "a v6 fingerprint of 64 digits", input: shown(V6_GROUPED, [contact("security@example.org", V6)]) },
    { name: "prose with hex-looking words and numbers", input: { html: "<p>Deaf bead face cafe fade dead beef babe; version 1.2.3 of 2024-01-01.</p>" } },
  ],
  invalid: [
    {
      name: "a fingerprint with a letter that is not hex",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9G"),
      findings: [
        {
          messageId: "notHex",
          line: 1,
          column: 26,
          message: 'fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9G" has "G", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
        },
      ],
    },
    {
      name: "a stray lower-case letter is quoted as written, not in upper case",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9g"),
      findings: [
        {
          messageId: "notHex",
          line: 1,
          column: 26,
          message: 'fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9g" has "g", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
        },
      ],
    },
    {
      name: "a letter that is not hex is reported before a digit too few",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3EG"),
      findings: [{ messageId: "notHex", line: 1, column: 26 }],
    },
    {
      name: "a gap of three spaces between two groups",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3   3A73 E880 C9B8 C5B5 3E91"),
      findings: [
        {
          messageId: "gapTooWide",
          line: 1,
          column: 26,
          message:
            'fingerprint "7FC1 6F16 A8B3 D4C7 4BC3   3A73 E880 C9B8 C5B5 3E91" has a gap of more than two spaces; separate the groups of four with one space (two in the middle, as gpg prints it)',
        },
      ],
    },
    {
      name: "a gap of three spaces is reported before a digit too few",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3   3A73 E880 C9B8 C5B5 3E9"),
      findings: [{ messageId: "gapTooWide", line: 1, column: 26 }],
    },
    {
      name: "a fingerprint a digit short",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9"),
      findings: [{ messageId: "wrongDigitCount", line: 1, column: 26, message: `fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9" has 39 hex digits; ${COPY_AGAIN}` }],
    },
    {
      name: "an unbroken fingerprint a digit long",
      input: shown(`${HEX}0`),
      findings: [{ messageId: "wrongDigitCount", line: 1, column: 26, message: `fingerprint "${HEX}0" has 41 hex digits; ${COPY_AGAIN}` }],
    },
    {
      name: "a fingerprint a group short",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5"),
      findings: [{ messageId: "wrongDigitCount", line: 1, column: 26, message: `fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5" has 36 hex digits; ${COPY_AGAIN}` }],
    },
    {
      name: "a v6 fingerprint a digit short",
      input: shown(V6.slice(1), [contact("security@example.org", V6)]),
      findings: [{ messageId: "wrongDigitCount", line: 1, column: 26, message: `fingerprint "${V6.slice(1)}" has 63 hex digits; ${COPY_AGAIN}` }],
    },
    {
      name: "a fingerprint with a group of three and one of five",
      input: shown("7FC1 6F1 6A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91"),
      findings: [
        {
          messageId: "groupNotFour",
          line: 1,
          column: 26,
          message: 'fingerprint "7FC1 6F1 6A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91" has a group "6F1" of 3 digits; write it in groups of four, or unbroken',
        },
      ],
    },
    {
      name: "a fingerprint with a group of two at the end",
      input: shown("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E 91"),
      findings: [{ messageId: "groupNotFour", line: 1, column: 26, message: 'fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E 91" has a group "3E" of 2 digits; write it in groups of four, or unbroken' }],
    },
    {
      name: "each malformed fingerprint of a page, at its own line",
      input: { html: `<p>security@example.org: ${HEX.slice(1)}</p>\n<p>Also: <code>${GROUPED.slice(0, -1)}G</code></p>` },
      findings: [
        { messageId: "wrongDigitCount", line: 1, column: 26 },
        { messageId: "notHex", line: 2, column: 16 },
      ],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});

describe("a fingerprint read on its own", () => {
  it("is the fingerprint when it is well formed", () => {
    expect(checkFingerprint(` 0x${HEX.toLowerCase()} `)).toEqual({ fingerprint: { version: 4, hex: HEX } });
  });

  it("is this rule's problem, in its words, when it is not", () => {
    expect(checkFingerprint("0168 DA26")).toEqual({
      problem: { rule: "fingerprint-malformed", messageId: "wrongDigitCount", severity: "error", message: `fingerprint "0168 DA26" has 8 hex digits; ${COPY_AGAIN}` },
    });
  });
});
