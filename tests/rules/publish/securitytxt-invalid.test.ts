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
const SIGNATURE = "-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n=SW4P\n-----END PGP SIGNATURE-----\n";
const signed = (body: string, signature = SIGNATURE) =>
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
    { name: "CR LF line endings (RFC 9116 section 2.2)", input: GOOD.replace(/\n/g, "\r\n") },
    { name: "CR LF and LF mixed, as the ABNF's eol decides line by line", input: GOOD.replace("\n", "\r\n") },
    { name: "a signed file with CR LF line endings", input: signed(GOOD).replace(/\n/g, "\r\n") },
    { name: "a signed file with armor headers in its signature and no checksum", input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v2\n\nwgECAwQF\n-----END PGP SIGNATURE-----\n") },
    { name: "a Contact of any scheme, such as ftp:", input: `${GOOD}Contact: ftp://example.org/report\n` },
    { name: "a Hiring field with a mailto link", input: `${GOOD}Hiring: mailto:jobs@example.org\n` },
    { name: "an Encryption of another scheme than https, dns or openpgp4fpr", input: `${GOOD}Encryption: ldap://keys.example.org/cn=security\n` },
    { name: "an address in angle brackets in an unknown field, which is no placeholder", input: `${GOOD}Owner: Security Team <security@example.org>\n` },
    { name: "a percent-encoded URL", input: `${GOOD}Acknowledgments: https://example.org/hall%20of%20fame/\n` },
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
      findings: [
        {
          messageId: "notHashHeader",
          line: 3,
          column: 1,
          message: `${BREAKS}line 3 is not a "Hash:" armor header of the signed message: "Comment: hi"; the header lines end at the first empty line (RFC 9116 section 4, RFC 4880 section 7)`,
        },
      ],
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
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n"),
      findings: [{ messageId: "signatureIncomplete", line: 14, column: 1 }],
    },
    {
      name: "a field after the signature",
      input: signed(GOOD, `${SIGNATURE}Contact: mailto:evil@example.net\n`),
      findings: [{ messageId: "afterSignature", line: 17, column: 1, message: `${BREAKS}line 17 follows the signature; nothing may follow "-----END PGP SIGNATURE-----"` }],
    },
    {
      name: "a signed line that starts with a dash but is not dash-escaped",
      input: signed(`${GOOD}-not escaped\n`),
      findings: [
        {
          messageId: "notDashEscaped",
          line: 12,
          column: 1,
          message: `${BREAKS}line 12 starts with "-" but is not dash-escaped ("- "): "-not escaped"; every signed line that starts with "-" is written with "- " before it (RFC 4880 section 7.1)`,
        },
      ],
    },
    {
      name: "a line before the signed message",
      input: `Contact: mailto:security@example.org\n${signed(GOOD)}`,
      findings: [
        {
          messageId: "beforeSignedMessage",
          line: 1,
          column: 1,
          message: `${BREAKS}line 1 comes before "-----BEGIN PGP SIGNED MESSAGE-----": "Contact: mailto:security@example.org"; a signed file is the signed message alone (RFC 9116 section 4)`,
        },
      ],
    },
    {
      name: "a signature without the empty line before its data",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\nwgECAwQF\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "notArmorHeader",
          line: 13,
          column: 1,
          message: `${BREAKS}line 13 of the signature is neither an armor header ("Key: value") nor the empty line that comes before the signature's data: "wgECAwQF" (RFC 4880 section 6.2)`,
        },
      ],
    },
    {
      name: "a dash-escaped line inside the signature block",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\n- wgECAwQF\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "dashEscapedInSignature",
          line: 14,
          column: 1,
          message: `${BREAKS}line 14 inside the signature block is dash-escaped: "- wgECAwQF"; only the signed text is escaped, never the armored signature (RFC 4880 section 7.1): sign the file again`,
        },
      ],
    },
    {
      name: "a signature line that is not base64",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nwgEC*wQF\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "notBase64",
          line: 14,
          column: 1,
          message: `${BREAKS}line 14 of the signature is not base64: "wgEC*wQF"; the signature was altered or cut: sign the file again (RFC 4880 section 6)`,
        },
      ],
    },
    {
      name: "a signature whose base64 is cut short",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nwgECAwQ\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "base64Length",
          line: 14,
          column: 1,
          message: `${BREAKS}the signature's base64 ends at line 14 ("wgECAwQ") but is not whole: four characters to a group, "=" only at its end; the signature was cut: sign the file again (RFC 4648 section 4)`,
        },
      ],
    },
    {
      name: "a signature block with no signature in it",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n"),
      findings: [{ messageId: "signatureEmpty", line: 14, column: 1, message: `${BREAKS}line 14 ends a signature block that holds no signature: sign the file again` }],
    },
    {
      name: "a checksum line that is not one",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n=SW4\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "checksumInvalid",
          line: 15,
          column: 1,
          message: `${BREAKS}line 15 is not an armor checksum ("=" and four base64 characters): "=SW4" (RFC 4880 section 6.2)`,
        },
      ],
    },
    {
      name: "a checksum that is not the signature's CRC-24",
      input: signed(GOOD, "-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n=SW4Q\n-----END PGP SIGNATURE-----\n"),
      findings: [
        {
          messageId: "checksumMismatch",
          line: 15,
          column: 1,
          message: `${BREAKS}line 15: the armor checksum is =SW4Q, but the signature's data has the CRC-24 =SW4P; the signature was altered after it was made: sign the file again (RFC 4880 section 6.1)`,
        },
      ],
    },
    {
      name: "a second signed message after the first",
      input: `${signed(GOOD)}${signed("Contact: mailto:evil@example.net\n")}`,
      findings: [
        {
          messageId: "secondSignedMessage",
          line: 17,
          column: 1,
          message: `${BREAKS}line 17 begins a second signed message; a security.txt holds one, and nothing may follow "-----END PGP SIGNATURE-----"`,
        },
      ],
    },
    {
      name: "a template placeholder left in a Contact",
      input: replace("mailto:security@example.org", "mailto:{{ security_email }}"),
      findings: [
        {
          messageId: "placeholderUnfilled",
          line: 1,
          column: 1,
          message: `${BREAKS}line 1: Contact "mailto:{{ security_email }}" holds "{{ security_email }}": a template placeholder was left unfilled; fill it in, or fix what writes the file`,
        },
      ],
    },
    { name: "a Liquid tag left in Expires", input: replace("2026-09-06T00:00:00Z", "{% expires %}"), findings: [{ messageId: "placeholderUnfilled", line: 3, column: 1 }] },
    { name: "a %%NAME%% placeholder left in Policy", input: replace("Policy: https://example.org/security/", "Policy: https://%%DOMAIN%%/security/"), findings: [{ messageId: "placeholderUnfilled", line: 8, column: 1 }] },
    { name: "an angle-bracket placeholder left in a Contact", input: replace("mailto:psirt+web@example.org", "mailto:<your-email>"), findings: [{ messageId: "placeholderUnfilled", line: 2, column: 1 }] },
    { name: "a ${NAME} placeholder left in an unknown field", input: `${GOOD}Bug-Bounty: \${BOUNTY_URL}\n`, findings: [{ messageId: "placeholderUnfilled", line: 9, column: 1 }] },
    { name: "a placeholder left in Preferred-Languages", input: replace("en, nl", "{{ languages }}"), findings: [{ messageId: "placeholderUnfilled", line: 6, column: 1 }] },
    {
      name: "a URI with a character RFC 3986 does not allow",
      input: replace("Policy: https://example.org/security/", "Policy: https://example.org/sécurité/"),
      findings: [{ messageId: "uriInvalid", line: 8, column: 1 }],
    },
    { name: "a URI with a broken percent escape", input: replace("Policy: https://example.org/security/", "Policy: https://example.org/100%/"), findings: [{ messageId: "uriInvalid", line: 8, column: 1 }] },
    { name: "an Encryption over http", input: replace("Encryption: https://", "Encryption: http://"), findings: [{ messageId: "uriHttp", line: 4, column: 1 }] },
    {
      name: "a byte-order mark is the one finding: the fields after it are read",
      input: `\uFEFF${GOOD}`,
      findings: [{ messageId: "byteOrderMark", line: 1, column: 1, message: `${BREAKS}the file starts with a byte-order mark; write plain UTF-8 without one` }],
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
      name: "a Contact that is no URI",
      input: replace("mailto:security@example.org", "security@example.org"),
      findings: [{ messageId: "uriInvalid", line: 1, column: 1, message: `${BREAKS}line 1: Contact "security@example.org" is not a URI (RFC 3986 section 3: a scheme, then only the characters of section 2, a space written %20)` }],
    },
    {
      name: "an Acknowledgments URL with a space",
      input: `${GOOD}Acknowledgments: https://example.org/hall of fame/\n`,
      findings: [{ messageId: "uriInvalid", line: 9, column: 1, message: `${BREAKS}line 9: Acknowledgments "https://example.org/hall of fame/" is not a URI (RFC 3986 section 3: a scheme, then only the characters of section 2, a space written %20)` }],
    },
    {
      name: "a Policy over http",
      input: replace("Policy: https://", "Policy: http://"),
      findings: [{ messageId: "uriHttp", line: 8, column: 1, message: `${BREAKS}line 8: Policy "http://example.org/security/" is a web URI; RFC 9116 section 2.3 requires https://` }],
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
