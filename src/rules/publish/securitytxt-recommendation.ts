import { defineRule } from "../rule.ts";

/**
 * What RFC 9116 recommends (SHOULD, RECOMMENDED) and a security.txt does otherwise: the file is
 * valid, so these are warnings; what the RFC requires is securitytxt-invalid's. The problems
 * come from src/formats/security-txt.ts (SecurityTxtWarningCode) through
 * securitytxt-invalid's checkSecurityTxt. The build's own file departs from none of them: the
 * publisher holds the site data to them first (securitytxt-expires, data-invalid).
 */
export default defineRule({
  id: "securitytxt-recommendation",
  severity: "warning",
  family: "security.txt",
  summary:
    "security.txt does otherwise than RFC 9116 recommends (SHOULD): Expires more than a year ahead, a signed file without Canonical, a Canonical that is not the file's URL, an email Contact without Encryption, a CSAF field that is not a provider-metadata.json.",
  disable: "no",
  messages: {
    expiresTooFar:
      "security.txt line {{line}}: Expires {{value}} is more than {{days}} days ahead; RFC 9116 section 2.5.5 recommends less than a year, so that a stale file is noticed: set it within a year",
    canonicalMismatch:
      "security.txt: no Canonical field is {{url}}, the URL the file is served from; RFC 9116 section 2.5.2 says such a file should not be trusted: add that URL as a Canonical field",
    signedWithoutCanonical:
      'security.txt is signed but has no "Canonical" field; RFC 9116 section 2.3 recommends one, so that the signature also vouches for where the file belongs: add "Canonical: <the file\'s URL>" and sign it again',
    emailWithoutEncryption:
      'security.txt line {{line}}: Contact {{value}} is an email address, and no "Encryption" field names a key to encrypt to; RFC 9116 section 2.5.3 recommends encryption for email: add an Encryption field',
    csafNotProviderMetadata:
      "security.txt line {{line}}: CSAF {{value}} does not name a provider-metadata.json; CSAF 2.0 section 7.1.8 has the CSAF field point to the provider's provider-metadata.json",
  },
});
