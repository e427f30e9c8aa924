import mailtoTextMismatch from "../../../src/rules/page/mailto-text-mismatch.ts";
import { testRule } from "../../support/rule-tester.ts";
import { contact, OTHER, runPage, SECURITY, type PageInput } from "./page-input.ts";

const TWO = [SECURITY, contact("psirt@example.org", OTHER)];

/** A page with one mailto link at line 1, column 13; both addresses are declared. */
const mail = (href: string, text: string): PageInput => ({ html: `<p>Write to <a href="${href}">${text}</a>.</p>`, contacts: TWO });

testRule<PageInput, typeof mailtoTextMismatch.messages>(mailtoTextMismatch, runPage, {
  valid: [
    { name: "text that is the address the link writes to", input: mail("mailto:security@example.org", "security@example.org") },
    { name: "text that is the address in other case", input: mail("mailto:security@example.org", "SECURITY@example.org") },
    { name: 'text with "mailto:" before the address', input: mail("mailto:security@example.org", "mailto:security@example.org") },
    { name: "text that is one of the addresses the link writes to", input: mail("mailto:psirt@example.org,security@example.org", "security@example.org") },
    { name: "text that is an address the link writes to in a to header field", input: mail("mailto:psirt@example.org?to=security@example.org", "security@example.org") },
    { name: "text that is a sentence", input: mail("mailto:psirt@example.org", "our security team") },
    { name: "text with an address among other words", input: mail("mailto:psirt@example.org", "security@example.org or psirt") },
    { name: "text that is a quoted address with a space in it is read as prose", input: mail("mailto:psirt@example.org", '"security team"@example.org') },
    { name: "text with an @ that is no address", input: mail("mailto:psirt@example.org", "@security") },
    { name: "an address shown over a link that is no mailto link", input: mail("https://example.org/contact", "security@example.org") },
  ],
  invalid: [
    {
      name: "text that is another address than the one the link writes to",
      input: mail("mailto:psirt@example.org", "security@example.org"),
      findings: [
        {
          messageId: "otherAddress",
          line: 1,
          column: 13,
          message: "link text says security@example.org but the link writes to psirt@example.org; make the text and the href the same address",
        },
      ],
    },
    {
      name: 'text with "mailto:" and another address is reported without the "mailto:"',
      input: mail("mailto:psirt@example.org", "MAILTO:security@example.org"),
      findings: [{ messageId: "otherAddress", line: 1, column: 13, message: "link text says security@example.org but the link writes to psirt@example.org; make the text and the href the same address" }],
    },
    {
      name: "every address the link writes to is named",
      input: mail("mailto:psirt@example.org?to=psirt@example.org", "security@example.org"),
      findings: [
        {
          messageId: "otherAddress",
          line: 1,
          column: 13,
          message: "link text says security@example.org but the link writes to psirt@example.org, psirt@example.org; make the text and the href the same address",
        },
      ],
    },
    {
      name: "an address only copied to is not one the link writes to",
      input: mail("mailto:psirt@example.org?cc=security@example.org", "security@example.org"),
      findings: [{ messageId: "otherAddress", line: 1, column: 13 }],
    },
    {
      name: "a shown address that is not declared is still compared",
      input: mail("mailto:psirt@example.org", "info@example.org"),
      findings: [{ messageId: "otherAddress", line: 1, column: 13, message: "link text says info@example.org but the link writes to psirt@example.org; make the text and the href the same address" }],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});
