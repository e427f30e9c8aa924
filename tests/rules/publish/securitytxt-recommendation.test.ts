import { placed, type Finding } from "../../../src/findings/finding.ts";
import { checkSecurityTxt } from "../../../src/rules/publish/securitytxt-invalid.ts";
import securitytxtRecommendation from "../../../src/rules/publish/securitytxt-recommendation.ts";
import { testRule } from "../../support/rule-tester.ts";

/** The moment the file is judged at, and the URL it is served from. */
const NOW = new Date("2026-03-10T12:00:00Z");
const CANONICAL = "https://example.org/.well-known/security.txt";
const DAY = 86_400_000;

/** Each problem of a security.txt, at its line of the file. */
function run(input: { text: string; now?: Date }): Finding[] {
  return checkSecurityTxt(input.text, { now: input.now ?? NOW, canonical: CANONICAL }).map((p) => placed(p, "security.txt", { line: p.line ?? 1, column: 1 }));
}

/** A good file; Expires on line 2, Encryption on line 3, Canonical on line 4. */
const GOOD = [
  "Contact: mailto:security@example.org",
  "Expires: 2026-09-06T00:00:00Z",
  "Encryption: openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d",
  `Canonical: ${CANONICAL}`,
  "Policy: https://example.org/security/",
  "",
].join("\n");

const file = (text: string) => ({ text });

function replace(from: string, to: string): { text: string } {
  if (!GOOD.includes(from)) throw new Error(`test: ${from} is not in the file`);
  return file(GOOD.replace(from, to));
}

const expires = (date: Date) => replace("2026-09-06T00:00:00Z", date.toISOString().replace(/\.000Z$/, "Z"));

/** A signed file: BEGIN on line 1, the fields from line 4. */
const signed = (body: string) => file(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n=SW4P\n-----END PGP SIGNATURE-----\n`);

testRule(securitytxtRecommendation, run, {
  // A security.txt as served, judged at noon on 2026-11-25 from https://example.org/.
  example: (text) => ({ text, now: new Date("2026-11-25T12:00:00Z") }),
  valid: [
    { name: "a file that follows every recommendation", input: file(GOOD) },
    { name: "an Expires exactly 365 days ahead", input: expires(new Date(NOW.getTime() + 365 * DAY)) },
    { name: "an unsigned file without Canonical", input: replace(`Canonical: ${CANONICAL}\n`, "") },
    { name: "a signed file with Canonical", input: signed(GOOD) },
    { name: "a Canonical among others that names the file's URL", input: replace(`Canonical: ${CANONICAL}`, `Canonical: https://www.example.org/.well-known/security.txt\nCanonical: ${CANONICAL}`) },
    { name: "a Contact that is no email address, without Encryption", input: file(GOOD.replace("mailto:security@example.org", "https://example.org/report").replace(/^Encryption:.*\n/m, "")) },
    { name: "a CSAF field naming a provider-metadata.json", input: file(`${GOOD}CSAF: https://example.org/.well-known/csaf/provider-metadata.json\n`) },
  ],
  invalid: [
    {
      name: "an Expires one second more than 365 days ahead: a warning, not an error",
      input: expires(new Date(NOW.getTime() + 365 * DAY + 1000)),
      findings: [
        {
          messageId: "expiresTooFar",
          line: 2,
          column: 1,
          message:
            "security.txt line 2: Expires 2027-03-10T12:00:01Z is more than 365 days ahead; RFC 9116 section 2.5.5 recommends less than a year, so that a stale file is noticed: set it within a year",
        },
      ],
    },
    {
      name: "a Canonical that is not the URL the file is served from",
      input: replace(CANONICAL, "https://example.net/.well-known/security.txt"),
      findings: [
        {
          messageId: "canonicalMismatch",
          line: 4,
          column: 1,
          message: `security.txt: no Canonical field is ${CANONICAL}, the URL the file is served from; RFC 9116 section 2.5.2 says such a file should not be trusted: add that URL as a Canonical field`,
        },
      ],
    },
    {
      name: "a signed file without Canonical",
      input: signed(GOOD.replace(`Canonical: ${CANONICAL}\n`, "")),
      findings: [
        {
          messageId: "signedWithoutCanonical",
          line: 1,
          column: 1,
          message:
            'security.txt is signed but has no "Canonical" field; RFC 9116 section 2.3 recommends one, so that the signature also vouches for where the file belongs: add "Canonical: <the file\'s URL>" and sign it again',
        },
      ],
    },
    {
      name: "an email Contact and no Encryption, at the first email Contact",
      input: file(`Contact: https://example.org/report\n${GOOD.replace(/^Encryption:.*\n/m, "")}`),
      findings: [
        {
          messageId: "emailWithoutEncryption",
          line: 2,
          column: 1,
          message:
            'security.txt line 2: Contact "mailto:security@example.org" is an email address, and no "Encryption" field names a key to encrypt to; RFC 9116 section 2.5.3 recommends encryption for email: add an Encryption field',
        },
      ],
    },
    {
      name: "a CSAF field naming a folder instead of the provider-metadata.json",
      input: file(`${GOOD}CSAF: https://example.org/.well-known/csaf/\n`),
      findings: [
        {
          messageId: "csafNotProviderMetadata",
          line: 6,
          column: 1,
          message:
            'security.txt line 6: CSAF "https://example.org/.well-known/csaf/" does not name a provider-metadata.json; CSAF 2.0 section 7.1.8 has the CSAF field point to the provider\'s provider-metadata.json',
        },
      ],
    },
    {
      name: "a CSAF field over http is an error of securitytxt-invalid only",
      input: file(`${GOOD}CSAF: http://example.org/advisories/\n`),
      findings: [{ rule: "securitytxt-invalid", messageId: "uriHttp", line: 6, column: 1 }],
    },
  ],
});
