import { placed, type Finding } from "../../../src/findings/finding.ts";
import securitytxtInvalid from "../../../src/rules/publish/securitytxt-invalid.ts";
import { checkSecurityTxt } from "../../../src/rules/publish/securitytxt-invalid.ts";
import { testRule } from "../../support/rule-tester.ts";
import { plan, type PlanInput } from "./plan-input.ts";

/** The moment the file is judged at, and the URL it is served from. */
const NOW = new Date("2026-03-10T12:00:00Z");
const CANONICAL = "https://example.org/.well-known/security.txt";
const DAY = 86_400_000;

/**
 * Each problem of a security.txt, at its line of the file; or, for site data (a doc page's
 * example), what the build reports of the file it makes from the data: each problem at the top
 * of the data file, the line of security.txt in the message.
 */
function run(input: string | PlanInput): Finding[] | Promise<Finding[]> {
  if (typeof input !== "string") return plan(input);
  return checkSecurityTxt(input, { now: NOW, canonical: CANONICAL }).map((p) => placed(p, "security.txt", { line: p.line ?? 1, column: 1 }));
}

/** What every message of the rule starts with. */
const BREAKS = "the security.txt made from the data breaks a rule: ";

/** The file the build writes for a site with two contacts; Expires on line 3, Policy on line 8. */
const GOOD = [
  "Contact: mailto:security@example.org",
  "Contact: mailto:psirt+web@example.org",
  "Expires: 2026-09-06T00:00:00Z",
  "Encryption: https://example.org/security/keys/security@example.org.asc",
  "Encryption: openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d",
  "Preferred-Languages: en, nl",
  `Canonical: ${CANONICAL}`,
  "Policy: https://example.org/security/",
  "",
].join("\n");

function replace(from: string, to: string): string {
  if (!GOOD.includes(from)) throw new Error(`test: ${from} is not in the file`);
  return GOOD.replace(from, to);
}

const without = (name: string) =>
  GOOD.split("\n")
    .filter((l) => !l.startsWith(`${name}:`))
    .join("\n");

const expires = (date: Date) => replace("2026-09-06T00:00:00Z", date.toISOString().replace(/\.000Z$/, "Z"));

/** GOOD, cleartext-signed: "-----BEGIN PGP SIGNED MESSAGE-----" on line 1, the fields from line 4. */
const signed = (body: string, signature = "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n") =>
  `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}${signature}`;

testRule(securitytxtInvalid, run, {
  // The site data as written, built at noon on 2026-11-25.
  example: (text) => ({ text, now: new Date("2026-11-25T12:00:00Z") }),
  valid: [
    { name: "the file the build writes", input: GOOD },
    { name: "comments, blank lines and unknown fields", input: `# A comment\n\n${GOOD}Bug-Bounty: True\n` },
    { name: "field names in any case", input: GOOD.replace("Contact:", "CONTACT:").replace("Expires:", "expires:") },
    { name: "a tel: and an https: Contact", input: `${GOOD}Contact: tel:+1-201-555-0123\nContact: https://example.org/contact\n` },
    { name: "an Expires one second ahead", input: expires(new Date(NOW.getTime() + 1000)) },
    { name: "an Expires exactly 365 days ahead", input: expires(new Date(NOW.getTime() + 365 * DAY)) },
    { name: "a v6 fingerprint as Encryption", input: replace("openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d", `openpgp4fpr:${"a".repeat(64)}`) },
    { name: "a dns: Encryption", input: replace("openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d", "dns:5d2d37ab76d47d36._openpgpkey.example.org?type=OPENPGPKEY") },
    { name: "a three-letter language tag with a region", input: replace("en, nl", "en, nld-BE") },
    { name: "an unsigned file without Canonical", input: without("Canonical") },
    { name: "a signed file with a dash-escaped line", input: signed(`${GOOD}- # dash-escaped comment\n`) },
  ],
  invalid: [
    {
      name: "a line that is not a field",
      input: replace("Policy:", "Policy"),
      findings: [
        {
          messageId: "notAField",
          line: 8,
          column: 1,
          message: `${BREAKS}line 8 is neither a field ("Name: value"), a comment ("# ...") nor empty: "Policy https://example.org/security/"`,
        },
      ],
    },
    {
      name: "a field without a space after its colon",
      input: replace("Policy: https", "Policy:https"),
      findings: [{ messageId: "noSpaceAfterColon", line: 8, column: 1, message: `${BREAKS}line 8: "Policy:" must be followed by a space before the value (RFC 9116 section 4)` }],
    },
    {
      name: "a signed file with an armor header that is not Hash",
      input: signed(GOOD).replace("Hash: SHA512\n", "Hash: SHA512\nComment: hi\n"),
      findings: [{ messageId: "notHashHeader", line: 3, column: 1, message: `${BREAKS}line 3 is not a "Hash:" armor header of the signed message: "Comment: hi"` }],
    },
    {
      name: "a signed file without its signature",
      input: signed(GOOD, ""),
      findings: [
        {
          messageId: "signatureIncomplete",
          line: 11,
          column: 1,
          message: `${BREAKS}the signed message has no complete signature block ("-----BEGIN PGP SIGNATURE-----" ... "-----END PGP SIGNATURE-----")`,
        },
      ],
    },
    {
      name: "a signed file whose signature never ends",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n"),
      findings: [{ messageId: "signatureIncomplete", line: 14, column: 1 }],
    },
    {
      name: "a field after the signature",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\nContact: mailto:evil@example.net\n"),
      findings: [{ messageId: "afterSignature", line: 16, column: 1, message: `${BREAKS}line 16 follows the signature; nothing may follow "-----END PGP SIGNATURE-----"` }],
    },
    {
      name: "a signed line that starts with a dash but is not dash-escaped",
      input: signed(`${GOOD}-not escaped\n`),
      findings: [{ messageId: "notDashEscaped", line: 12, column: 1, message: `${BREAKS}line 12 starts with "-" but is not dash-escaped ("- ")` }],
    },
    {
      name: "a byte-order mark",
      input: `\uFEFF${GOOD}`,
      findings: [
        { messageId: "byteOrderMark", line: 1, column: 1, message: `${BREAKS}the file starts with a byte-order mark; write plain UTF-8 without one` },
        { messageId: "notAField", line: 1, column: 1 },
      ],
    },
    {
      name: "CR LF line endings, one finding per line",
      input: GOOD.split("\n").slice(0, 2).join("\r\n") + "\r\nExpires: 2026-09-06T00:00:00Z\n",
      findings: [
        { messageId: "crLf", line: 1, column: 1, message: `${BREAKS}line 1 ends with CR LF; write LF line endings` },
        { messageId: "crLf", line: 2, column: 1 },
      ],
    },
    {
      name: "a last line without a line break",
      input: GOOD.trimEnd(),
      findings: [{ messageId: "noFinalLineBreak", line: 8, column: 1, message: `${BREAKS}the last line has no line break (RFC 9116 section 4: every line ends with one)` }],
    },
    {
      name: "no Contact",
      input: without("Contact"),
      findings: [{ messageId: "noContact", line: 1, column: 1, message: `${BREAKS}there is no "Contact" field; RFC 9116 section 2.5.3 requires at least one` }],
    },
    {
      name: "no Expires",
      input: without("Expires"),
      findings: [{ messageId: "noExpires", line: 1, column: 1, message: `${BREAKS}there is no "Expires" field; RFC 9116 section 2.5.5 requires exactly one` }],
    },
    {
      name: "two Expires, at the second",
      input: `${GOOD}Expires: 2026-09-07T00:00:00Z\n`,
      findings: [{ messageId: "manyExpires", line: 9, column: 1, message: `${BREAKS}there are 2 "Expires" fields; RFC 9116 section 2.5.5 requires exactly one` }],
    },
    {
      name: "an Expires that is a date without a time",
      input: replace("2026-09-06T00:00:00Z", "2026-09-06"),
      findings: [{ messageId: "expiresNotDate", line: 3, column: 1, message: `${BREAKS}line 3: Expires "2026-09-06" is not an RFC 3339 date-time such as 2026-06-30T00:00:00Z` }],
    },
    {
      name: "an Expires at the very moment of the check",
      input: expires(NOW),
      findings: [{ messageId: "expiresPassed", line: 3, column: 1, message: `${BREAKS}line 3: Expires 2026-03-10T12:00:00Z has passed; the file is stale` }],
    },
    {
      name: "an Expires one second more than 365 days ahead",
      input: expires(new Date(NOW.getTime() + 365 * DAY + 1000)),
      findings: [
        { messageId: "expiresTooFar", line: 3, column: 1, message: `${BREAKS}line 3: Expires 2027-03-10T12:00:01Z is more than 365 days ahead; RFC 9116 recommends less than a year` },
      ],
    },
    {
      name: "two Preferred-Languages fields",
      input: `${GOOD}Preferred-Languages: fr\n`,
      findings: [
        { messageId: "manyPreferredLanguages", line: 9, column: 1, message: `${BREAKS}there is more than one "Preferred-Languages" field; RFC 9116 section 2.5.8 allows one` },
      ],
    },
    {
      name: "a language that is not a tag",
      input: replace("en, nl", "en, Dutch language"),
      findings: [
        { messageId: "notLanguageTag", line: 6, column: 1, message: `${BREAKS}line 6: "Dutch language" in Preferred-Languages is not a language tag (RFC 5646), e.g. "en"` },
      ],
    },
    {
      name: "a language tag of four letters",
      input: replace("en, nl", "engl"),
      findings: [{ messageId: "notLanguageTag", line: 6, column: 1 }],
    },
    {
      name: "a Canonical that is not the URL the file is served from",
      input: replace(CANONICAL, "https://example.net/.well-known/security.txt"),
      findings: [
        {
          messageId: "canonicalMismatch",
          line: 7,
          column: 1,
          message: `${BREAKS}no Canonical field is ${CANONICAL}, the URL the file is served from; readers must then not trust it (RFC 9116 section 2.5.2)`,
        },
      ],
    },
    {
      name: "a signed file without Canonical",
      input: signed(without("Canonical")),
      findings: [
        {
          messageId: "signedWithoutCanonical",
          line: 1,
          column: 1,
          message: `${BREAKS}the file is signed but has no "Canonical" field; RFC 9116 section 2.5.2 recommends one, so that the signature cannot be replayed at another URL`,
        },
      ],
    },
    {
      name: "a Contact that is no URI",
      input: replace("mailto:security@example.org", "security@example.org"),
      findings: [{ messageId: "uriInvalid", line: 1, column: 1, message: `${BREAKS}line 1: Contact "security@example.org" is not a URI` }],
    },
    {
      name: "an Acknowledgments URL with a space",
      input: `${GOOD}Acknowledgments: https://example.org/hall of fame/\n`,
      findings: [{ messageId: "uriInvalid", line: 9, column: 1, message: `${BREAKS}line 9: Acknowledgments "https://example.org/hall of fame/" is not a URI` }],
    },
    {
      name: "a Policy over http",
      input: replace("Policy: https://", "Policy: http://"),
      findings: [{ messageId: "uriHttp", line: 8, column: 1, message: `${BREAKS}line 8: Policy "http://example.org/security/" is a web URI; RFC 9116 section 2.3 requires https://` }],
    },
    {
      name: "a Contact with a scheme it may not have",
      input: replace("mailto:psirt+web@example.org", "ftp://example.org/report"),
      findings: [{ messageId: "uriScheme", line: 2, column: 1, message: `${BREAKS}line 2: Contact "ftp://example.org/report" has the scheme "ftp:"; expected mailto:, tel:, https:` }],
    },
    {
      name: "a Hiring field with a mailto link",
      input: `${GOOD}Hiring: mailto:jobs@example.org\n`,
      findings: [{ messageId: "uriScheme", line: 9, column: 1, message: `${BREAKS}line 9: Hiring "mailto:jobs@example.org" has the scheme "mailto:"; expected https:` }],
    },
    {
      name: "an https URL that does not parse",
      input: replace("Policy: https://example.org/security/", "Policy: https://["),
      findings: [{ messageId: "uriHttpsInvalid", line: 8, column: 1, message: `${BREAKS}line 8: Policy "https://[" is not a valid https URL` }],
    },
    {
      name: "a mailto Contact that is not a valid link, with the link's first problem",
      input: replace("mailto:security@example.org", "mailto:secu%ZZrity@example.org"),
      findings: [
        {
          messageId: "uriMailtoInvalid",
          line: 1,
          column: 1,
          message: `${BREAKS}line 1: Contact "mailto:secu%ZZrity@example.org" is not a valid mailto URI: "%ZZ" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)`,
        },
      ],
    },
    {
      name: "an openpgp4fpr Encryption that is not a whole fingerprint",
      input: replace("openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d", "openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2"),
      findings: [
        {
          messageId: "uriOpenpgp4fprInvalid",
          line: 5,
          column: 1,
          message: `${BREAKS}line 5: Encryption "openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2" is not an OpenPGP fingerprint of 40 or 64 hex digits`,
        },
      ],
    },
    {
      name: "several problems, in the order of their lines",
      input: `${replace("Policy: https://", "Policy: http://").replace("en, nl", "en, x")}Expires: 2026-09-07T00:00:00Z\n`,
      findings: [
        { messageId: "notLanguageTag", line: 6, column: 1 },
        { messageId: "uriHttp", line: 8, column: 1 },
        { messageId: "manyExpires", line: 9, column: 1 },
      ],
    },
  ],
});
