import type { Problem } from "../../findings/finding.ts";
import { checkSecurityTxt as checkFile, type SecurityTxtExpectation, type SecurityTxtProblem } from "../../formats/security-txt.ts";
import { mailtoReason } from "../page/mailto-invalid.ts";
import { defineRule } from "../rule.ts";

const securitytxtInvalid = defineRule({
  id: "securitytxt-invalid",
  severity: "error",
  family: "security.txt",
  summary: "The security.txt made from the data breaks an RFC 9116 rule.",
  disable: "no",
  messages: {
    notAField:
      'the security.txt made from the data breaks a rule: line {{line}} is neither a field ("Name: value"), a comment ("# ...") nor empty: {{text}}',
    noSpaceAfterColon:
      'the security.txt made from the data breaks a rule: line {{line}}: "{{name}}:" must be followed by a space before the value (RFC 9116 section 4)',
    notHashHeader: 'the security.txt made from the data breaks a rule: line {{line}} is not a "Hash:" armor header of the signed message: {{text}}',
    signatureIncomplete:
      'the security.txt made from the data breaks a rule: the signed message has no complete signature block ("-----BEGIN PGP SIGNATURE-----" ... "-----END PGP SIGNATURE-----")',
    afterSignature: 'the security.txt made from the data breaks a rule: line {{line}} follows the signature; nothing may follow "-----END PGP SIGNATURE-----"',
    notDashEscaped: 'the security.txt made from the data breaks a rule: line {{line}} starts with "-" but is not dash-escaped ("- ")',
    byteOrderMark: "the security.txt made from the data breaks a rule: the file starts with a byte-order mark; write plain UTF-8 without one",
    crLf: "the security.txt made from the data breaks a rule: line {{line}} ends with CR LF; write LF line endings",
    noFinalLineBreak: "the security.txt made from the data breaks a rule: the last line has no line break (RFC 9116 section 4: every line ends with one)",
    noContact: 'the security.txt made from the data breaks a rule: there is no "Contact" field; RFC 9116 section 2.5.3 requires at least one',
    noExpires: 'the security.txt made from the data breaks a rule: there is no "Expires" field; RFC 9116 section 2.5.5 requires exactly one',
    manyExpires: 'the security.txt made from the data breaks a rule: there are {{count}} "Expires" fields; RFC 9116 section 2.5.5 requires exactly one',
    expiresNotDate:
      'the security.txt made from the data breaks a rule: line {{line}}: Expires "{{value}}" is not an RFC 3339 date-time such as 2026-06-30T00:00:00Z',
    expiresPassed: "the security.txt made from the data breaks a rule: line {{line}}: Expires {{value}} has passed; the file is stale",
    expiresTooFar:
      "the security.txt made from the data breaks a rule: line {{line}}: Expires {{value}} is more than {{days}} days ahead; RFC 9116 recommends less than a year",
    manyPreferredLanguages:
      'the security.txt made from the data breaks a rule: there is more than one "Preferred-Languages" field; RFC 9116 section 2.5.8 allows one',
    notLanguageTag:
      'the security.txt made from the data breaks a rule: line {{line}}: "{{tag}}" in Preferred-Languages is not a language tag (RFC 5646), e.g. "en"',
    canonicalMismatch:
      "the security.txt made from the data breaks a rule: no Canonical field is {{url}}, the URL the file is served from; readers must then not trust it (RFC 9116 section 2.5.2)",
    signedWithoutCanonical:
      'the security.txt made from the data breaks a rule: the file is signed but has no "Canonical" field; RFC 9116 section 2.5.2 recommends one, so that the signature cannot be replayed at another URL',
    uriInvalid: "the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} is not a URI",
    uriHttp: "the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} is a web URI; RFC 9116 section 2.3 requires https://",
    uriScheme: 'the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} has the scheme "{{scheme}}:"; expected {{schemes}}',
    uriHttpsInvalid: "the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} is not a valid https URL",
    uriMailtoInvalid: "the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} is not a valid mailto URI: {{reason}}",
    uriOpenpgp4fprInvalid:
      "the security.txt made from the data breaks a rule: line {{line}}: {{name}} {{value}} is not an OpenPGP fingerprint of 40 or 64 hex digits",
  },
});

export default securitytxtInvalid;

/**
 * Every RFC 9116 rule, and the build's own, checked on a whole security.txt
 * (src/formats/security-txt.ts): the problems in this rule's words, each at its line of the
 * file (`line`). An empty list means the file is good.
 */
export function checkSecurityTxt(text: string, expect: SecurityTxtExpectation): Problem[] {
  return checkFile(text, expect).map(securityTxtProblem);
}

/** A problem of a security.txt's parser or checker in this rule's words. */
export function securityTxtProblem(p: SecurityTxtProblem): Problem {
  // A mailto Contact is not valid: the message says why, as the rule mailto-invalid words it.
  if (p.code === "uriMailtoInvalid") return securitytxtInvalid.fromFormat({ ...p, values: { ...p.values, reason: mailtoReason(String(p.values.uri)) ?? "" } });
  return securitytxtInvalid.fromFormat(p);
}
