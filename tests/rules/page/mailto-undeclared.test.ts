import mailtoUndeclared from "../../../src/rules/page/mailto-undeclared.ts";
import mailtoTextMismatch from "../../../src/rules/page/mailto-text-mismatch.ts";
import { testRule } from "../../support/rule-tester.ts";
import { contact, HEX, member, OTHER, alsoFrom, runPage, SECURITY, type PageInput } from "./page-input.ts";

/** A page with one mailto link, reading "write to us", at line 2, column 4. */
const mail = (href: string, contacts = [SECURITY], text = "write to us"): PageInput => ({ html: `<h2>Reporting</h2>\n<p><a href="${href}">${text}</a></p>`, contacts });

const TWO = [SECURITY, contact("psirt@example.org", OTHER)];
/** A team with no key of its own: Alice reads what security@example.org receives. */
const TEAM = [member("Alice Example", "alice@example.org", "security@example.org", OTHER)];

const ENDING = "a report must reach only the security team: fix the address, or declare it in the site data";

testRule<PageInput, typeof mailtoUndeclared.messages>(mailtoUndeclared, runPage, {
  valid: [
    { name: "a link to the declared address", input: mail("mailto:security@example.org") },
    { name: "a link to the declared address in other case", input: mail("mailto:Security@Example.ORG") },
    { name: "a link with a subject and a body", input: mail("mailto:security@example.org?subject=Report&body=Hello") },
    { name: "a link to two declared addresses", input: mail("mailto:security@example.org,psirt@example.org", TWO) },
    { name: "a copy to another declared address", input: mail("mailto:security@example.org?cc=psirt@example.org", TWO) },
    { name: "a blind copy to a declared address written with a name", input: mail("mailto:security@example.org?bcc=PSIRT%20%3Cpsirt@example.org%3E", TWO) },
    { name: "a link that is no mailto link", input: mail("https://example.org/contact") },
    { name: "a link to a team's address, which has no key of its own, with a copy to a member", input: mail("mailto:security@example.org?cc=alice@example.org", TEAM) },
    {
      name: "a link to a declared other address, a mailing list's subscribe link",
      input: { ...mail("mailto:announce-subscribe@example.org?subject=subscribe"), otherAddresses: [{ email: "Announce-Subscribe@example.org", purpose: "subscribing to security announcements" }] },
    },
    { name: "a mailing list's subscribe link, undeclared: announce-request@", input: mail("mailto:announce-request@example.org?subject=subscribe") },
    { name: "a mailing list's subscribe link, undeclared: announce+subscribe@", input: mail("mailto:Announce+Subscribe@example.org") },
    { name: "a mailing list's subscribe link, undeclared: -join and -unsubscribe", input: mail("mailto:announce-join@example.org,announce-unsubscribe@example.org") },
  ],
  invalid: [
    {
      name: "with a team, the declared addresses listed are the team's and its members'",
      input: mail("mailto:secure@example.org", TEAM),
      findings: [{ messageId: "undeclaredRecipient", line: 2, column: 4, message: `mailto link goes to secure@example.org, which is not a declared security contact (security@example.org, alice@example.org); ${ENDING}` }],
    },
    {
      name: "a word that only ends like a list command is no list command: request@",
      input: mail("mailto:request@example.org"),
      findings: [{ messageId: "undeclaredRecipient", line: 2, column: 4, message: `mailto link goes to request@example.org, which is not a declared security contact (security@example.org); ${ENDING}` }],
    },
    {
      name: "a copy to a list's command address still goes with a report",
      input: mail("mailto:security@example.org?cc=announce-request@example.org"),
      findings: [
        { messageId: "undeclaredCopy", line: 2, column: 4, message: `mailto link sends a copy (cc) to announce-request@example.org, which is not a declared security contact (security@example.org); ${ENDING}` },
      ],
    },
    {
      name: "a list command address beside an undeclared address reports only the other",
      input: mail("mailto:announce-subscribe@example.org,secure@example.org"),
      findings: [{ messageId: "undeclaredRecipient", line: 2, column: 4, message: `mailto link goes to secure@example.org, which is not a declared security contact (security@example.org); ${ENDING}` }],
    },
    {
      name: "a link to an address that is not declared",
      input: mail("mailto:secure@example.org"),
      findings: [
        {
          messageId: "undeclaredRecipient",
          line: 2,
          column: 4,
          message: `mailto link goes to secure@example.org, which is not a declared security contact (security@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "the declared addresses are listed as the site data writes them",
      input: mail("mailto:info@example.org", [contact("Security@Example.org", HEX), contact("psirt@example.org", OTHER)]),
      findings: [
        {
          messageId: "undeclaredRecipient",
          line: 2,
          column: 4,
          message: `mailto link goes to info@example.org, which is not a declared security contact (Security@Example.org, psirt@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "an address in a to header field is a recipient too",
      input: mail("mailto:security@example.org?to=info@example.org"),
      findings: [{ messageId: "undeclaredRecipient", line: 2, column: 4, message: `mailto link goes to info@example.org, which is not a declared security contact (security@example.org); ${ENDING}` }],
    },
    {
      name: "a copy to an address that is not declared",
      input: mail("mailto:security@example.org?cc=lawyer@example.net"),
      findings: [
        {
          messageId: "undeclaredCopy",
          line: 2,
          column: 4,
          message: `mailto link sends a copy (cc) to lawyer@example.net, which is not a declared security contact (security@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "a blind copy, written with a name, to an address that is not declared",
      input: mail("mailto:security@example.org?bcc=The%20Lawyer%20%3Clawyer@example.net%3E"),
      findings: [
        {
          messageId: "undeclaredCopy",
          line: 2,
          column: 4,
          message: `mailto link sends a copy (bcc) to lawyer@example.net, which is not a declared security contact (security@example.org); ${ENDING}`,
        },
      ],
    },
    {
      name: "a copy to a quoted name with a comma in it and an undeclared address",
      input: mail("mailto:security@example.org?cc=%22Lawyer,%20The%22%20%3Clawyer@example.net%3E,psirt@example.org", TWO),
      findings: [{ messageId: "undeclaredCopy", line: 2, column: 4, message: `mailto link sends a copy (cc) to lawyer@example.net, which is not a declared security contact (security@example.org, psirt@example.org); ${ENDING}` }],
    },
    {
      name: "every undeclared recipient is reported, the to addresses first",
      input: mail("mailto:security@example.org?cc=a@example.net&bcc=b@example.net&to=c@example.net"),
      findings: [
        { messageId: "undeclaredRecipient", line: 2, column: 4, message: `mailto link goes to c@example.net, which is not a declared security contact (security@example.org); ${ENDING}` },
        { messageId: "undeclaredCopy", line: 2, column: 4, message: `mailto link sends a copy (cc) to a@example.net, which is not a declared security contact (security@example.org); ${ENDING}` },
        { messageId: "undeclaredCopy", line: 2, column: 4, message: `mailto link sends a copy (bcc) to b@example.net, which is not a declared security contact (security@example.org); ${ENDING}` },
      ],
    },
    {
      name: "an undeclared address shown as the text of a link to another: both rules report",
      input: mail("mailto:secure@example.org", [SECURITY], "security@example.org"),
      findings: [
        { messageId: "undeclaredRecipient", line: 2, column: 4 },
        alsoFrom(mailtoTextMismatch, "otherAddress", 2, 4),
      ],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});
