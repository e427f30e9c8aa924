import fingerprintAddressMismatch from "../../../src/rules/page/fingerprint-address-mismatch.ts";
import addressUndeclared from "../../../src/rules/page/address-undeclared.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { glanceHtml } from "../../../src/markdown/decorate.ts";
import { testRule } from "../../support/rule-tester.ts";
import { alsoFrom, contact, GROUPED, HEX, member, OTHER, runPage, SECURITY, type PageInput } from "./page-input.ts";

const OTHER_GROUPED = formatFingerprint({ version: 4, hex: OTHER });
const THIRD = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";
const THIRD_GROUPED = formatFingerprint({ version: 4, hex: THIRD });
const PSIRT = contact("psirt@example.org", OTHER);
const CERT = contact("cert@example.org", THIRD);
const THREE = [SECURITY, PSIRT, CERT];
const ANNOUNCE = { email: "announce@example.org", purpose: "security announcements" };
/** A team with no key of its own: Alice and Bob read what security@example.org receives. */
const ALICE = member("Alice Example", "alice@example.org", "security@example.org", HEX);
const BOB = member("Bob Example", "bob@example.org", "security@example.org", OTHER);
const TEAM = [ALICE, BOB];

/** A table of who to write to: person | address, spelt out | fingerprint; row n at line n + 2. */
const table = (rows: Array<[string, string, string]>) =>
  `<table>\n<tr><th>Person</th><th>Address</th><th>Fingerprint</th></tr>\n${rows.map(([who, address, fingerprint]) => `<tr><td>${who}</td><td>${address}</td><td>${fingerprint}</td></tr>`).join("\n")}\n</table>`;

/** What the build writes atop the policy from the site data (src/markdown/decorate.ts), for the contacts given. */
const glance = (contacts: Array<{ email: string; hex: string }>) =>
  glanceHtml(
    contacts.map((c) => ({ email: c.email, reportHref: `mailto:${c.email}`, keys: [{ grouped: formatFingerprint({ version: 4, hex: c.hex }), hex: c.hex, keyservers: ["keys.openpgp.org"] }] })),
    (key) => key,
    undefined,
  );

testRule<PageInput, typeof fingerprintAddressMismatch.messages>(fingerprintAddressMismatch, runPage, {
  valid: [
    { name: "a team member's fingerprint beside the team's address", input: { html: `<p>Encrypt your report to security@example.org with Bob's key: ${OTHER_GROUPED}</p>`, contacts: TEAM } },
    {
      name: "a table of the team: name, own address and fingerprint",
      input: { html: table([["Alice Example", "alice@example.org", GROUPED], ["Bob Example", "bob [at] example [dot] org", OTHER_GROUPED]]), contacts: TEAM },
    },
    { name: "a team member's fingerprint beside the team's address, where the address has a key of its own too", input: { html: `<p>security@example.org: ${GROUPED}</p>`, contacts: [contact("security@example.org", THIRD), { ...ALICE }] } },
    { name: "each contact's fingerprint after its own address, on one line", input: { html: `<p>security@example.org: ${GROUPED}, psirt@example.org: ${OTHER_GROUPED}</p>`, contacts: THREE } },
    {
      name: "a table of person, spelt-out address and fingerprint, each row right",
      input: {
        html: table([
          ["Ana", "security [at] example [dot] org", GROUPED],
          ["Ben", "psirt (at) example (dot) org", OTHER_GROUPED],
          ["Cleo", "cert at example dot org", THIRD_GROUPED],
        ]),
        contacts: THREE,
      },
    },
    { name: "a fingerprint with no address in its paragraph may be any contact's", input: { html: `<p>Write to security@example.org.</p>\n<p>Key: ${OTHER_GROUPED}</p>`, contacts: THREE } },
    { name: "a line break ends the block: the address of the line before does not label the fingerprint", input: { html: `<p>Write to psirt@example.org<br>\nKey: ${GROUPED}</p>`, contacts: THREE } },
    {
      name: "with several addresses in a block, the one nearest before the fingerprint labels it, else the nearest after",
      input: { html: `<ul>\n<li>${OTHER_GROUPED} for psirt@example.org; security@example.org: ${GROUPED}</li>\n</ul>`, contacts: THREE },
    },
    { name: "a loose list item is one block, its paragraphs included", input: { html: `<ul>\n<li><p>psirt@example.org</p>\n<p>${OTHER_GROUPED}</p></li>\n</ul>`, contacts: THREE } },
    { name: "in preformatted text each line is a block", input: { html: `<pre><code>psirt@example.org\n${GROUPED}\n</code></pre>`, contacts: THREE } },
    {
      name: "the glance the build writes takes no part: its address and fingerprint are paired with nothing of the page's",
      input: { html: `${glance([{ email: "security@example.org", hex: HEX }])}<p>${OTHER_GROUPED} is the key of psirt@example.org.</p>`, contacts: [SECURITY, PSIRT] },
    },
    {
      name: "text in the glance's mark is never paired, even written as one line",
      input: { html: `<section class="glance"><p>psirt@example.org: ${GROUPED}</p></section>`, contacts: [SECURITY, PSIRT] },
    },
    {
      name: "an address the glance ends with a colon does not label the page's first fingerprint",
      input: { html: `<section class="glance"><p>psirt@example.org:</p></section><p>${GROUPED}</p>`, contacts: [SECURITY, PSIRT] },
    },
  ],
  invalid: [
    {
      name: "one team member's fingerprint beside another's address",
      input: { html: table([["Alice Example", "alice@example.org", OTHER_GROUPED]]), contacts: TEAM },
      findings: [
        {
          messageId: "otherContactsKey",
          line: 3,
          column: 57,
          message: `fingerprint ${OTHER_GROUPED} is shown beside alice@example.org, but it is the key of bob@example.org; alice@example.org's key is ${GROUPED}. A researcher would encrypt a report for alice@example.org to another contact's key: show alice@example.org's own fingerprint here, or name bob@example.org beside this one`,
        },
      ],
    },
    {
      name: "a contact's address with another contact's key beside it",
      input: { html: `<p>psirt@example.org: ${GROUPED}</p>`, contacts: [SECURITY, PSIRT] },
      findings: [
        {
          messageId: "otherContactsKey",
          line: 1,
          column: 23,
          message: `fingerprint ${GROUPED} is shown beside psirt@example.org, but it is the key of security@example.org; psirt@example.org's key is ${OTHER_GROUPED}. A researcher would encrypt a report for psirt@example.org to another contact's key: show psirt@example.org's own fingerprint here, or name security@example.org beside this one`,
        },
      ],
    },
    {
      name: "a table of person, spelt-out address and fingerprint with one row's fingerprint swapped",
      input: {
        html: table([
          ["Ana", "security [at] example [dot] org", GROUPED],
          ["Ben", "psirt (at) example (dot) org", THIRD_GROUPED],
          ["Cleo", "cert at example dot org", THIRD_GROUPED],
        ]),
        contacts: THREE,
      },
      findings: [{ messageId: "otherContactsKey", line: 4, column: 58 }],
    },
    {
      name: "the adopted sample's address as the label of the new contact's fingerprint",
      input: {
        html: `<p>Use the following key to send secure messages to security@ballerina.io:</p>\n<blockquote>\n<p>security@ballerina.io: <span class="fingerprint"><code class="fingerprint-digits">${GROUPED}</code></span></p>\n</blockquote>`,
        contacts: [contact("security@acme.example", HEX)],
      },
      findings: [
        alsoFrom(addressUndeclared, "undeclared", 1, 53),
        alsoFrom(addressUndeclared, "undeclared", 3, 4),
        {
          messageId: "undeclaredAddress",
          line: 3,
          column: 86,
          message: `fingerprint ${GROUPED} is shown beside security@ballerina.io, which is not a declared security contact, but it is the key of security@acme.example; the label may be left from another policy: name security@acme.example beside the fingerprint`,
        },
      ],
    },
    {
      name: "an address closing the block before with a colon labels the fingerprint that opens the next",
      input: { html: `<p>Key of psirt@example.org:</p>\n<pre><code>${GROUPED}\n</code></pre>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "otherContactsKey", line: 2, column: 12 }],
    },
    {
      name: "a contact's key beside a declared other address",
      input: { html: `<p>announce@example.org: ${GROUPED}</p>`, otherAddresses: [ANNOUNCE] },
      findings: [
        {
          messageId: "otherAddress",
          line: 1,
          column: 26,
          message: `fingerprint ${GROUPED} is shown beside announce@example.org, which the site data declares for security announcements, not for reports, but it is the key of security@example.org: name security@example.org beside the fingerprint`,
        },
      ],
    },
    {
      name: "with several addresses in a block, the fingerprint is judged against the one nearest before it",
      input: { html: `<p>security@example.org or psirt@example.org: ${GROUPED}</p>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "otherContactsKey", line: 1, column: 47 }],
    },
    {
      name: "with no address before it in its row, the fingerprint is judged against the address after it",
      input: { html: `<table><tr><td>${GROUPED}</td><td>psirt@example.org</td></tr></table>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "otherContactsKey", line: 1, column: 16 }],
    },
  ],
  // The doc page's example is part of a rendered page; the contacts are security@example.org (HEX) and psirt@example.org (OTHER).
  example: (text) => ({ html: text, contacts: [SECURITY, PSIRT] }),
});
