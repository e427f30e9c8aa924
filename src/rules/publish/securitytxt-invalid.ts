import type { Problem } from "../../findings/finding.ts";
import { checkSecurityTxt as checkFile, isRecommendation, type SecurityTxtExpectation, type SecurityTxtProblem } from "../../formats/security-txt.ts";
import { mailtoReason } from "../page/mailto-invalid.ts";
import { defineRule } from "../rule.ts";
import securitytxtRecommendation from "./securitytxt-recommendation.ts";

const securitytxtInvalid = defineRule({
  id: "securitytxt-invalid",
  severity: "error",
  family: "security.txt",
  summary: "The security.txt made from the data breaks what RFC 9116 requires (MUST), or its signature's armor is broken.",
  disable: "no",
  messages: {
    // `subject`: the file the findings are about: "the security.txt made from the data" in the build, "the security.txt" for check.
    notAField:
      '{{subject}} breaks a rule: line {{line}} is neither a field ("Name: value"), a comment ("# ...") nor empty: {{text}}',
    noSpaceAfterColon:
      '{{subject}} breaks a rule: line {{line}}: "{{name}}:" must be followed by a space before the value (RFC 9116 section 4)',
    beforeSignedMessage:
      '{{subject}} breaks a rule: line {{line}} comes before "-----BEGIN PGP SIGNED MESSAGE-----": {{text}}; a signed file is the signed message alone (RFC 9116 section 4)',
    notHashHeader:
      '{{subject}} breaks a rule: line {{line}} is not a "Hash:" armor header of the signed message: {{text}}; the header lines end at the first empty line (RFC 9116 section 4, RFC 4880 section 7)',
    notDashEscaped:
      '{{subject}} breaks a rule: line {{line}} starts with "-" but is not dash-escaped ("- "): {{text}}; every signed line that starts with "-" is written with "- " before it (RFC 4880 section 7.1)',
    signatureIncomplete:
      '{{subject}} breaks a rule: the signed message has no complete signature block ("-----BEGIN PGP SIGNATURE-----" ... "-----END PGP SIGNATURE-----")',
    notArmorHeader:
      '{{subject}} breaks a rule: line {{line}} of the signature is neither an armor header ("Key: value") nor the empty line that comes before the signature\'s data: {{text}} (RFC 4880 section 6.2)',
    dashEscapedInSignature:
      '{{subject}} breaks a rule: line {{line}} inside the signature block is dash-escaped: {{text}}; only the signed text is escaped, never the armored signature (RFC 4880 section 7.1): sign the file again',
    notBase64:
      "{{subject}} breaks a rule: line {{line}} of the signature is not base64: {{text}}; the signature was altered or cut: sign the file again (RFC 4880 section 6)",
    base64Length:
      '{{subject}} breaks a rule: the signature\'s base64 ends at line {{line}} ({{text}}) but is not whole: four characters to a group, "=" only at its end; the signature was cut: sign the file again (RFC 4648 section 4)',
    signatureEmpty: '{{subject}} breaks a rule: line {{line}} ends a signature block that holds no signature: sign the file again',
    checksumInvalid:
      '{{subject}} breaks a rule: line {{line}} is not an armor checksum ("=" and four base64 characters): {{text}} (RFC 4880 section 6.2)',
    checksumMismatch:
      "{{subject}} breaks a rule: line {{line}}: the armor checksum is {{actual}}, but the signature's data has the CRC-24 {{expected}}; the signature was altered after it was made: sign the file again (RFC 4880 section 6.1)",
    secondSignedMessage:
      '{{subject}} breaks a rule: line {{line}} begins a second signed message; a security.txt holds one, and nothing may follow "-----END PGP SIGNATURE-----"',
    afterSignature: '{{subject}} breaks a rule: line {{line}} follows the signature; nothing may follow "-----END PGP SIGNATURE-----"',
    byteOrderMark: "{{subject}} breaks a rule: the file starts with a byte-order mark; write plain UTF-8 without one",
    noFinalLineBreak: "{{subject}} breaks a rule: the last line has no line break (RFC 9116 section 4: every line ends with one)",
    noContact: '{{subject}} breaks a rule: there is no "Contact" field; RFC 9116 section 2.5.3 requires at least one',
    noExpires: '{{subject}} breaks a rule: there is no "Expires" field; RFC 9116 section 2.5.5 requires exactly one',
    manyExpires: '{{subject}} breaks a rule: there are {{count}} "Expires" fields; RFC 9116 section 2.5.5 requires exactly one',
    expiresNotDate:
      '{{subject}} breaks a rule: line {{line}}: Expires "{{value}}" is not an RFC 3339 date-time such as 2026-06-30T00:00:00Z',
    expiresPassed: "{{subject}} breaks a rule: line {{line}}: Expires {{value}} has passed; the file is stale",
    manyPreferredLanguages:
      '{{subject}} breaks a rule: there is more than one "Preferred-Languages" field; RFC 9116 section 2.5.8 allows one',
    notLanguageTag:
      '{{subject}} breaks a rule: line {{line}}: "{{tag}}" in Preferred-Languages is not a language tag (RFC 5646), e.g. "en"',
    placeholderUnfilled:
      "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} holds {{placeholder}}: a template placeholder was left unfilled; fill it in, or fix what writes the file",
    uriInvalid: "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} is not a URI (RFC 3986 section 3: a scheme, then only the characters of section 2, a space written %20)",
    uriHttp: "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} is a web URI; RFC 9116 section 2.3 requires https://",
    uriHttpsInvalid: "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} is not a valid https URL",
    uriMailtoInvalid: "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} is not a valid mailto URI: {{reason}}",
    uriOpenpgp4fprInvalid:
      "{{subject}} breaks a rule: line {{line}}: {{name}} {{value}} is not an OpenPGP fingerprint of 40 or 64 hex digits",
  },
});

export default securitytxtInvalid;

/**
 * Every RFC 9116 rule, checked on a whole security.txt (src/formats/security-txt.ts): what
 * breaks a requirement as this rule's errors, what departs from a recommendation as
 * securitytxt-recommendation's warnings, each at its line of the file (`line`). An empty list
 * means the file is good.
 */
export function checkSecurityTxt(text: string, expect: SecurityTxtExpectation, subject = "the security.txt made from the data"): Problem[] {
  return checkFile(text, expect).map((p) => securityTxtProblem(p, subject));
}

/** A problem of a security.txt's parser or checker in the words of the rule it belongs to; `subject` names the file. */
export function securityTxtProblem(p: SecurityTxtProblem, subject: string): Problem {
  const { code } = p;
  if (isRecommendation(code)) return securitytxtRecommendation.fromFormat({ ...p, code });
  // A mailto Contact is not valid: the message says why, as the rule mailto-invalid words it.
  if (code === "uriMailtoInvalid") return securitytxtInvalid.fromFormat({ ...p, code, values: { ...p.values, subject, reason: mailtoReason(String(p.values.uri)) ?? "" } });
  return securitytxtInvalid.fromFormat({ ...p, code, values: { ...p.values, subject } });
}
