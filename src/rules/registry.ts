/**
 * Every rule the checks report, in one list a maintainer can read: its id, how bad a
 * finding of it is, which family it belongs to, what it catches, and whether a comment in
 * a page may turn it off. Each rule has a page at docs/rules/<id>.md and a row in the
 * README; tests/rules.test.ts fails when one is missing or disagrees.
 *
 * The ids form a union type, so a finding with a mistyped id does not compile.
 */

export type Severity = "error" | "warning";

export type RuleFamily =
  | "fingerprint"
  | "key"
  | "keyserver"
  | "mailto"
  | "link"
  | "text"
  | "anchor"
  | "page"
  | "data"
  | "security.txt"
  | "signing"
  | "publish"
  | "build"
  | "deployed"
  | "translation"
  | "advisory"
  | "suppression";

export interface RuleMeta {
  severity: Severity;
  family: RuleFamily;
  /** One line: what the rule catches. */
  summary: string;
  /**
   * Whether `<!-- policy-checks-disable … -->` in a page may turn the rule off: only rules that
   * read a page's text, where something can look like what the rule checks without being it.
   */
  canDisable: boolean;
  /** The rule keeps a secret from being published: a comment that names it is an error. */
  keepsSecret: boolean;
}

/** Who may turn a rule off: a comment in the page where it reports ("page"), nobody ("no"), and nobody ever ("secret"). */
type Disable = "page" | "no" | "secret";

const rule = (severity: Severity, family: RuleFamily, summary: string, disable: Disable): RuleMeta => ({
  severity,
  family,
  summary,
  canDisable: disable === "page",
  keepsSecret: disable === "secret",
});

export const RULES = {
  // Fingerprints shown on the pages, and the declared ones.
  "fingerprint-malformed": rule("error", "fingerprint", "A fingerprint shown with a digit too few or too many, a group too many or too few, or a letter that is not hex.", "page"),
  "fingerprint-mismatch": rule("error", "fingerprint", "A well-formed fingerprint that is not the declared fingerprint of the contact it is shown for (the contact named before it).", "page"),
  "fingerprint-not-shown": rule("error", "fingerprint", "A fingerprint the site data lists (a rotation's previous one too) is shown on no page.", "no"),
  "fingerprint-unverified": rule("warning", "fingerprint", "A contact has no key file, so the declared fingerprint is not checked against a key.", "no"),

  // The contacts' key files.
  "key-unreadable": rule("error", "key", "A key file whose armor or packets cannot be read.", "no"),
  "key-wrong-block": rule("error", "key", "A key file holding a signature or a message instead of a public key.", "no"),
  "key-multiple": rule("error", "key", "A key file holding more than one key for a contact that lists one fingerprint.", "no"),
  "key-rotation-unfinished": rule("warning", "key", "A previous key, listed during a rotation, is neither revoked nor expiring within 90 days.", "no"),
  "key-private": rule("error", "key", "A key file holding secret key material. Nothing of it is ever copied to the output.", "secret"),
  "key-fingerprint-mismatch": rule("error", "key", "The key's fingerprint is not the declared one.", "no"),
  "key-uid-mismatch": rule("error", "key", "No valid user ID on the key carries the contact's address.", "no"),
  "key-revoked": rule("error", "key", "The key is revoked.", "no"),
  "key-expired": rule("error", "key", "The key has expired.", "no"),
  "key-expiring": rule("warning", "key", "The key, or its encryption subkey, expires within 30 days.", "no"),
  "key-expires-early": rule("error", "key", "The key, or the encryption subkey a mail client would choose, expires before security.txt's Expires.", "no"),
  "key-expires-close": rule("warning", "key", "The key, or its encryption subkey, expires within 30 days after security.txt's Expires.", "no"),
  "key-no-encryption": rule("error", "key", "The key has no valid encryption-capable key.", "no"),
  "key-unused": rule("error", "key", "A key file named after no declared contact, or, during a key rotation, a key in a contact's file that the site data does not list.", "no"),

  // Links on the pages.
  "keyserver-mismatch": rule("error", "keyserver", "A keyserver link whose key ID or fingerprint is not a declared key, or a short (8-digit) key ID.", "page"),
  "mailto-invalid": rule("error", "mailto", "A `mailto:` link that is not a valid RFC 6068 URI.", "page"),
  "mailto-undeclared": rule("error", "mailto", "A `mailto:` link to, or copying (cc, bcc), an address that is not a declared contact.", "page"),
  "mailto-text-mismatch": rule("error", "mailto", "A link whose text is an address other than the one it writes to.", "page"),
  "mailto-rewritten": rule("error", "mailto", "A `mailto:` link that the Markdown renderer would publish otherwise than its author wrote it, such as an invalid `%ZZ` escape published as a literal `%25ZZ`.", "page"),
  "link-text-host": rule("error", "link", "A link whose text names a host or URL while it goes to another host.", "page"),
  "link-insecure": rule("error", "link", "An external link that is not `https:`.", "page"),

  // The pages' text and structure.
  "mojibake": rule("error", "text", "UTF-8 text mis-decoded as Windows-1252 or Latin-1, and replacement characters.", "page"),
  "encoding-invalid": rule("error", "text", "A page file that is not UTF-8, at its first bad byte.", "no"),
  "anchor-missing": rule("error", "anchor", "An in-page `#id` link with no target.", "page"),
  "anchor-duplicate": rule("error", "anchor", "An id used twice on one page.", "page"),
  "page-empty": rule("error", "page", "An empty page file.", "no"),
  "page-too-large": rule("error", "page", "A page file over 1 MB (the `maxPageBytes` option), which no policy page is.", "no"),
  "front-matter-invalid": rule("error", "page", "Front matter that is not valid YAML.", "no"),
  "layout-missing": rule("error", "page", "A page names a layout that does not exist.", "no"),
  "permalink-duplicate": rule("error", "page", "Two pages write the same file.", "no"),
  "permalink-outside": rule("error", "page", "A permalink writes outside the output folder; the build stops before any page is written.", "no"),

  // Translations and the interface strings.
  "translation-drift": rule("error", "translation", "A translation of a page shows a fingerprint, address or keyserver link that its original does not, or leaves one out.", "no"),
  "translation-stale": rule("warning", "translation", "A translation's original changed after the version it records in `translatedFrom`, or it records none.", "no"),
  "translation-url": rule("error", "translation", "A page in a language folder (`content/es/`) whose URL does not start with that language (`/es/`), so it would be marked as the default language.", "no"),
  "strings-missing": rule("warning", "translation", "A language with pages lacks interface strings that the default language's strings file has; its pages show those in the default language.", "no"),
  "strings-invalid": rule("error", "translation", "An interface strings file that is not valid JSON, writes a key twice, or holds something other than texts.", "no"),

  // Advisories (content/advisories/*.md).
  "advisory-field": rule("error", "advisory", "An advisory field is missing, empty, of the wrong kind or not one of OSV's values, or its front matter is not valid YAML.", "no"),
  "advisory-id": rule("error", "advisory", "An advisory id that OSV would not take or that is not its file's name, or an alias that is not a CVE or GHSA id.", "no"),
  "advisory-duplicate": rule("error", "advisory", "An id or alias that another advisory (or the same one) already uses.", "no"),
  "advisory-date": rule("error", "advisory", "`published` or `modified` is not an RFC 3339 date and time, is in the future, or `modified` is before `published`.", "no"),
  "advisory-cvss": rule("error", "advisory", "A severity that is not a complete CVSS v3.1 or v4.0 vector.", "no"),
  "advisory-range": rule("error", "advisory", "An affected range whose `fixed` is not after its `introduced` (or whose `last_affected` is before it).", "no"),
  "advisory-reference": rule("error", "advisory", "A reference that is not an `https:` URL, or whose type is not one of OSV's.", "no"),

  // The site data.
  "data-missing": rule("error", "data", "The site data file is missing.", "no"),
  "data-invalid": rule("error", "data", "The site data is not valid JSON, or a field in it is wrong or missing (such as `reviewed`).", "no"),
  "data-duplicate-key": rule("error", "data", "A key appears twice in one object of the site data, so one value would silently hide the other.", "no"),

  // security.txt and what else the build publishes.
  "securitytxt-expires": rule("error", "security.txt", "security.txt's Expires has passed (the policy's last review is too long ago), is more than 365 days after the build, or `reviewed` is a day still to come.", "no"),
  "securitytxt-expiring": rule("warning", "security.txt", "security.txt expires within 30 days (the `expiresWarningDays` option): the policy is due for a review.", "no"),
  "securitytxt-policy": rule("error", "security.txt", "No page has the URL security.txt's `Policy` names (`/security/`).", "no"),
  "securitytxt-url": rule("error", "security.txt", "`url` has a path: security.txt and the Web Key Directory belong at the host's root.", "no"),
  "securitytxt-invalid": rule("error", "security.txt", "The security.txt made from the data breaks an RFC 9116 rule.", "no"),
  "sign-refused": rule("error", "signing", "The signing key cannot be used: unreadable, wrong passphrase, not a declared contact's, revoked, expired, expiring before `Expires`, or its signature does not verify against the published key.", "no"),
  "publish-conflict": rule("error", "publish", "A page writes a file the build publishes from the data (e.g. `permalink: /.well-known/security.txt`).", "no"),
  "publish-key-path": rule("error", "publish", "A contact's address holds `/`, `\\` or a control character, so its key cannot be named after it.", "no"),
  "headers-csp": rule("error", "publish", "A page has no Content-Security-Policy `<meta>`, or another one than the rest.", "no"),
  "output-secret": rule("error", "publish", "A file about to be published holds private key material (an armored private key block).", "secret"),

  // The build itself.
  "template-error": rule("error", "build", "A template that cannot be rendered.", "no"),
  "build-error": rule("error", "build", "Any other build error, in one line.", "no"),

  // What `npm run verify` finds where the site is deployed.
  "deployed-unreachable": rule("error", "deployed", "A deployed source could not be checked: refused, timed out, not trusted, too large or redirected too often (exit code 2).", "no"),
  "deployed-securitytxt": rule("error", "deployed", "The deployed security.txt differs from what the build publishes, is served with the wrong type, its signature does not verify, or its Expires has passed.", "no"),
  "deployed-securitytxt-expiring": rule("warning", "deployed", "The deployed security.txt expires within 30 days.", "no"),
  "deployed-page": rule("error", "deployed", "The deployed policy page cannot be had (its fingerprints and links are checked by their own rules).", "no"),
  "deployed-key": rule("error", "deployed", "A deployed public key file is missing, is served with another type than application/pgp-keys, is not the declared key, holds secret material, or is revoked or expired.", "no"),
  "deployed-keyserver": rule("error", "deployed", "A keyserver the page links to (or keys.openpgp.org) lacks the declared key, has it revoked or expired, or gives another key for the address.", "no"),
  "deployed-security-md": rule("error", "deployed", "A SECURITY.md given to verify by URL does not answer with the file (its fingerprints and links are checked by their own rules).", "no"),
  "deployed-wkd": rule("error", "deployed", "A Web Key Directory answer is missing, armored, another key, without the address, of another type than application/octet-stream, or without Access-Control-Allow-Origin: *, or its policy file is missing.", "no"),

  // Comments that turn rules off.
  "suppression-unknown": rule("warning", "suppression", "A `policy-checks-disable` or `-enable` comment names no rule, or a rule id that does not exist.", "no"),
  "suppression-unused": rule("warning", "suppression", "A `policy-checks-disable` comment turns off a rule that reports nothing where it applies.", "no"),
  "suppression-forbidden": rule("error", "suppression", "A comment tries to turn off a rule that protects a secret, which cannot be turned off.", "no"),
} as const satisfies Record<string, RuleMeta>;

/** A registered rule id: a typo is a type error. */
export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}


/** Where a rule's documentation lives, from the repository's root. */
export function ruleDocPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
