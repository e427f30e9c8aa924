import fingerprintMismatch from "../../../src/rules/page/fingerprint-mismatch.ts";
import addressUndeclared from "../../../src/rules/page/address-undeclared.ts";
import fingerprintAddressMismatch from "../../../src/rules/page/fingerprint-address-mismatch.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { testRule } from "../../support/rule-tester.ts";
import { alsoFrom, contact, GROUPED, HEX, member, OTHER, runPage, SECURITY, V6, type PageInput } from "./page-input.ts";

/** HEX with its last digit changed, and with its first and last. */
const LAST_WRONG = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92";
const TWO_WRONG = "8FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92";
const V6_GROUPED = formatFingerprint({ version: 6, hex: V6 });
const OTHER_GROUPED = formatFingerprint({ version: 4, hex: OTHER });

const PSIRT = contact("psirt@example.org", OTHER);
/** A team with no key of its own: Alice and Bob read what security@example.org receives. */
const TEAM = [member("Alice Example", "alice@example.org", "security@example.org", HEX), member("Bob Example", "bob@example.org", "security@example.org", OTHER)];
const OTHER_WRONG = `${OTHER_GROUPED.slice(0, -1)}E`;
const END = "Correct the page, or the site data if the key was rotated";

/** "security@example.org: <fingerprint>": the fingerprint at line 1, column 26. */
const shown = (fingerprint: string, contacts = [SECURITY]): PageInput => ({ html: `<p>security@example.org: ${fingerprint}</p>`, contacts });

testRule<PageInput, typeof fingerprintMismatch.messages>(fingerprintMismatch, runPage, {
  valid: [
    { name: "the declared fingerprint after its address", input: shown(GROUPED) },
    { name: "the declared fingerprint unbroken and in lower case", input: shown(HEX.toLowerCase()) },
    { name: "the only contact's fingerprint with no address named", input: { html: `<p>Our key: ${GROUPED}</p>` } },
    { name: "a contact's fingerprint with its address named after it", input: { html: `<p>${OTHER_GROUPED} (psirt@example.org)</p>`, contacts: [SECURITY, PSIRT] } },
    { name: "one of two contacts' fingerprints with no address named", input: { html: `<p>Key: ${OTHER_GROUPED}</p>`, contacts: [SECURITY, PSIRT] } },
    { name: "the previous key's fingerprint during a rotation", input: shown(OTHER_GROUPED, [contact("security@example.org", HEX, OTHER)]) },
    { name: "a fingerprint with a group too many is fingerprint-malformed's, not this rule's", input: shown(`${GROUPED} 0000`) },
    {
      name: "each fingerprint after its own contact's address",
      input: { html: `<p>security@example.org: ${GROUPED}</p>\n<p>psirt@example.org: ${OTHER_GROUPED}</p>`, contacts: [SECURITY, PSIRT] },
    },
  ],
  invalid: [
    {
      name: "beside a team's address, a fingerprint is judged against the member's key it is nearest to",
      input: shown(OTHER_WRONG, TEAM),
      findings: [
        {
          messageId: "oneDigitDiffers",
          line: 1,
          column: 26,
          message: `fingerprint ${OTHER_WRONG} is not the declared fingerprint of bob@example.org (${OTHER_GROUPED}): digit 40 is E where the declared fingerprint has D. ${END}`,
        },
      ],
    },
    {
      name: "a fingerprint with one digit wrong names the digit",
      input: shown(LAST_WRONG),
      findings: [
        {
          messageId: "oneDigitDiffers",
          line: 1,
          column: 26,
          message: `fingerprint ${LAST_WRONG} is not the declared fingerprint of security@example.org (${GROUPED}): digit 40 is 2 where the declared fingerprint has 1. ${END}`,
        },
      ],
    },
    {
      name: "a fingerprint with its first digit wrong",
      input: shown(`8${GROUPED.slice(1)}`),
      findings: [{ messageId: "oneDigitDiffers", line: 1, column: 26, message: `fingerprint 8${GROUPED.slice(1)} is not the declared fingerprint of security@example.org (${GROUPED}): digit 1 is 8 where the declared fingerprint has 7. ${END}` }],
    },
    {
      name: "a fingerprint written in lower case is quoted in lower case, the declared one as declared",
      input: shown(LAST_WRONG.toLowerCase().replace(/.$/, "a")),
      findings: [
        {
          messageId: "oneDigitDiffers",
          line: 1,
          column: 26,
          message: `fingerprint ${LAST_WRONG.toLowerCase().replace(/.$/, "a")} is not the declared fingerprint of security@example.org (${GROUPED}): digit 40 is a where the declared fingerprint has 1. ${END}`,
        },
      ],
    },
    {
      name: "a fingerprint with two digits wrong counts them and names the first",
      input: shown(TWO_WRONG),
      findings: [{ messageId: "digitsDiffer", line: 1, column: 26, message: `fingerprint ${TWO_WRONG} is not the declared fingerprint of security@example.org (${GROUPED}): 2 digits differ, the first at digit 1. ${END}` }],
    },
    {
      name: "another key's fingerprint after the address",
      input: shown(OTHER_GROUPED),
      findings: [
        {
          messageId: "digitsDiffer",
          line: 1,
          column: 26,
          message: `fingerprint ${OTHER_GROUPED} is not the declared fingerprint of security@example.org (${GROUPED}): 38 digits differ, the first at digit 1. ${END}`,
        },
      ],
    },
    {
      name: "a v6 fingerprint shown for a contact with a v4 key",
      input: shown(V6_GROUPED),
      findings: [
        {
          messageId: "otherVersion",
          line: 1,
          column: 26,
          message: `fingerprint ${V6_GROUPED} is not the declared fingerprint of security@example.org (${GROUPED}): it is a v6 fingerprint and the declared one is v4. ${END}`,
        },
      ],
    },
    {
      name: "a fingerprint on a site that declares no contact",
      input: shown(GROUPED, []),
      findings: [
        // The address before it is declared neither.
        alsoFrom(addressUndeclared, "undeclared", 1, 4),
        { messageId: "noContact", line: 1, column: 26, message: `fingerprint ${GROUPED} belongs to no declared contact; declare it in the site data or remove it` },
      ],
    },
    {
      name: "one contact's fingerprint after the other's address is shown beside the wrong address, which fingerprint-address-mismatch reports",
      input: { html: `<p>psirt@example.org: ${GROUPED}</p>`, contacts: [SECURITY, PSIRT] },
      findings: [alsoFrom(fingerprintAddressMismatch, "otherContactsKey", 1, 23)],
    },
    {
      name: "a mistyped fingerprint after the other contact's address is judged against that contact's",
      input: { html: `<p>psirt@example.org: ${LAST_WRONG}</p>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "digitsDiffer", line: 1, column: 23, message: `fingerprint ${LAST_WRONG} is not the declared fingerprint of psirt@example.org (${OTHER_GROUPED}): 38 digits differ, the first at digit 1. ${END}` }],
    },
    {
      name: "a key of no contact beside an address that is no contact is bound to no contact",
      input: { html: `<p>partner@example.net: ${LAST_WRONG}</p>` },
      findings: [
        alsoFrom(addressUndeclared, "undeclared", 1, 4),
        {
          messageId: "besideUndeclared",
          line: 1,
          column: 25,
          message: `fingerprint ${LAST_WRONG} is shown beside partner@example.net, which is not a declared security contact, and is the key of no declared contact; correct the address and the fingerprint to a declared contact's, or declare the contact with its key in the site data`,
        },
      ],
    },
    {
      name: "a mistyped fingerprint in the next block after its address and a colon is judged against that address's contact",
      input: { html: `<p>Key of psirt@example.org:</p>\n<pre><code>${LAST_WRONG}\n</code></pre>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "digitsDiffer", line: 2, column: 12 }],
    },
    {
      name: "an address in an earlier paragraph without a colon binds no fingerprint: a near miss of two contacts is judged against the closest",
      input: { html: `<p>Write to psirt@example.org.</p>\n<p>Key: ${LAST_WRONG}</p>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "oneDigitDiffers", line: 2, column: 9 }],
    },
    {
      name: "with no address before it, a fingerprint is judged against the address after it",
      input: { html: `<p>${LAST_WRONG} (psirt@example.org)</p>`, contacts: [SECURITY, PSIRT] },
      findings: [{ messageId: "digitsDiffer", line: 1, column: 4, message: `fingerprint ${LAST_WRONG} is not the declared fingerprint of psirt@example.org (${OTHER_GROUPED}): 38 digits differ, the first at digit 1. ${END}` }],
    },
    {
      name: "with two contacts and none named, a mistyped fingerprint is judged against the closest declared one",
      input: { html: `<p>Key: ${LAST_WRONG}</p>`, contacts: [PSIRT, SECURITY] },
      findings: [{ messageId: "oneDigitDiffers", line: 1, column: 9, message: `fingerprint ${LAST_WRONG} is not the declared fingerprint of security@example.org (${GROUPED}): digit 40 is 2 where the declared fingerprint has 1. ${END}` }],
    },
    {
      name: "during a rotation a mistyped previous fingerprint is judged against the current one",
      input: shown(`${OTHER_GROUPED.slice(0, -1)}E`, [contact("security@example.org", HEX, OTHER)]),
      findings: [{ messageId: "digitsDiffer", line: 1, column: 26 }],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});
