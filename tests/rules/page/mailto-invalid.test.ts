import { describe, expect, it } from "vitest";
import { placed, type Finding } from "../../../src/findings/finding.ts";
import { formatMailto } from "../../../src/formats/mailto.ts";
import mailtoInvalid from "../../../src/rules/page/mailto-invalid.ts";
import { checkMailto, mailtoReason } from "../../../src/rules/page/mailto-invalid.ts";
import { positionOf, testRule } from "../../support/rule-tester.ts";
import { runPage, SECURITY, type PageInput } from "./page-input.ts";

/**
 * A link's problems, each placed at its offset in the href (line 1 unless the href holds a line
 * break); or, for the doc page's example, a rendered page's findings, each placed at its link.
 */
function run(input: string | PageInput): Finding[] {
  if (typeof input !== "string") return runPage(input);
  return checkMailto(input).problems.map((p) => placed(p, "link", positionOf(input, p.index ?? 0)));
}

/** What every message of the rule starts with: the link it is about. */
const link = (href: string) => `mailto link "${href}": `;

const EXAMPLE = "e.g. mailto:security@example.org";
const NOT_AN_ADDRESS = "is not an email address:";

/** A link with one address problem: the case, its message id, its column and the reason after "is not an email address: ". */
type AddressCase = [name: string, href: string, address: string, messageId: keyof typeof mailtoInvalid.messages, column: number, reason: string];

const ADDRESSES: AddressCase[] = [
  ["a quoted mailbox name with nothing after it", "mailto:%22a%22", '"a"', "addressQuotedWithoutAt", 8, 'it has no "@"; write "@" and the domain after the closing quote'],
  ["a letter after the closing quote", "mailto:%22a%22b@example.org", '"a"b@example.org', "addressAfterQuote", 15, 'it has "b" after the closing double quote; put the "@" right after the closing quote'],
  ["an address without @", "mailto:security.example.org", "security.example.org", "addressWithoutAt", 8, 'it has no "@"; write it as mailbox@domain, e.g. security@example.org'],
  ["nothing before the @", "mailto:@example.org", "@example.org", "addressNothingBeforeAt", 8, 'it has nothing before the "@"; write the mailbox name before the "@", e.g. security@example.org'],
  ["a mailbox name that starts with a dot", "mailto:.a@example.org", ".a@example.org", "addressLocalStartsWithDot", 8, 'the part before "@" starts with "."; remove that "."'],
  ["a mailbox name that ends with a dot", "mailto:a.@example.org", "a.@example.org", "addressLocalEndsWithDot", 9, 'the part before "@" ends with "."; remove that "."'],
  ["two dots in a row in the mailbox name", "mailto:a..b@example.org", "a..b@example.org", "addressLocalEmptyLabel", 10, 'the part before "@" has an empty label (".."); remove the extra "."'],
  [
    "a parenthesis in the mailbox name",
    "mailto:a(b)@example.org",
    "a(b)@example.org",
    "addressLocalCharacter",
    9,
    '"(" is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
  ],
  [
    "an encoded space in the mailbox name",
    "mailto:security%20@example.org",
    "security @example.org",
    "addressLocalCharacter",
    16,
    'a space is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
  ],
  ["two @", "mailto:a@b@example.org", "a@b@example.org", "addressManyAt", 11, 'it has two "@"; keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org'],
  ["three @", "mailto:a@b@c@example.org", "a@b@c@example.org", "addressManyAt", 11, 'it has three "@"; keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org'],
  ["nothing after the @", "mailto:security@", "security@", "addressNothingAfterAt", 16, 'it has nothing after the "@"; write the domain after the "@", e.g. security@example.org'],
  ["a domain that starts with a dot", "mailto:a@.example.org", "a@.example.org", "addressDomainStartsWithDot", 10, 'its domain starts with "."; remove that "."'],
  ["a domain that ends with a dot", "mailto:a@example.org.", "a@example.org.", "addressDomainEndsWithDot", 21, 'its domain ends with "."; remove that "."'],
  ["two dots in a row in the domain", "mailto:a@example..org", "a@example..org", "addressDomainEmptyLabel", 18, 'its domain has an empty label (".."); remove the extra "."'],
  ["a parenthesis in the domain", "mailto:a@exa(mple.org", "a@exa(mple.org", "addressDomainCharacter", 13, '"(" is not allowed in its domain; remove it; a domain is dot-separated labels, e.g. example.org'],
  ["text after a domain literal", "mailto:a@%5B192.0.2.1%5Dx", "a@[192.0.2.1]x", "addressLiteralTextAfter", 25, 'it has text after the "]" of its domain; remove it'],
  [
    "a space inside a domain literal",
    "mailto:a@%5B192%200.2.1%5D",
    "a@[192 0.2.1]",
    "addressLiteralCharacter",
    16,
    "a space is not allowed inside the [ ] of its domain; remove it; a domain literal holds an address such as [192.0.2.1]",
  ],
  ["a domain literal never closed", "mailto:a@%5B192.0.2.1", "a@[192.0.2.1", "addressLiteralUnclosed", 10, 'the "[" of its domain is never closed; end the domain with "]" (%5D in the link)'],
  ["a line break inside quotes", "mailto:%22a%0Ab%22@example.org", '"a\nb"@example.org', "addressQuotedCharacter", 12, "control character U+000A cannot appear inside quotes; remove it"],
  ["a control character escaped inside quotes", "mailto:%22a%5C%01%22@example.org", '"a\\\u0001"@example.org', "addressQuotedCharacter", 15, "control character U+0001 cannot appear inside quotes; remove it"],
  [
    "a quote never closed",
    "mailto:%22a@example.org",
    '"a@example.org',
    "addressQuoteUnclosed",
    8,
    'its opening double quote is never closed; end the quoted part with a double quote (%22 in the link) before the "@"',
  ],
];

const LONG = `https://example.org/${"a".repeat(20)}`;

testRule(mailtoInvalid, run, {
  valid: [
    { name: "a link to one address", input: "mailto:security@example.org" },
    { name: "a scheme in mixed case", input: "MailTo:security@example.org" },
    { name: "a subject and a body, percent-encoded", input: "mailto:security@example.org?subject=Vulnerability%20report&body=Hello%0D%0Aworld" },
    { name: "two addresses separated by a comma", input: "mailto:a@example.org,b@example.org" },
    { name: "no address before the question mark and one in a to field", input: "mailto:?to=security@example.org" },
    { name: "a quoted mailbox name holding an encoded @", input: "mailto:%22not%40me%22@example.org" },
    { name: "a domain literal", input: "mailto:postmaster@%5B192.0.2.1%5D" },
    { name: "a percent-encoded internationalized domain", input: "mailto:user@%E7%B4%8D%E8%B1%86.example.org" },
    { name: "the characters a header value may hold raw", input: "mailto:a@example.org?subject=!$'()*+,;:@" },
    { name: "escapes in lower case", input: "mailto:a@example.org?subject=caf%c3%a9" },
    { name: "an empty header value", input: "mailto:a@example.org?subject=" },
  ],
  invalid: [
    {
      name: "an https link is not a mailto link",
      input: "https://example.org/security",
      findings: [
        {
          messageId: "notMailto",
          line: 1,
          column: 1,
          message: `${link("https://example.org/security")}"https://example.org/security" is not a mailto link; write "mailto:" followed by the address, ${EXAMPLE}`,
        },
      ],
    },
    {
      name: "a link of 40 characters is shown whole",
      input: LONG,
      findings: [{ messageId: "notMailto", line: 1, column: 1, message: `${link(LONG)}"${LONG}" is not a mailto link; write "mailto:" followed by the address, ${EXAMPLE}` }],
    },
    {
      name: "a link of 41 characters is shown cut short",
      input: `${LONG}b`,
      findings: [{ messageId: "notMailto", line: 1, column: 1, message: `${link(`${LONG}b`)}"${LONG}…" is not a mailto link; write "mailto:" followed by the address, ${EXAMPLE}` }],
    },
    {
      name: "a scheme without its colon",
      input: "mailto",
      findings: [{ messageId: "notMailto", line: 1, column: 1 }],
    },
    {
      name: "whitespace before the scheme",
      input: "  mailto:security@example.org",
      findings: [{ messageId: "leadingWhitespace", line: 1, column: 1, message: `${link("  mailto:security@example.org")}mailto link starts with whitespace; remove it so the link begins with "mailto:"` }],
    },
    {
      name: "a fragment after the address",
      input: "mailto:security@example.org#contact",
      findings: [
        {
          messageId: "fragment",
          line: 1,
          column: 28,
          message: `${link("mailto:security@example.org#contact")}"#" at column 28 starts a fragment, which means nothing in a mailto link; write it as %23 if it belongs to an address or value, otherwise remove it and what follows`,
        },
      ],
    },
    {
      name: "two slashes after the scheme",
      input: "mailto://security@example.org",
      findings: [
        { messageId: "slashes", line: 1, column: 8, message: `${link("mailto://security@example.org")}mailto link has "//" after "mailto:"; write the address right after the colon, ${EXAMPLE}` },
      ],
    },
    {
      name: "a link without an address",
      input: "mailto:?subject=Hello",
      findings: [{ messageId: "noAddress", line: 1, column: 8, message: `${link("mailto:?subject=Hello")}mailto link has no address; write one after "mailto:", ${EXAMPLE}` }],
    },
    {
      name: "a copy is not an address to write to",
      input: "mailto:?cc=bob@example.org",
      findings: [{ messageId: "noAddress", line: 1, column: 8 }],
    },
    {
      name: "a broken address is not also a missing one",
      input: "mailto:?to=a b@example.org",
      findings: [{ messageId: "rawCharacter", line: 1, column: 13 }],
    },
    {
      name: "two commas in a row",
      input: "mailto:a@example.org,,b@example.org",
      findings: [{ messageId: "emptyAddress", line: 1, column: 22, message: `${link("mailto:a@example.org,,b@example.org")}empty address at column 22 in mailto link; remove the extra ","` }],
    },
    {
      name: "a comma at the end of the addresses",
      input: "mailto:a@example.org,",
      findings: [{ messageId: "emptyAddress", line: 1, column: 21 }],
    },
    {
      name: "a comma before the first address",
      input: "mailto:,a@example.org",
      findings: [{ messageId: "emptyAddress", line: 1, column: 8 }],
    },
    {
      name: "two ampersands in a row",
      input: "mailto:a@example.org?subject=a&&body=b",
      findings: [
        { messageId: "emptyField", line: 1, column: 32, message: `${link("mailto:a@example.org?subject=a&&body=b")}extra "&" at column 32 in mailto link leaves an empty header field; remove it` },
      ],
    },
    {
      name: "a question mark with nothing after it",
      input: "mailto:a@example.org?",
      findings: [{ messageId: "emptyField", line: 1, column: 21, message: `${link("mailto:a@example.org?")}extra "?" at column 21 in mailto link leaves an empty header field; remove it` }],
    },
    {
      name: "a header field without =",
      input: "mailto:a@example.org?subject",
      findings: [
        {
          messageId: "fieldWithoutEquals",
          line: 1,
          column: 22,
          message: `${link("mailto:a@example.org?subject")}header field "subject" at column 22 has no "="; write it as name=value, e.g. subject=value`,
        },
      ],
    },
    {
      name: "a header field without a name",
      input: "mailto:a@example.org?=Hello",
      findings: [
        {
          messageId: "fieldWithoutName",
          line: 1,
          column: 22,
          message: `${link("mailto:a@example.org?=Hello")}header field at column 22 has no name before "="; write it as name=value, e.g. subject=Hello`,
        },
      ],
    },
    {
      name: "a colon in a header field name",
      input: "mailto:a@example.org?x%3Ay=1",
      findings: [
        {
          messageId: "fieldNameCharacter",
          line: 1,
          column: 23,
          message: `${link("mailto:a@example.org?x%3Ay=1")}header field name "x:y" at column 23 contains ":"; header field names are printable ASCII without spaces or ":", e.g. subject`,
        },
      ],
    },
    {
      name: "an encoded space in a header field name",
      input: "mailto:a@example.org?sub%20ject=1",
      findings: [{ messageId: "fieldNameCharacter", line: 1, column: 25 }],
    },
    {
      name: "an empty to field",
      input: "mailto:a@example.org?to=",
      findings: [{ messageId: "emptyTo", line: 1, column: 22, message: `${link("mailto:a@example.org?to=")}empty "to" header field at column 22; put an address after "to=" or remove the field` }],
    },
    {
      name: "a percent sign not followed by two hex digits",
      input: "mailto:a@example.org?subject=%G1",
      findings: [
        {
          messageId: "badEscape",
          line: 1,
          column: 30,
          message: `${link("mailto:a@example.org?subject=%G1")}"%G1" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)`,
        },
      ],
    },
    {
      name: "a percent sign at the end of the link",
      input: "mailto:a@example.org?subject=100%",
      findings: [{ messageId: "badEscape", line: 1, column: 33 }],
    },
    {
      name: "a Latin-1 escape",
      input: "mailto:a@example.org?subject=caf%E9",
      findings: [
        {
          messageId: "notUtf8",
          line: 1,
          column: 33,
          message: `${link("mailto:a@example.org?subject=caf%E9")}"%E9" at column 33 is not UTF-8; percent escapes must spell the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)`,
        },
      ],
    },
    {
      name: "a UTF-8 sequence cut short by a raw character",
      input: "mailto:a@example.org?subject=%C3x",
      findings: [{ messageId: "notUtf8", line: 1, column: 30, message: `${link("mailto:a@example.org?subject=%C3x")}"%C3" at column 30 is not UTF-8; percent escapes must spell the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)` }],
    },
    {
      name: "a second question mark, and not also the = after it",
      input: "mailto:joe@example.com?cc=bob@example.com?body=hello",
      findings: [
        {
          messageId: "secondQuestionMark",
          line: 1,
          column: 42,
          message: `${link("mailto:joe@example.com?cc=bob@example.com?body=hello")}second "?" at column 42 in mailto link; separate header fields with "&", and write a "?" that belongs to a value as %3F`,
        },
      ],
    },
    {
      name: "a raw = without a second question mark before it",
      input: "mailto:a@example.org?subject=1+1=2",
      findings: [{ messageId: "rawCharacter", line: 1, column: 33, message: `${link("mailto:a@example.org?subject=1+1=2")}raw "=" at column 33 in mailto link; write it as %3D` }],
    },
    {
      name: "an unpaired surrogate",
      input: "mailto:a\uD800@example.org",
      findings: [
        { messageId: "unpairedSurrogate", line: 1, column: 9, message: `${link("mailto:a\uD800@example.org")}unpaired surrogate U+D800 at column 9 in mailto link is not a character; remove it` },
      ],
    },
    {
      name: "a raw space",
      input: "mailto:security@example.org?subject=Hello world",
      findings: [{ messageId: "rawCharacter", line: 1, column: 42, message: `${link("mailto:security@example.org?subject=Hello world")}raw space at column 42 in mailto link; write it as %20` }],
    },
    {
      name: "a raw non-ASCII character",
      input: "mailto:security@example.org?subject=café",
      findings: [{ messageId: "rawCharacter", line: 1, column: 40, message: `${link("mailto:security@example.org?subject=café")}raw non-ASCII character "é" at column 40 in mailto link; write it as %C3%A9` }],
    },
    {
      name: "a raw tab",
      input: "mailto:a@example.org?subject=a\tb",
      findings: [{ messageId: "rawCharacter", line: 1, column: 31, message: `${link("mailto:a@example.org?subject=a\tb")}raw control character U+0009 at column 31 in mailto link; write it as %09` }],
    },
    {
      name: "every raw character of a link, in order",
      input: "mailto:a@example.org?body=see https://example.org",
      findings: [
        { messageId: "rawCharacter", line: 1, column: 30 },
        { messageId: "rawCharacter", line: 1, column: 37 },
        { messageId: "rawCharacter", line: 1, column: 38 },
      ],
    },
    {
      name: "a raw line feed",
      input: "mailto:a@example.org?body=a\nb",
      findings: [
        {
          messageId: "rawLineBreak",
          line: 1,
          column: 28,
          message: `${link("mailto:a@example.org?body=a\nb")}raw control character U+000A at column 28 in mailto link; write it as %0A (a line break in a body is written %0D%0A)`,
        },
      ],
    },
    {
      name: "a raw carriage return",
      input: "mailto:a@example.org?body=a\rb",
      findings: [{ messageId: "rawLineBreak", line: 1, column: 28, message: `${link("mailto:a@example.org?body=a\rb")}raw control character U+000D at column 28 in mailto link; write it as %0D (a line break in a body is written %0D%0A)` }],
    },
    ...ADDRESSES.map(([name, href, address, messageId, column, reason]) => ({
      name: `an address with ${name}`,
      input: href,
      findings: [{ messageId, line: 1, column, message: `${link(href)}${JSON.stringify(address)} ${NOT_AN_ADDRESS} ${reason}` }],
    })),
    {
      name: "an address in a to field",
      input: "mailto:?to=a@b@example.org",
      findings: [{ messageId: "addressManyAt", line: 1, column: 15 }],
    },
    {
      name: "each address of a list, in the path and in a to field",
      input: "mailto:a@example.org,b,c@example.org?to=d@example.org,e",
      findings: [
        { messageId: "addressWithoutAt", line: 1, column: 22 },
        { messageId: "addressWithoutAt", line: 1, column: 55 },
      ],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});

describe("the words other rules quote", () => {
  it("are the link's first problem, without the link before them", () => {
    const href = "mailto:a@b@example.org?subject=%G1";
    const [first] = checkMailto(href).problems;
    expect(mailtoReason(href)).toBe(first?.message.slice(link(href).length));
    expect(mailtoReason(href)).toMatch(/^"a@b@example.org" is not an email address: it has two "@"/);
  });

  it("are nothing for a valid link", () => {
    expect(mailtoReason("mailto:security@example.org")).toBeUndefined();
  });
});

describe("formatMailto's errors", () => {
  it.each(ADDRESSES)("say what the rule says of an address with %s", (_name, href, address) => {
    const reason = mailtoReason(href)!.slice(`${JSON.stringify(address)} ${NOT_AN_ADDRESS} `.length);
    expect(() => formatMailto({ to: [address] })).toThrow(`formatMailto: ${JSON.stringify(address)} in \`to\` ${NOT_AN_ADDRESS} ${reason}`);
  });
});
