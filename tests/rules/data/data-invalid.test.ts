/**
 * data-invalid on site data read by readSiteData: JSON that does not parse, and each field that
 * is missing, of the wrong kind or not what it must be, at the value's line (a missing field at
 * the object that lacks it).
 */
import { readSiteData } from "../../../src/data/site-data.ts";
import dataInvalid from "../../../src/rules/data/data-invalid.ts";
import { testRule, type ExpectedFinding, type InvalidCase } from "../../support/rule-tester.ts";
import { at, CONTACT, DATA_FILE, FINGERPRINT, GOOD, json, OTHER_FINGERPRINT, TOP, valueOf } from "./site-data-text.ts";

type MessageId = keyof (typeof dataInvalid)["messages"] & string;

const EXPECTED = {
  url: 'the site\'s absolute https URL, e.g. "https://example.org"',
  name: 'the site\'s name shown in the header, e.g. "Example"',
  contacts: 'a list of { "email": ..., "fingerprint": ... } objects',
  otherAddresses: 'a list of { "email": ..., "purpose": ... } objects, the addresses the pages may show that take no reports',
  otherEmail: 'the address the pages show, e.g. "announce@example.org"',
  purpose: 'what the address is for, e.g. "security announcements"',
  email: 'the address reports go to, e.g. "security@example.org"',
  fingerprint: "the OpenPGP fingerprint of the contact's key, as gpg prints it",
  reviewed: 'the day a person last reviewed the policy, as YYYY-MM-DD, e.g. "2026-11-20"',
  expires:
    'when security.txt goes stale: { "days": 180 } for that many days after "reviewed" (365 at most), or an RFC 3339 date-time such as "2026-06-30T00:00:00Z"',
  preferredLanguages: 'the languages reports may be written in, for security.txt, e.g. ["en"]',
  acknowledgments: "the https URL of the page that thanks researchers, or a list of them",
  hiring: "the https URL of the security jobs page, or a list of them",
  csaf: "the https URL of the CSAF provider-metadata.json, or a list of them",
  csafProvider: 'true, or { "category": "vendor", "contactDetails": "security@example.org" }, to publish the advisories as CSAF 2.0 under /.well-known/csaf/',
  products: 'a list of { "name": ..., "repository": "https://...", "purl": "pkg:<type>/<namespace>/<name>" } objects, one per product the advisories are about',
  productName: 'the product\'s name, e.g. "Example Options"',
  repository: 'the absolute https URL of the product\'s source repository, e.g. "https://github.com/example/options"',
  purl: 'the product\'s package URL, without a version, e.g. "pkg:npm/%40example/options"',
  releases: 'a list of { "version": ..., "released": "YYYY-MM-DD", "supportedUntil": "YYYY-MM" } objects, one per release',
  disclosure: '{ "acknowledgeDays": 3, "disclosureDays": 90, "accountRequired": false, "credit": true }, with an optional "safeHarbor" statement',
  team: 'a list of { "name": ..., "email": ..., "fingerprint": ... } objects, the people who read the reports, each with a key of their own',
  memberName: 'the person\'s name, e.g. "Alice Example"',
};
const FIELDS = "url, name, language, contacts, otherAddresses, reviewed, expires, preferredLanguages, acknowledgments, hiring, csaf, csafProvider, products, disclosure, administrators";

const PRODUCT = { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" };
/** The good data declaring one product, its `purl` as given. */
const withPurl = (purl: string) => ({ ...GOOD, products: [{ ...PRODUCT, purl }] });
const DISCLOSURE = { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true };
const RELEASE = { version: "2.1.0", released: "2026-03-01", supportedUntil: "2031-03" };
/** The good data declaring one product with the releases given. */
const withReleases = (releases: unknown[]) => ({ ...GOOD, products: [{ ...PRODUCT, releases }] });

/** The first release object's opening brace, inside the first product. */
function releaseAt(text: string): { line: number; column: number } {
  const indent = at(text, "        {");
  return { line: indent.line, column: indent.column + 8 };
}

const run = (text: string) => readSiteData(text, DATA_FILE).findings;

/** A case of the data `value`, whose findings are placed in its text. */
function bad(name: string, value: unknown, findings: (text: string) => Array<ExpectedFinding<MessageId>>): InvalidCase<string, MessageId> {
  const text = json(value);
  return { name, input: text, findings: findings(text) };
}

const ANNOUNCE = { email: "announce@example.org", purpose: "security announcements" };
const ALICE = { name: "Alice Example", email: "alice@example.org", fingerprint: OTHER_FINGERPRINT };

/** The first team member's opening brace, inside the first contact. */
function memberAt(text: string): { line: number; column: number } {
  const indent = at(text, "        {");
  return { line: indent.line, column: indent.column + 8 };
}

/** The first other address's opening brace. */
function otherAt(text: string): { line: number; column: number } {
  const member = at(text, '"otherAddresses": [');
  const brace = text.indexOf("{", text.indexOf('"otherAddresses": ['));
  return { line: member.line + 1, column: brace - text.lastIndexOf("\n", brace) };
}

/** The nth product object's opening brace (1-based), after the one contact's. */
function productAt(text: string, n = 1): { line: number; column: number } {
  return contactAt(text, n + 1);
}

/** The nth contact object's opening brace (1-based). */
function contactAt(text: string, n = 1): { line: number; column: number } {
  const indent = at(text, "    {", n);
  return { line: indent.line, column: indent.column + 4 };
}

const SYNTAX_ERROR = '{\n  "url": "https://example.org",\n  "name": "Example"\n  "contacts": []\n}\n';

testRule(dataInvalid, run, {
  example: (text) => text,
  valid: [
    { name: "the required fields, well formed", input: json(GOOD) },
    { name: "the disclosure facts, with a safe-harbour statement", input: json({ ...GOOD, disclosure: { ...DISCLOSURE, safeHarbor: "We will not take legal action against research done in good faith." } }) },
    { name: "administrators, the first with an address and an affiliation", input: json({ ...GOOD, administrators: [{ name: "Alice Example", email: "alice@example.org", affiliation: "Example Inc." }, { name: "Bob Example" }] }) },
    { name: "a bug bounty program", input: json({ ...GOOD, disclosure: { ...DISCLOSURE, bugBounty: "https://example.org/bounty/" } }) },
    { name: "acknowledged and disclosed on the same day", input: json({ ...GOOD, disclosure: { ...DISCLOSURE, acknowledgeDays: 1, disclosureDays: 1 } }) },
    {
      name: "a product with releases, one with an SBOM, and a reason for its short support",
      input: json({ ...GOOD, products: [{ ...PRODUCT, supportReason: "used for one season", releases: [RELEASE, { version: "2.0.0", released: "2025-01-10", supportedUntil: "2026-01-31", sbom: "https://example.org/sbom/2.0.0.cdx.json" }] }] }),
    },
    { name: "a team under the contact's address, with no key of the address's own", input: json({ ...GOOD, contacts: [{ email: "security@example.org", team: [ALICE] }] }) },
    { name: "a contact with its own key and a team", input: json({ ...GOOD, contacts: [{ ...CONTACT, team: [ALICE] }] }) },
    { name: "a URL with a trailing slash and a path", input: json({ ...GOOD, url: "https://example.org/security/" }) },
    { name: "a language tag of three letters and a region", input: json({ ...GOOD, language: "eng-GB" }) },
    { name: "a key rotation: two fingerprints, the current one first", input: json({ ...GOOD, contacts: [{ ...CONTACT, fingerprint: [OTHER_FINGERPRINT, FINGERPRINT] }] }) },
    { name: "two contacts with different addresses", input: json({ ...GOOD, contacts: [CONTACT, { email: "psirt@example.org", fingerprint: OTHER_FINGERPRINT }] }) },
    { name: "expires one day after the review", input: json({ ...GOOD, expires: { days: 1 } }) },
    { name: "expires 365 days after the review", input: json({ ...GOOD, expires: { days: 365 } }) },
    { name: "expires at a fixed moment", input: json({ ...GOOD, expires: "2026-06-30T00:00:00Z" }) },
    {
      name: "every optional security.txt field, as single URLs and lists",
      input: json({
        ...GOOD,
        preferredLanguages: ["en", "nl"],
        acknowledgments: "https://example.org/thanks/",
        hiring: ["https://example.org/jobs/"],
        csaf: "https://example.org/.well-known/csaf/provider-metadata.json",
        csafProvider: { category: "coordinator", contactDetails: "psirt@example.org" },
      }),
    },
    { name: "csafProvider as true", input: json({ ...GOOD, csafProvider: true }) },
    { name: "other addresses, each with its purpose", input: json({ ...GOOD, otherAddresses: [ANNOUNCE, { email: "press@example.org", purpose: "the press" }] }) },
    { name: "csafProvider as false", input: json({ ...GOOD, csafProvider: false }) },
    { name: "csafProvider as an object without fields, a vendor", input: json({ ...GOOD, csafProvider: {} }) },
    { name: "a product", input: json({ ...GOOD, products: [PRODUCT] }) },
    {
      name: "products in several ecosystems, a purl with qualifiers and a subpath",
      input: json({
        ...GOOD,
        products: [
          PRODUCT,
          { name: "Ballerina", repository: "https://github.com/ballerina-platform/ballerina-lang", purl: "pkg:github/ballerina-platform/ballerina-lang" },
          { name: "Example Server", repository: "https://git.example.org/server.git", purl: "pkg:maven/org.example/example-server?type=war#server" },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: "JSON with a missing comma",
      input: SYNTAX_ERROR,
      findings: [{ messageId: "notJson", line: 4, column: 3 }],
    },
    bad("a list where the object belongs", [GOOD], () => [{ messageId: "notObject", ...TOP, message: `the site data must be a JSON object with ${FIELDS}` }]),
    bad("a field the site data does not have", { ...GOOD, contact: [] }, (t) => [
      { messageId: "unknownField", ...valueOf(t, "contact"), message: `unknown field "contact"; the site data accepts ${FIELDS}` },
    ]),
    bad("no name", { url: GOOD.url, contacts: GOOD.contacts, reviewed: GOOD.reviewed }, () => [
      { messageId: "fieldMissing", ...TOP, message: `"name" is missing; expected ${EXPECTED.name}` },
    ]),
    bad("a contact without an address", { ...GOOD, contacts: [{ fingerprint: FINGERPRINT }] }, (t) => [
      { messageId: "fieldMissing", ...contactAt(t), message: `"contacts[0].email" is missing; expected ${EXPECTED.email}` },
    ]),
    bad("an empty name", { ...GOOD, name: "" }, (t) => [{ messageId: "fieldNotText", ...valueOf(t, "name"), message: `"name" is an empty string; expected ${EXPECTED.name}` }]),
    bad("a name of spaces", { ...GOOD, name: "  " }, (t) => [{ messageId: "fieldNotText", ...valueOf(t, "name") }]),
    bad("a fingerprint that is a number", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: 42 }] }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "fingerprint"), message: `"contacts[0].fingerprint" is the number 42; expected ${EXPECTED.fingerprint}` },
    ]),
    bad("a URL without a scheme", { ...GOOD, url: "example.org" }, (t) => [
      { messageId: "urlNotAbsolute", ...valueOf(t, "url"), message: `"url" is "example.org", which is not an absolute URL; expected ${EXPECTED.url}` },
    ]),
    bad("a URL over http", { ...GOOD, url: "http://example.org" }, (t) => [
      {
        messageId: "urlNotHttps",
        ...valueOf(t, "url"),
        message: '"url" must use https: (received "http://example.org"), so that readers and security.txt point to the real site',
      },
    ]),
    bad("a URL with a query", { ...GOOD, url: "https://example.org/?lang=en" }, (t) => [
      { messageId: "urlQueryOrFragment", ...valueOf(t, "url"), message: '"url" must not carry a query or fragment (received "https://example.org/?lang=en")' },
    ]),
    bad("a URL with a fragment", { ...GOOD, url: "https://example.org/#top" }, (t) => [{ messageId: "urlQueryOrFragment", ...valueOf(t, "url") }]),
    bad("a URL over http with a query", { ...GOOD, url: "http://example.org/?a=1" }, (t) => [
      { messageId: "urlNotHttps", ...valueOf(t, "url") },
      { messageId: "urlQueryOrFragment", ...valueOf(t, "url") },
    ]),
    bad("a language written out", { ...GOOD, language: "English" }, (t) => [
      { messageId: "languageNotTag", ...valueOf(t, "language"), message: '"language" is "English", which is not a language tag; expected e.g. "en" or "en-GB"' },
    ]),
    bad("a language of one letter", { ...GOOD, language: "e" }, (t) => [{ messageId: "languageNotTag", ...valueOf(t, "language") }]),
    bad("no contacts", { url: GOOD.url, name: GOOD.name, reviewed: GOOD.reviewed }, () => [
      { messageId: "contactsMissing", ...TOP, message: `"contacts" is missing; expected ${EXPECTED.contacts}, at least one` },
    ]),
    bad("an empty list of contacts", { ...GOOD, contacts: [] }, (t) => [
      { messageId: "contactsEmpty", ...valueOf(t, "contacts"), message: `"contacts" is an empty list; expected ${EXPECTED.contacts}, at least one` },
    ]),
    bad("one contact's address where the list belongs", { ...GOOD, contacts: "security@example.org" }, (t) => [
      {
        messageId: "contactsNotList",
        ...valueOf(t, "contacts"),
        message: `"contacts" is the string "security@example.org"; expected ${EXPECTED.contacts}, at least one`,
      },
    ]),
    bad("contacts as an object", { ...GOOD, contacts: CONTACT }, (t) => [{ messageId: "contactsNotList", ...valueOf(t, "contacts") }]),
    bad("a contact that is an address", { ...GOOD, contacts: ["security@example.org"] }, (t) => [
      {
        messageId: "contactNotObject",
        ...at(t, '"security@example.org"'),
        message: '"contacts[0]" is the string "security@example.org"; expected an object with "email" and "fingerprint"',
      },
    ]),
    bad("a contact with a name", { ...GOOD, contacts: [{ ...CONTACT, name: "Security team" }] }, (t) => [
      { messageId: "unknownContactField", ...valueOf(t, "name", 2), message: 'unknown field "contacts[0].name"; a contact has email, fingerprint, team' },
    ]),
    bad("an address with a space for the at sign", { ...GOOD, contacts: [{ ...CONTACT, email: "security at example.org" }] }, (t) => [
      { messageId: "emailInvalid", ...valueOf(t, "email"), message: '"contacts[0].email" is "security at example.org", which is not an email address' },
    ]),
    bad("a contact declared twice, in other case", { ...GOOD, contacts: [CONTACT, { email: "Security@Example.org", fingerprint: OTHER_FINGERPRINT }] }, (t) => [
      { messageId: "emailDuplicate", ...valueOf(t, "email", 2), message: '"contacts[1].email" declares Security@Example.org, which "contacts[0].email" declares already; declare each contact and each team member once, each with an address of their own' },
    ]),
    bad("a team that is one person, not a list", { ...GOOD, contacts: [{ email: "security@example.org", team: ALICE }] }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "team"), message: `"contacts[0].team" is an object; expected ${EXPECTED.team}` },
    ]),
    bad("an empty team and no key of the contact's own", { ...GOOD, contacts: [{ email: "security@example.org", team: [] }] }, (t) => [
      { messageId: "teamEmpty", ...valueOf(t, "team"), message: `"contacts[0].team" is an empty list; expected ${EXPECTED.team}, at least one, or leave the field out` },
    ]),
    bad("a team member written as a name", { ...GOOD, contacts: [{ ...CONTACT, team: ["Alice Example"] }] }, (t) => [
      { messageId: "memberNotObject", ...at(t, '"Alice Example"'), message: '"contacts[0].team[0]" is the string "Alice Example"; expected an object with "name", "email" and "fingerprint"' },
    ]),
    bad("a team member with a role", { ...GOOD, contacts: [{ ...CONTACT, team: [{ ...ALICE, role: "lead" }] }] }, (t) => [
      { messageId: "unknownMemberField", ...valueOf(t, "role"), message: 'unknown field "contacts[0].team[0].role"; a team member has name, email, fingerprint' },
    ]),
    bad("a team member without a name", { ...GOOD, contacts: [{ email: "security@example.org", team: [{ email: ALICE.email, fingerprint: ALICE.fingerprint }] }] }, (t) => [
      { messageId: "fieldMissing", ...memberAt(t), message: `"contacts[0].team[0].name" is missing; expected ${EXPECTED.memberName}` },
    ]),
    bad("a team member without a fingerprint", { ...GOOD, contacts: [{ email: "security@example.org", team: [{ name: ALICE.name, email: ALICE.email }] }] }, (t) => [
      { messageId: "fieldMissing", ...memberAt(t), message: `"contacts[0].team[0].fingerprint" is missing; expected ${EXPECTED.fingerprint}` },
    ]),
    bad("a team member given the team's address as their own", { ...GOOD, contacts: [{ email: "security@example.org", team: [{ ...ALICE, email: "security@example.org" }] }] }, (t) => [
      {
        messageId: "emailDuplicate",
        ...valueOf(t, "email", 2),
        message: '"contacts[0].team[0].email" declares security@example.org, which "contacts[0].email" declares already; declare each contact and each team member once, each with an address of their own',
      },
    ]),
    bad("another address that is a team member's", { ...GOOD, contacts: [{ ...CONTACT, team: [ALICE] }], otherAddresses: [{ email: ALICE.email, purpose: "announcements" }] }, (t) => [
      {
        messageId: "otherAddressDuplicate",
        ...valueOf(t, "email", 3),
        message: '"otherAddresses[0].email" declares alice@example.org, which "contacts[0].team[0].email" declares already; declare each address once, a contact\'s in "contacts" only',
      },
    ]),
    bad("other addresses as one object", { ...GOOD, otherAddresses: ANNOUNCE }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "otherAddresses"), message: `"otherAddresses" is an object; expected ${EXPECTED.otherAddresses}` },
    ]),
    bad("an empty list of other addresses", { ...GOOD, otherAddresses: [] }, (t) => [
      { messageId: "urlListEmpty", ...valueOf(t, "otherAddresses"), message: `"otherAddresses" is an empty list; expected ${EXPECTED.otherAddresses}, or leave the field out` },
    ]),
    bad("another address written as a string", { ...GOOD, otherAddresses: ["announce@example.org"] }, (t) => [
      {
        messageId: "otherAddressNotObject",
        ...at(t, '"announce@example.org"'),
        message: '"otherAddresses[0]" is the string "announce@example.org"; expected an object with "email" and "purpose"',
      },
    ]),
    bad("another address with a fingerprint", { ...GOOD, otherAddresses: [{ ...ANNOUNCE, fingerprint: OTHER_FINGERPRINT }] }, (t) => [
      { messageId: "unknownOtherAddressField", ...valueOf(t, "fingerprint", 2), message: 'unknown field "otherAddresses[0].fingerprint"; another address has email, purpose' },
    ]),
    bad("another address without its purpose", { ...GOOD, otherAddresses: [{ email: ANNOUNCE.email }] }, (t) => [
      { messageId: "fieldMissing", ...otherAt(t), message: `"otherAddresses[0].purpose" is missing; expected ${EXPECTED.purpose}` },
    ]),
    bad("another address with an empty purpose", { ...GOOD, otherAddresses: [{ ...ANNOUNCE, purpose: " " }] }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "purpose"), message: `"otherAddresses[0].purpose" is an empty string; expected ${EXPECTED.purpose}` },
    ]),
    bad("another address that is a number", { ...GOOD, otherAddresses: [{ ...ANNOUNCE, email: 7 }] }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "email", 2), message: `"otherAddresses[0].email" is the number 7; expected ${EXPECTED.otherEmail}` },
    ]),
    bad("another address that is no address", { ...GOOD, otherAddresses: [{ ...ANNOUNCE, email: "announce [at] example.org" }] }, (t) => [
      { messageId: "emailInvalid", ...valueOf(t, "email", 2), message: '"otherAddresses[0].email" is "announce [at] example.org", which is not an email address' },
    ]),
    bad("a contact's address declared again as another address", { ...GOOD, otherAddresses: [{ email: "SECURITY@example.org", purpose: "reports" }] }, (t) => [
      {
        messageId: "otherAddressDuplicate",
        ...valueOf(t, "email", 2),
        message: '"otherAddresses[0].email" declares SECURITY@example.org, which "contacts[0].email" declares already; declare each address once, a contact\'s in "contacts" only',
      },
    ]),
    bad("another address listed twice", { ...GOOD, otherAddresses: [ANNOUNCE, ANNOUNCE] }, (t) => [
      { messageId: "otherAddressDuplicate", ...valueOf(t, "email", 3), message: '"otherAddresses[1].email" declares announce@example.org, which "otherAddresses[0].email" declares already; declare each address once, a contact\'s in "contacts" only' },
    ]),
    bad("a fingerprint a digit short", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: FINGERPRINT.slice(0, -1) }] }, (t) => [
      {
        messageId: "fingerprintDigitCount",
        ...valueOf(t, "fingerprint"),
        message:
          '"contacts[0].fingerprint": fingerprint "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E9" has 39 hex digits; a v4 fingerprint has 40 and a v6 fingerprint has 64. Copy it again from `gpg --fingerprint`',
      },
    ]),
    bad("a rotation whose previous fingerprint has a letter that is not hex", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: [FINGERPRINT, OTHER_FINGERPRINT.replace("8ECA", "8ECG")] }] }, (t) => [
      {
        messageId: "fingerprintNotHex",
        ...at(t, '"8ECG'),
        message: '"contacts[0].fingerprint[1]": fingerprint "8ECG FE52 3964 AF82 4016  F6C8 1167 27A6 0111 BF2D" has "G", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
      },
    ]),
    bad("a fingerprint with three spaces between two groups", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: FINGERPRINT.replace("  ", "   ") }] }, (t) => [
      {
        messageId: "fingerprintGapTooWide",
        ...valueOf(t, "fingerprint"),
        message:
          '"contacts[0].fingerprint": fingerprint "7FC1 6F16 A8B3 D4C7 4BC3   3A73 E880 C9B8 C5B5 3E91" has a gap of more than two spaces; separate the groups of four with one space (two in the middle, as gpg prints it)',
      },
    ]),
    bad("a fingerprint grouped in fives", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: "7FC16 F16A8 B3D4C 74BC3 3A73E 880C9 B8C5B 53E91" }] }, (t) => [
      {
        messageId: "fingerprintGroupNotFour",
        ...valueOf(t, "fingerprint"),
        message: '"contacts[0].fingerprint": fingerprint "7FC16 F16A8 B3D4C 74BC3 3A73E 880C9 B8C5B 53E91" has a group "7FC16" of 5 digits; write it in groups of four, or unbroken',
      },
    ]),
    bad("an empty list of fingerprints", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: [] }] }, (t) => [
      {
        messageId: "fingerprintListEmpty",
        ...valueOf(t, "fingerprint"),
        message: `"contacts[0].fingerprint" is an empty list; expected ${EXPECTED.fingerprint}, or during a key rotation a list of them, the key to use now first`,
      },
    ]),
    bad("a number in a list of fingerprints", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: [FINGERPRINT, 42] }] }, (t) => [
      { messageId: "fingerprintItemNotText", ...at(t, "42"), message: '"contacts[0].fingerprint[1]" is the number 42; expected a fingerprint as gpg prints it' },
    ]),
    bad("spaces in a list of fingerprints", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: ["  ", FINGERPRINT] }] }, (t) => [
      { messageId: "fingerprintItemNotText", ...at(t, '"  "'), message: '"contacts[0].fingerprint[0]" is an empty string; expected a fingerprint as gpg prints it' },
    ]),
    bad("the same key listed twice, written differently", { ...GOOD, contacts: [{ ...CONTACT, fingerprint: [FINGERPRINT, FINGERPRINT.replace(/ /g, "").toLowerCase()] }] }, (t) => [
      {
        messageId: "fingerprintListedTwice",
        ...at(t, '"7fc1'),
        message: '"contacts[0].fingerprint[1]" lists 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91 a second time; list each key once',
      },
    ]),
    bad("no day of review", { url: GOOD.url, name: GOOD.name, contacts: GOOD.contacts }, () => [
      {
        messageId: "reviewedMissing",
        ...TOP,
        message: `"reviewed" is missing: add the day a person last read the policy through and found it true, e.g. "reviewed": "${new Date().toISOString().slice(0, 10)}"; security.txt's Expires counts from it, so that it promises no more than a person checked`,
      },
    ]),
    bad("a day of review that does not exist", { ...GOOD, reviewed: "2026-02-29" }, (t) => [
      { messageId: "reviewedNotDate", ...valueOf(t, "reviewed"), message: `"reviewed" is the string "2026-02-29"; expected ${EXPECTED.reviewed}` },
    ]),
    bad("a day of review with a time", { ...GOOD, reviewed: "2026-11-20T00:00:00Z" }, (t) => [{ messageId: "reviewedNotDate", ...valueOf(t, "reviewed") }]),
    bad("a day of review as a number", { ...GOOD, reviewed: 20261120 }, (t) => [{ messageId: "reviewedNotDate", ...valueOf(t, "reviewed") }]),
    bad("expires as a day without a time", { ...GOOD, expires: "2026-06-30" }, (t) => [
      { messageId: "expiresNotDateTime", ...valueOf(t, "expires"), message: `"expires" is "2026-06-30", which is not an RFC 3339 date-time; expected ${EXPECTED.expires}` },
    ]),
    bad("expires after no days", { ...GOOD, expires: { days: 0 } }, (t) => [
      { messageId: "expiresDaysInvalid", ...valueOf(t, "days"), message: '"expires.days" is the number 0; expected a whole number of days from 1 to 365 after "reviewed", e.g. 180' },
    ]),
    bad("expires after 366 days", { ...GOOD, expires: { days: 366 } }, (t) => [{ messageId: "expiresDaysInvalid", ...valueOf(t, "days") }]),
    bad("expires after a day and a half", { ...GOOD, expires: { days: 1.5 } }, (t) => [{ messageId: "expiresDaysInvalid", ...valueOf(t, "days") }]),
    bad("expires after days written as text", { ...GOOD, expires: { days: "180" } }, (t) => [{ messageId: "expiresDaysInvalid", ...valueOf(t, "days") }]),
    bad("expires as a number", { ...GOOD, expires: 180 }, (t) => [
      { messageId: "expiresInvalid", ...valueOf(t, "expires"), message: `"expires" is the number 180; expected ${EXPECTED.expires}` },
    ]),
    bad("expires with days and another field", { ...GOOD, expires: { days: 180, from: "reviewed" } }, (t) => [{ messageId: "expiresInvalid", ...valueOf(t, "expires") }]),
    bad("expires without days", { ...GOOD, expires: { weeks: 26 } }, (t) => [{ messageId: "expiresInvalid", ...valueOf(t, "expires") }]),
    bad("a preferred language written out", { ...GOOD, preferredLanguages: ["en", "Dutch language"] }, (t) => [
      {
        messageId: "preferredLanguageNotTag",
        ...at(t, '"Dutch language"'),
        message: '"preferredLanguages[1]" is the string "Dutch language", which is not a language tag; expected e.g. "en" or "en-GB"',
      },
    ]),
    bad("preferred languages as one text", { ...GOOD, preferredLanguages: "en" }, (t) => [
      {
        messageId: "preferredLanguagesInvalid",
        ...valueOf(t, "preferredLanguages"),
        message: `"preferredLanguages" is the string "en"; expected ${EXPECTED.preferredLanguages}`,
      },
    ]),
    bad("an empty list of preferred languages", { ...GOOD, preferredLanguages: [] }, (t) => [{ messageId: "preferredLanguagesInvalid", ...valueOf(t, "preferredLanguages") }]),
    bad("an empty list of jobs pages", { ...GOOD, hiring: [] }, (t) => [
      { messageId: "urlListEmpty", ...valueOf(t, "hiring"), message: `"hiring" is an empty list; expected ${EXPECTED.hiring}, or leave the field out` },
    ]),
    bad("a number among the acknowledgment pages", { ...GOOD, acknowledgments: ["https://example.org/thanks/", 42] }, (t) => [
      { messageId: "fieldNotText", ...at(t, "42"), message: `"acknowledgments[1]" is the number 42; expected ${EXPECTED.acknowledgments}` },
    ]),
    bad("an acknowledgments page without a scheme", { ...GOOD, acknowledgments: "example.org/thanks/" }, (t) => [
      {
        messageId: "urlNotAbsolute",
        ...valueOf(t, "acknowledgments"),
        message: `"acknowledgments" is "example.org/thanks/", which is not an absolute URL; expected ${EXPECTED.acknowledgments}`,
      },
    ]),
    bad("a jobs page over http", { ...GOOD, hiring: "http://example.org/jobs/" }, (t) => [
      {
        messageId: "linkNotHttps",
        ...valueOf(t, "hiring"),
        message: `"hiring" is "http://example.org/jobs/", which does not use https: (RFC 9116 allows web URLs only as https); expected ${EXPECTED.hiring}`,
      },
    ]),
    bad("a CSAF URL that is not the provider metadata", { ...GOOD, csaf: ["https://example.org/csaf.json"] }, (t) => [
      {
        messageId: "csafNotProviderMetadata",
        ...at(t, '"https://example.org/csaf.json"'),
        message: `"csaf[0]" is "https://example.org/csaf.json", which is not a provider-metadata.json; expected ${EXPECTED.csaf}`,
      },
    ]),
    bad("a CSAF category CSAF does not have", { ...GOOD, csafProvider: { category: "seller" } }, (t) => [
      {
        messageId: "csafCategoryUnknown",
        ...valueOf(t, "category"),
        message: '"csafProvider.category" is the string "seller"; expected one of vendor, coordinator, discoverer, other, translator, user',
      },
    ]),
    bad("empty CSAF contact details", { ...GOOD, csafProvider: { contactDetails: " " } }, (t) => [
      {
        messageId: "csafContactDetailsInvalid",
        ...valueOf(t, "contactDetails"),
        message: '"csafProvider.contactDetails" is an empty string; expected how to reach the publisher, e.g. "security@example.org"',
      },
    ]),
    bad("CSAF contact details as a number", { ...GOOD, csafProvider: { contactDetails: 5 } }, (t) => [{ messageId: "csafContactDetailsInvalid", ...valueOf(t, "contactDetails") }]),
    bad("csafProvider as text", { ...GOOD, csafProvider: "yes" }, (t) => [
      { messageId: "csafProviderInvalid", ...valueOf(t, "csafProvider"), message: `"csafProvider" is the string "yes"; expected ${EXPECTED.csafProvider}` },
    ]),
    bad("products as one object", { ...GOOD, products: PRODUCT }, (t) => [
      { messageId: "productsInvalid", ...valueOf(t, "products"), message: `"products" is an object; expected ${EXPECTED.products}` },
    ]),
    bad("an empty list of products", { ...GOOD, products: [] }, (t) => [
      { messageId: "productsEmpty", ...valueOf(t, "products"), message: `"products" is an empty list; expected ${EXPECTED.products}, or leave the field out` },
    ]),
    bad("a product as its name alone", { ...GOOD, products: ["Example Options"] }, (t) => [
      { messageId: "productNotObject", ...at(t, '"Example Options"'), message: '"products[0]" is the string "Example Options"; expected an object with "name", "repository" and "purl"' },
    ]),
    bad("a product with a field it does not have", { ...GOOD, products: [{ ...PRODUCT, versions: ["2.1.0"] }] }, (t) => [
      { messageId: "unknownProductField", ...valueOf(t, "versions"), message: 'unknown field "products[0].versions"; a product has name, repository, purl, releases, supportReason' },
    ]),
    bad("a bug bounty over http", { ...GOOD, disclosure: { ...DISCLOSURE, bugBounty: "http://example.org/bounty/" } }, (t) => [{ messageId: "linkNotHttps", ...valueOf(t, "bugBounty") }]),
    bad("administrators as names", { ...GOOD, administrators: ["Alice Example"] }, (t) => [
      { messageId: "administratorNotObject", ...at(t, '"Alice Example"'), message: '"administrators[0]" is the string "Alice Example"; expected an object with "name", and "email" and "affiliation" where known' },
    ]),
    bad("an administrator with a role", { ...GOOD, administrators: [{ name: "Alice Example", role: "owner" }] }, (t) => [
      { messageId: "unknownAdministratorField", ...valueOf(t, "role"), message: 'unknown field "administrators[0].role"; an administrator has name, email, affiliation' },
    ]),
    bad("an administrator's address with a space", { ...GOOD, administrators: [{ name: "Alice Example", email: "alice at example.org" }] }, (t) => [{ messageId: "emailInvalid", ...valueOf(t, "email", 2) }]),
    bad("the disclosure facts as a sentence", { ...GOOD, disclosure: "we answer within 3 days" }, (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "disclosure"), message: `"disclosure" is the string "we answer within 3 days"; expected ${EXPECTED.disclosure}` },
    ]),
    bad("disclosure facts with a field they do not have", { ...GOOD, disclosure: { ...DISCLOSURE, bounty: true } }, (t) => [
      { messageId: "unknownDisclosureField", ...valueOf(t, "bounty"), message: 'unknown field "disclosure.bounty"; "disclosure" has acknowledgeDays, disclosureDays, accountRequired, credit, safeHarbor, bugBounty' },
    ]),
    bad("days as text, and a missing flag", { ...GOOD, disclosure: { acknowledgeDays: "3", disclosureDays: 90, credit: true } }, (t) => [
      {
        messageId: "fieldNotText",
        ...valueOf(t, "acknowledgeDays"),
        message: '"disclosure.acknowledgeDays" is the string "3"; expected within how many days a report is acknowledged, a whole number from 1, e.g. 3',
      },
      { messageId: "fieldMissing", ...at(t, "{", 3), message: '"disclosure.accountRequired" is missing; expected true or false: whether reporting needs an account anywhere' },
    ]),
    bad("no days at all", { ...GOOD, disclosure: { ...DISCLOSURE, disclosureDays: 0 } }, (t) => [{ messageId: "fieldNotText", ...valueOf(t, "disclosureDays") }]),
    bad("acknowledged after it is disclosed", { ...GOOD, disclosure: { ...DISCLOSURE, acknowledgeDays: 120 } }, (t) => [
      {
        messageId: "acknowledgeAfterDisclosure",
        ...valueOf(t, "acknowledgeDays"),
        message: '"disclosure.acknowledgeDays" is 120, later than "disclosure.disclosureDays" (90): a report is acknowledged before it is disclosed',
      },
    ]),
    bad("an empty list of releases", withReleases([]), (t) => [
      { messageId: "urlListEmpty", ...valueOf(t, "releases"), message: `"products[0].releases" is an empty list; expected ${EXPECTED.releases}, or leave the field out` },
    ]),
    bad("a release written as its version", withReleases(["2.1.0"]), (t) => [
      { messageId: "releaseNotObject", ...at(t, '"2.1.0"'), message: '"products[0].releases[0]" is the string "2.1.0"; expected an object with "version", "released" and "supportedUntil"' },
    ]),
    bad("a release with a field it does not have", withReleases([{ ...RELEASE, eol: "2031-03" }]), (t) => [
      { messageId: "unknownReleaseField", ...valueOf(t, "eol"), message: 'unknown field "products[0].releases[0].eol"; a release has version, released, supportedUntil, sbom' },
    ]),
    bad("a release declared twice", withReleases([RELEASE, RELEASE]), (t) => [
      { messageId: "releaseVersionDuplicate", ...valueOf(t, "version", 2), message: '"products[0].releases[1].version" declares version 2.1.0 a second time; declare each release once' },
    ]),
    bad("a release day that does not exist", withReleases([{ ...RELEASE, released: "2026-02-30" }]), (t) => [
      { messageId: "releasedNotDay", ...valueOf(t, "released"), message: '"products[0].releases[0].released" is the string "2026-02-30"; expected the day of the release, as YYYY-MM-DD, e.g. "2026-03-01"' },
    ]),
    bad("a release with no end to its support", withReleases([{ version: "2.1.0", released: "2026-03-01" }]), (t) => [
      {
        messageId: "supportEndMissing",
        ...releaseAt(t),
        message:
          '"products[0].releases[0].supportedUntil" is missing: add the last month (YYYY-MM) or day (YYYY-MM-DD) the release gets security fixes, e.g. "supportedUntil": "2031-03"; the EU Cyber Resilience Act asks for the end of the support period to at least month and year (Art. 13(19))',
      },
    ]),
    bad("an end of support written as a year", withReleases([{ ...RELEASE, supportedUntil: "2031" }]), (t) => [
      { messageId: "supportEndInvalid", ...valueOf(t, "supportedUntil"), message: '"products[0].releases[0].supportedUntil" is the string "2031"; expected the last month (YYYY-MM) or day (YYYY-MM-DD) the release gets security fixes, e.g. "2031-03"' },
    ]),
    bad("an end of support in a month that does not exist", withReleases([{ ...RELEASE, supportedUntil: "2031-13" }]), (t) => [{ messageId: "supportEndInvalid", ...valueOf(t, "supportedUntil") }]),
    bad("an end of support before the release", withReleases([{ ...RELEASE, supportedUntil: "2026-02" }]), (t) => [
      { messageId: "supportEndBeforeRelease", ...valueOf(t, "supportedUntil"), message: '"products[0].releases[0].supportedUntil" is 2026-02, which ends before the release on 2026-03-01; expected the last month or day the release gets security fixes' },
    ]),
    bad("an SBOM over http", withReleases([{ ...RELEASE, sbom: "http://example.org/sbom/2.1.0.cdx.json" }]), (t) => [{ messageId: "linkNotHttps", ...valueOf(t, "sbom") }]),
    bad("a product without a name", { ...GOOD, products: [{ repository: PRODUCT.repository, purl: PRODUCT.purl }] }, (t) => [
      { messageId: "fieldMissing", ...productAt(t), message: `"products[0].name" is missing; expected ${EXPECTED.productName}` },
    ]),
    bad("a product without a repository or a purl", { ...GOOD, products: [{ name: "Example Options" }] }, (t) => [
      { messageId: "fieldMissing", ...productAt(t), message: `"products[0].repository" is missing; expected ${EXPECTED.repository}` },
      { messageId: "fieldMissing", ...productAt(t), message: `"products[0].purl" is missing; expected ${EXPECTED.purl}` },
    ]),
    bad("a purl that is a number", withPurl(42 as unknown as string), (t) => [
      { messageId: "fieldNotText", ...valueOf(t, "purl"), message: `"products[0].purl" is the number 42; expected ${EXPECTED.purl}` },
    ]),
    bad("a repository without a scheme", { ...GOOD, products: [{ ...PRODUCT, repository: "github.com/example/options" }] }, (t) => [
      { messageId: "urlNotAbsolute", ...valueOf(t, "repository"), message: `"products[0].repository" is "github.com/example/options", which is not an absolute URL; expected ${EXPECTED.repository}` },
    ]),
    bad("a repository over git://", { ...GOOD, products: [{ ...PRODUCT, repository: "git://github.com/example/options" }] }, (t) => [
      { messageId: "repositoryNotHttps", ...valueOf(t, "repository"), message: `"products[0].repository" is "git://github.com/example/options", which does not use https:; expected ${EXPECTED.repository}` },
    ]),
    bad("a purl without its scheme", withPurl("npm/left-pad"), (t) => [
      {
        messageId: "purlNoScheme",
        ...valueOf(t, "purl"),
        message: `"products[0].purl" is "npm/left-pad", which is not a package URL: one starts with "pkg:" and its type (pkg:npm/…, pkg:maven/…, pkg:github/…); expected ${EXPECTED.purl}`,
      },
    ]),
    bad("a purl without a type", withPurl("pkg:"), (t) => [{ messageId: "purlNoScheme", ...valueOf(t, "purl") }]),
    bad("a purl with a space", withPurl("pkg:npm/left pad"), (t) => [
      { messageId: "purlCharacter", ...valueOf(t, "purl"), message: '"products[0].purl": the package URL "pkg:npm/left pad" holds " ", which must be percent-encoded (a space as %20)' },
    ]),
    bad("a purl whose type starts with a digit", withPurl("pkg:3npm/left-pad"), (t) => [
      {
        messageId: "purlType",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:3npm/left-pad" has the type "3npm"; a type is ASCII letters, digits, "." and "-", starting with a letter (npm, maven, github, …)',
      },
    ]),
    bad("a purl with no name", withPurl("pkg:npm"), (t) => [
      { messageId: "purlNoName", ...valueOf(t, "purl"), message: '"products[0].purl": the package URL "pkg:npm" names no package; write pkg:<type>/<namespace>/<name>' },
    ]),
    bad("a purl with a bad escape", withPurl("pkg:npm/left%ZZpad"), (t) => [
      {
        messageId: "purlPercent",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:npm/left%ZZpad" has "left%ZZpad", which is not valid percent-encoding ("%" and two hex digits, of UTF-8)',
      },
    ]),
    bad("a purl with a qualifier without a value", withPurl("pkg:npm/left-pad?arch"), (t) => [
      {
        messageId: "purlQualifier",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:npm/left-pad?arch" has the qualifier "arch"; each qualifier is key=value, given once, its key ASCII letters, digits, ".", "-" and "_", starting with a letter',
      },
    ]),
    bad("a purl with a qualifier given twice", withPurl("pkg:npm/left-pad?arch=x&arch=y"), (t) => [{ messageId: "purlQualifier", ...valueOf(t, "purl") }]),
    bad("a purl with an encoded / in its namespace", withPurl("pkg:golang/github.com%2Fexample/tool"), (t) => [
      {
        messageId: "purlSlash",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:golang/github.com%2Fexample/tool" has the segment "github.com%2Fexample", which holds an encoded "/"; a namespace or subpath segment cannot',
      },
    ]),
    bad("a Maven purl without its group", withPurl("pkg:maven/example-server"), (t) => [
      {
        messageId: "purlNamespaceRequired",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:maven/example-server" has no namespace, which a maven package URL requires: pkg:maven/<namespace>/<name>',
      },
    ]),
    bad("a PyPI purl with a namespace", withPurl("pkg:pypi/example/archive"), (t) => [
      {
        messageId: "purlNamespaceProhibited",
        ...valueOf(t, "purl"),
        message: '"products[0].purl": the package URL "pkg:pypi/example/archive" has a namespace, which a pypi package URL cannot have: pkg:pypi/<name>',
      },
    ]),
    bad("a purl with a version", withPurl("pkg:npm/%40example/options@2.4.3?arch=x86"), (t) => [
      {
        messageId: "purlVersion",
        ...valueOf(t, "purl"),
        message:
          '"products[0].purl": the package URL "pkg:npm/%40example/options@2.4.3?arch=x86" names the version 2.4.3; a product\'s purl names the package, whose versions belong to its releases: write "pkg:npm/%40example/options?arch=x86"',
      },
    ]),
    bad("one package declared twice, written otherwise", { ...GOOD, products: [PRODUCT, { ...PRODUCT, name: "Options", purl: "pkg:NPM/%40example/options" }] }, (t) => [
      { messageId: "productPurlDuplicate", ...valueOf(t, "purl", 2), message: '"products[1].purl" declares pkg:NPM/%40example/options a second time; declare each product once' },
    ]),
    bad("csafProvider with a field it does not have", { ...GOOD, csafProvider: { category: "vendor", name: "Example" } }, (t) => [{ messageId: "csafProviderInvalid", ...valueOf(t, "csafProvider") }]),
  ],
});
