import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-invalid",
  severity: "error",
  family: "data",
  summary: "The site data is not valid JSON, or a field in it is wrong or missing (such as `reviewed`).",
  disable: "no",
  messages: {
    // `field`: the field's path as the author reads it (`contacts[0].email`); `expected`: what the
    // field accepts, from the table of fields in src/data/site-data.ts; `actual`: what the value
    // is ("null", "an empty list", `the string "x"`, "the number 42", …).
    notJson: "{{file}} is not valid JSON: {{error}}",
    notObject: "the site data must be a JSON object with {{fields}}",
    unknownField: 'unknown field "{{field}}"; the site data accepts {{fields}}',
    fieldMissing: '"{{field}}" is missing; expected {{expected}}',
    fieldNotText: '"{{field}}" is {{actual}}; expected {{expected}}',
    urlNotAbsolute: '"{{field}}" is "{{url}}", which is not an absolute URL; expected {{expected}}',
    urlNotHttps: '"url" must use https: (received "{{url}}"), so that readers and security.txt point to the real site',
    urlQueryOrFragment: '"url" must not carry a query or fragment (received "{{url}}")',
    languageNotTag: '"language" is "{{language}}", which is not a language tag; expected e.g. "en" or "en-GB"',
    contactsMissing: '"contacts" is missing; expected {{expected}}, at least one',
    contactsEmpty: '"contacts" is an empty list; expected {{expected}}, at least one',
    contactsNotList: '"contacts" is {{actual}}; expected {{expected}}, at least one',
    contactNotObject: '"{{field}}" is {{actual}}; expected an object with "email" and "fingerprint"',
    unknownContactField: 'unknown field "{{field}}"; a contact has {{fields}}',
    emailInvalid: '"{{field}}" is "{{email}}", which is not an email address',
    emailDuplicate: '"{{field}}" declares {{email}}, which "{{first}}" declares already; declare each contact and each team member once, each with an address of their own',
    teamEmpty: '"{{field}}" is an empty list; expected {{expected}}, at least one, or leave the field out',
    memberNotObject: '"{{field}}" is {{actual}}; expected an object with "name", "email" and "fingerprint"',
    unknownMemberField: 'unknown field "{{field}}"; a team member has {{fields}}',
    otherAddressNotObject: '"{{field}}" is {{actual}}; expected an object with "email" and "purpose"',
    unknownOtherAddressField: 'unknown field "{{field}}"; another address has {{fields}}',
    otherAddressDuplicate: '"{{field}}" declares {{email}}, which "{{first}}" declares already; declare each address once, a contact\'s in "contacts" only',
    // What the fingerprint reader found wrong (src/formats/fingerprint.ts); `fingerprint`: the text as written, trimmed.
    fingerprintNotHex: '"{{field}}": fingerprint "{{fingerprint}}" has "{{character}}", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
    fingerprintGapTooWide:
      '"{{field}}": fingerprint "{{fingerprint}}" has a gap of more than two spaces; separate the groups of four with one space (two in the middle, as gpg prints it)',
    fingerprintDigitCount:
      '"{{field}}": fingerprint "{{fingerprint}}" has {{count}} hex digits; a v4 fingerprint has 40 and a v6 fingerprint has 64. Copy it again from `gpg --fingerprint`',
    fingerprintGroupNotFour: '"{{field}}": fingerprint "{{fingerprint}}" has a group "{{group}}" of {{length}} digits; write it in groups of four, or unbroken',
    fingerprintListEmpty: '"{{field}}" is an empty list; expected {{expected}}, or during a key rotation a list of them, the key to use now first',
    fingerprintItemNotText: '"{{field}}" is {{actual}}; expected a fingerprint as gpg prints it',
    fingerprintListedTwice: '"{{field}}" lists {{fingerprint}} a second time; list each key once',
    /** `today`: the day of the build, as YYYY-MM-DD. */
    reviewedMissing:
      '"reviewed" is missing: add the day a person last read the policy through and found it true, e.g. "reviewed": "{{today}}"; security.txt\'s Expires counts from it, so that it promises no more than a person checked',
    reviewedNotDate: '"reviewed" is {{actual}}; expected {{expected}}',
    expiresNotDateTime: '"expires" is "{{expires}}", which is not an RFC 3339 date-time; expected {{expected}}',
    expiresDaysInvalid: '"expires.days" is {{actual}}; expected a whole number of days from 1 to {{max}} after "reviewed", e.g. 180',
    expiresInvalid: '"expires" is {{actual}}; expected {{expected}}',
    preferredLanguageNotTag: '"{{field}}" is {{actual}}, which is not a language tag; expected e.g. "en" or "en-GB"',
    preferredLanguagesInvalid: '"preferredLanguages" is {{actual}}; expected {{expected}}',
    urlListEmpty: '"{{field}}" is an empty list; expected {{expected}}, or leave the field out',
    linkNotHttps: '"{{field}}" is "{{url}}", which does not use https: (RFC 9116 allows web URLs only as https); expected {{expected}}',
    csafNotProviderMetadata: '"{{field}}" is "{{url}}", which is not a provider-metadata.json; expected {{expected}}',
    csafCategoryUnknown: '"csafProvider.category" is {{actual}}; expected one of {{categories}}',
    csafContactDetailsInvalid: '"csafProvider.contactDetails" is {{actual}}; expected how to reach the publisher, e.g. "security@example.org"',
    csafProviderInvalid: '"csafProvider" is {{actual}}; expected {{expected}}',
    productsInvalid: '"products" is {{actual}}; expected {{expected}}',
    productsEmpty: '"products" is an empty list; expected {{expected}}, or leave the field out',
    productNotObject: '"{{field}}" is {{actual}}; expected an object with "name", "repository" and "purl"',
    unknownProductField: 'unknown field "{{field}}"; a product has {{fields}}',
    repositoryNotHttps: '"{{field}}" is "{{url}}", which does not use https:; expected {{expected}}',
    releaseNotObject: '"{{field}}" is {{actual}}; expected an object with "version", "released" and "supportedUntil"',
    unknownReleaseField: 'unknown field "{{field}}"; a release has {{fields}}',
    releaseVersionDuplicate: '"{{field}}" declares version {{version}} a second time; declare each release once',
    releasedNotDay: '"{{field}}" is {{actual}}; expected the day of the release, as YYYY-MM-DD, e.g. "2026-03-01"',
    /** A release with no end to its support: the EU Cyber Resilience Act asks for the end date to at least month and year. */
    supportEndMissing:
      '"{{field}}" is missing: add the last month (YYYY-MM) or day (YYYY-MM-DD) the release gets security fixes, e.g. "supportedUntil": "2031-03"; the EU Cyber Resilience Act asks for the end of the support period to at least month and year (Art. 13(19))',
    supportEndInvalid: '"{{field}}" is {{actual}}; expected the last month (YYYY-MM) or day (YYYY-MM-DD) the release gets security fixes, e.g. "2031-03"',
    supportEndBeforeRelease: '"{{field}}" is {{until}}, which ends before the release on {{released}}; expected the last month or day the release gets security fixes',
    administratorNotObject: '"{{field}}" is {{actual}}; expected an object with "name", and "email" and "affiliation" where known',
    unknownAdministratorField: 'unknown field "{{field}}"; an administrator has {{fields}}',
    unknownDisclosureField: 'unknown field "{{field}}"; "disclosure" has {{fields}}',
    acknowledgeAfterDisclosure: '"disclosure.acknowledgeDays" is {{acknowledgeDays}}, later than "disclosure.disclosureDays" ({{disclosureDays}}): a report is acknowledged before it is disclosed',
    productPurlDuplicate: '"{{field}}" declares {{purl}} a second time; declare each product once',
    // What the purl reader found wrong (src/formats/purl.ts); `purl`: the text as written, trimmed.
    purlNoScheme: '"{{field}}" is "{{purl}}", which is not a package URL: one starts with "pkg:" and its type (pkg:npm/…, pkg:maven/…, pkg:github/…); expected {{expected}}',
    purlCharacter: '"{{field}}": the package URL "{{purl}}" holds "{{character}}", which must be percent-encoded (a space as %20)',
    purlType: '"{{field}}": the package URL "{{purl}}" has the type "{{type}}"; a type is ASCII letters, digits, "." and "-", starting with a letter (npm, maven, github, …)',
    purlNoName: '"{{field}}": the package URL "{{purl}}" names no package; write pkg:<type>/<namespace>/<name>',
    purlPercent: '"{{field}}": the package URL "{{purl}}" has "{{part}}", which is not valid percent-encoding ("%" and two hex digits, of UTF-8)',
    purlQualifier:
      '"{{field}}": the package URL "{{purl}}" has the qualifier "{{key}}"; each qualifier is key=value, given once, its key ASCII letters, digits, ".", "-" and "_", starting with a letter',
    purlSlash: '"{{field}}": the package URL "{{purl}}" has the segment "{{segment}}", which holds an encoded "/"; a namespace or subpath segment cannot',
    purlNamespaceRequired: '"{{field}}": the package URL "{{purl}}" has no namespace, which a {{type}} package URL requires: pkg:{{type}}/<namespace>/<name>',
    purlNamespaceProhibited: '"{{field}}": the package URL "{{purl}}" has a namespace, which a {{type}} package URL cannot have: pkg:{{type}}/<name>',
    purlVersion:
      '"{{field}}": the package URL "{{purl}}" names the version {{version}}; a product\'s purl names the package, whose versions belong to its releases: write "{{withoutVersion}}"',
  },
});
