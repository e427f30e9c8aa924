/**
 * security.txt (RFC 9116): written from the site data, read back, and checked against the
 * RFC's rules. Pure: the caller supplies the data and the moment of the build.
 */
import { isBeginSigned, parseCleartextSigned, type CleartextProblemCode } from "./cleartext-signature.ts";
import { formatMailto, parseMailto } from "./mailto.ts";
import type { FormatProblem } from "./problem.ts";
import { reportAddresses, type Contact } from "../types.ts";

/** Where RFC 9116 section 3 puts the file. */
export const SECURITY_TXT_PATH = "/.well-known/security.txt";

const DAY_MS = 86_400_000;

/** RFC 9116 section 2.5.5 recommends an Expires less than a year ahead; the build holds the file to it. */
export const MAX_EXPIRES_DAYS = 365;

/**
 * When security.txt goes stale, as the site data says it: a fixed moment, or a number of days
 * after each build (the start of that UTC day, so that builds on the same day agree).
 */
export type ExpiresSetting = { date: Date } | { days: number };

/** Without "expires" in the site data: half a year after each build. */
export const DEFAULT_EXPIRES: ExpiresSetting = { days: 180 };

/** The fields of a security.txt, each list in the order written. */
export interface SecurityTxtFields {
  contact: string[];
  expires: Date;
  encryption: string[];
  acknowledgments: string[];
  preferredLanguages: string[];
  canonical: string[];
  policy: string[];
  hiring: string[];
  csaf: string[];
}

/** What the site publishes about one contact: the address, the fingerprint, and the key's URL where the site has the key. */
export interface PublishedContact extends Contact {
  /** The absolute URL of the published public key. */
  keyUrl?: string;
}

export interface SecurityTxtSource {
  /** The site's absolute URL, without a trailing slash. */
  url: string;
  contacts: PublishedContact[];
  expires: Date;
  /** The policy page's absolute URL. */
  policyUrl: string;
  preferredLanguages: string[];
  acknowledgments?: string[];
  hiring?: string[];
  csaf?: string[];
}

/**
 * The fields for the site: a `mailto:` Contact per address that takes reports, in the declared
 * order (a team's once, however many people it has), each key's URL as Encryption, a team
 * member's too (or `openpgp4fpr:` where the site has no key file), the policy page, and the
 * file's own URL as Canonical.
 */
export function securityTxtFields(source: SecurityTxtSource): SecurityTxtFields {
  return {
    contact: reportAddresses(source.contacts).map((address) => formatMailto({ to: [address] })),
    expires: source.expires,
    encryption: source.contacts.map((c) => c.keyUrl ?? `openpgp4fpr:${c.fingerprint.hex.toLowerCase()}`),
    acknowledgments: source.acknowledgments ?? [],
    preferredLanguages: source.preferredLanguages,
    canonical: [`${source.url}${SECURITY_TXT_PATH}`],
    policy: [source.policyUrl],
    hiring: source.hiring ?? [],
    csaf: source.csaf ?? [],
  };
}

/** The file: one `Name: value` line per field, LF line endings, ending with a line break. */
export function formatSecurityTxt(fields: SecurityTxtFields): string {
  const lines = [
    ...fields.contact.map((v) => `Contact: ${v}`),
    `Expires: ${formatExpires(fields.expires)}`,
    ...fields.encryption.map((v) => `Encryption: ${v}`),
    ...fields.acknowledgments.map((v) => `Acknowledgments: ${v}`),
    ...(fields.preferredLanguages.length > 0 ? [`Preferred-Languages: ${fields.preferredLanguages.join(", ")}`] : []),
    ...fields.canonical.map((v) => `Canonical: ${v}`),
    ...fields.policy.map((v) => `Policy: ${v}`),
    ...fields.hiring.map((v) => `Hiring: ${v}`),
    ...fields.csaf.map((v) => `CSAF: ${v}`),
  ];
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error(`formatSecurityTxt: a field value holds a line break: ${JSON.stringify(line)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** RFC 3339 in UTC, to the second: `2026-05-23T00:00:00Z`. */
export function formatExpires(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * An RFC 3339 date-time (`2026-06-30T00:00:00Z`, `2026-06-30T02:00:00+02:00`), or undefined for
 * anything else, including a date alone and impossible dates such as February 30.
 */
export function parseRfc3339(text: string): Date | undefined {
  const m = RFC_3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const zone = m[8]!.toUpperCase();
  const offsetMinutes = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes) >= 24 * 60) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (local.getUTCDate() !== day || local.getUTCMonth() !== month - 1) return undefined;
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  return new Date(local.getTime() - offsetMinutes * 60_000 + fraction);
}

/**
 * The Expires of a build at `now`, or why there can be none: in the past, or more than
 * MAX_EXPIRES_DAYS ahead. `{ days }` counts from `reviewed`, the day a person last reviewed
 * the policy (`YYYY-MM-DD`; without it, from the build). Within `warningDays` of Expires the
 * result carries a warning: the policy is due for its review.
 */
export function resolveExpires(
  setting: ExpiresSetting,
  now: Date,
  options: { reviewed?: string; warningDays?: number } = {},
): { expires: Date; warning?: string; problem?: undefined } | { expires?: undefined; warning?: undefined; problem: string } {
  const { reviewed } = options;
  const review = `review the policy, then set "reviewed" to the day of the review (${formatDay(now)} if that is today)`;
  let expires: Date;
  if ("days" in setting) {
    if (!Number.isInteger(setting.days) || setting.days < 1) {
      return { problem: `"expires" is { "days": ${setting.days} }; the number of days must be a whole number, 1 or more` };
    }
    const from = reviewed === undefined ? Math.floor(now.getTime() / DAY_MS) * DAY_MS : Date.parse(`${reviewed}T00:00:00Z`);
    if (reviewed !== undefined && from > now.getTime()) {
      return { problem: `"reviewed" is ${reviewed}, a day still to come (the build ran on ${formatDay(now)}); set it to the day the policy was really reviewed` };
    }
    expires = new Date(from + setting.days * DAY_MS);
    const counted = reviewed === undefined ? "the build" : `the last review (${reviewed})`;
    if (expires.getTime() <= now.getTime()) {
      return {
        problem: `security.txt's Expires is ${formatExpires(expires)}, ${setting.days} days after ${counted}, which has passed: researchers are told not to trust a stale security.txt; ${review}`,
      };
    }
    if (expires.getTime() - now.getTime() > MAX_EXPIRES_DAYS * DAY_MS) {
      return {
        problem: `"expires" is { "days": ${setting.days} }, which puts Expires more than ${MAX_EXPIRES_DAYS} days after the build; RFC 9116 recommends less than a year so that a stale file is noticed: set "days" to ${MAX_EXPIRES_DAYS} or fewer`,
      };
    }
  } else {
    expires = setting.date;
    const fix = `set "expires" to a moment within ${MAX_EXPIRES_DAYS} days of the build, or to { "days": 180 } for half a year after "reviewed"`;
    const shown = formatExpires(expires);
    if (expires.getTime() <= now.getTime()) {
      return { problem: `"expires" is ${shown}, which has passed (the build ran at ${formatExpires(now)}); researchers are told not to trust a stale security.txt: ${fix}` };
    }
    const days = (expires.getTime() - now.getTime()) / DAY_MS;
    if (days > MAX_EXPIRES_DAYS) {
      return { problem: `"expires" is ${shown}, ${Math.ceil(days)} days after the build; RFC 9116 recommends less than a year (at most ${MAX_EXPIRES_DAYS} days here) so that a stale file is noticed: ${fix}` };
    }
  }
  const left = Math.ceil((expires.getTime() - now.getTime()) / DAY_MS);
  if (options.warningDays !== undefined && left <= options.warningDays) {
    return { expires, warning: `security.txt expires on ${formatDay(expires)}, in ${left} day${left === 1 ? "" : "s"}: ${review}` };
  }
  return { expires };
}

/** The calendar day in UTC: 2026-11-24. */
function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Reading back

/**
 * What breaks a MUST of RFC 9116 (or of the cleartext signature it requires, RFC 4880
 * section 7), each at its line (1-based; 1 for the file as a whole). The rule
 * securitytxt-invalid words them (src/rules/publish/securitytxt-invalid.ts). Most name the
 * `line`; a field's problems its `name` and its `value` (`uri*` codes and `placeholderUnfilled`:
 * as a JSON string; the raw value is `uri`); `text` is a line's text as a JSON string.
 */
export type SecurityTxtErrorCode =
  | "notAField"
  | "noSpaceAfterColon"
  | CleartextProblemCode
  | "byteOrderMark"
  | "noFinalLineBreak"
  | "noContact"
  | "noExpires"
  | "manyExpires"
  | "expiresNotDate"
  | "expiresPassed"
  | "manyPreferredLanguages"
  | "notLanguageTag"
  | "placeholderUnfilled"
  | "uriInvalid"
  | "uriHttp"
  | "uriHttpsInvalid"
  | "uriMailtoInvalid"
  | "uriOpenpgp4fprInvalid";

/**
 * What departs from a SHOULD or RECOMMENDED of RFC 9116 (or of CSAF 2.0 for the CSAF field):
 * the file is valid, and a reader is told what the RFC advises. The rule
 * securitytxt-recommendation words them (src/rules/publish/securitytxt-recommendation.ts).
 */
export type SecurityTxtWarningCode = "expiresTooFar" | "canonicalMismatch" | "signedWithoutCanonical" | "emailWithoutEncryption" | "csafNotProviderMetadata";

export type SecurityTxtProblemCode = SecurityTxtErrorCode | SecurityTxtWarningCode;

const WARNING_CODES: ReadonlySet<string> = new Set<SecurityTxtWarningCode>([
  "expiresTooFar",
  "canonicalMismatch",
  "signedWithoutCanonical",
  "emailWithoutEncryption",
  "csafNotProviderMetadata",
]);

/** Whether a problem departs from a recommendation (SHOULD) rather than breaking a requirement (MUST). */
export function isRecommendation(code: SecurityTxtProblemCode): code is SecurityTxtWarningCode {
  return WARNING_CODES.has(code);
}

export type SecurityTxtProblem = FormatProblem<SecurityTxtProblemCode> & { line: number };

function at(line: number, code: SecurityTxtProblemCode, values: Readonly<Record<string, string | number>> = {}): SecurityTxtProblem {
  return { code, values, line };
}

export interface SecurityTxtField {
  line: number;
  /** As written; field names are case-insensitive. */
  name: string;
  value: string;
}

export interface ParsedSecurityTxt {
  fields: SecurityTxtField[];
  /** The file is an OpenPGP cleartext-signed message; `fields` are read from its signed text. */
  signed: boolean;
  problems: SecurityTxtProblem[];
}

const FIELD_LINE = /^([A-Za-z0-9-]+):(.*)$/;

/**
 * The lines of a file without their line endings. RFC 9116 section 2.2 lets every line end in
 * CR LF or LF, and the ABNF of section 4 (`eol = *WSP [CR] LF`) decides it line by line, so a
 * file may mix the two.
 */
function linesOf(text: string): string[] {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * Reads a security.txt, signed or not, into its fields with their line numbers. The signature
 * is not verified here (see sign.ts); its framing and armor are checked
 * (src/formats/cleartext-signature.ts). Never throws.
 */
export function parseSecurityTxt(text: string): ParsedSecurityTxt {
  const problems: SecurityTxtProblem[] = [];
  const lines = linesOf(text);
  const signed = lines.some(isBeginSigned);

  let body: Array<{ line: number; text: string }> = lines.map((t, i) => ({ line: i + 1, text: t }));
  if (signed) {
    const message = parseCleartextSigned(lines);
    body = message.text;
    problems.push(...message.problems);
  }

  const fields: SecurityTxtField[] = [];
  for (const { line, text: raw } of body) {
    // RFC 9116 section 4: `eol = *WSP [CR] LF`, so white space may end any line.
    const content = raw.replace(/[ \t]+$/, "");
    if (content === "" || content.startsWith("#")) continue;
    const m = FIELD_LINE.exec(content);
    if (!m) {
      problems.push(at(line, "notAField", { line, text: JSON.stringify(raw) }));
      continue;
    }
    const [, name, rest] = m as unknown as [string, string, string];
    if (!rest.startsWith(" ")) problems.push(at(line, "noSpaceAfterColon", { line, name }));
    fields.push({ line, name, value: rest.trim() });
  }
  return { fields, signed, problems };
}

export interface SecurityTxtExpectation {
  /** The moment the file is judged at. */
  now: Date;
  /** The URL the file is served from; it should be one of the Canonical fields. */
  canonical?: string;
}

/**
 * Every rule of RFC 9116, checked on a whole file: what it requires (SecurityTxtErrorCode) and
 * what it recommends (SecurityTxtWarningCode, see isRecommendation). An empty list means the
 * file is good.
 */
export function checkSecurityTxt(text: string, expect: SecurityTxtExpectation): SecurityTxtProblem[] {
  const problems: SecurityTxtProblem[] = [];
  // Section 4: UTF-8 in Net-Unicode form, and the ABNF has no place for a byte-order mark.
  if (text.startsWith("\uFEFF")) problems.push(at(1, "byteOrderMark"));
  // Section 2.2: every line ends with CR LF or LF, the last one too.
  if (text !== "" && !text.endsWith("\n")) problems.push(at(text.split("\n").length, "noFinalLineBreak"));

  // The mark is the one mistake: the fields after it are read as a client that skips it reads them.
  const parsed = parseSecurityTxt(text.replace(/^\uFEFF/, ""));
  problems.push(...parsed.problems);
  const named = (name: string) => parsed.fields.filter((f) => f.name.toLowerCase() === name.toLowerCase());

  // A placeholder says more than anything else wrong with its value, and is the only finding of it.
  const filled = (f: SecurityTxtField): boolean => {
    const placeholder = PLACEHOLDER.exec(f.value)?.[0];
    if (placeholder === undefined) return true;
    problems.push(at(f.line, "placeholderUnfilled", { line: f.line, name: f.name, value: JSON.stringify(f.value), placeholder: JSON.stringify(placeholder) }));
    return false;
  };
  const known = new Set(["contact", "expires", "preferred-languages", ...URI_FIELDS.map((n) => n.toLowerCase())]);
  for (const f of parsed.fields) if (!known.has(f.name.toLowerCase())) filled(f);

  // Section 2.5.3: at least one Contact (MUST).
  const contacts = named("Contact");
  if (contacts.length === 0) problems.push(at(1, "noContact"));

  // Section 2.5.5: exactly one Expires (MUST), an RFC 3339 date-time (the ABNF's date-time);
  // a passed one makes the file stale; less than a year ahead is RECOMMENDED.
  const expires = named("Expires");
  if (expires.length === 0) problems.push(at(1, "noExpires"));
  else if (expires.length > 1) problems.push(at(expires[1]!.line, "manyExpires", { count: expires.length }));
  for (const f of expires.filter(filled)) {
    const date = parseRfc3339(f.value);
    if (!date) {
      problems.push(at(f.line, "expiresNotDate", { line: f.line, value: f.value }));
    } else if (date.getTime() <= expect.now.getTime()) {
      problems.push(at(f.line, "expiresPassed", { line: f.line, value: f.value }));
    } else if (date.getTime() - expect.now.getTime() > MAX_EXPIRES_DAYS * DAY_MS) {
      problems.push(at(f.line, "expiresTooFar", { line: f.line, value: f.value, days: MAX_EXPIRES_DAYS }));
    }
  }

  for (const name of URI_FIELDS) {
    for (const f of named(name).filter(filled)) {
      const wrong = uriProblem(f);
      if (wrong) problems.push(wrong);
      // CSAF 2.0 section 7.1.8: the CSAF field points to the provider-metadata.json.
      else if (name === "CSAF" && !/\/provider-metadata\.json$/.test(f.value.replace(/[?#].*$/, ""))) {
        problems.push(at(f.line, "csafNotProviderMetadata", { line: f.line, value: JSON.stringify(f.value) }));
      }
    }
  }

  // Section 2.5.3: when a Contact is an email address, encryption is RECOMMENDED (section 2.5.4).
  const mail = contacts.find((f) => /^mailto:/i.test(f.value));
  if (mail && named("Encryption").length === 0) problems.push(at(mail.line, "emailWithoutEncryption", { line: mail.line, value: JSON.stringify(mail.value) }));

  // Section 2.5.8: at most one Preferred-Languages (MUST NOT appear more than once), of language tags.
  const languages = named("Preferred-Languages");
  if (languages.length > 1) problems.push(at(languages[1]!.line, "manyPreferredLanguages"));
  for (const f of languages.filter(filled)) {
    for (const tag of f.value.split(",").map((t) => t.trim())) {
      if (!isLanguageTag(tag)) problems.push(at(f.line, "notLanguageTag", { line: f.line, tag }));
    }
  }

  // Section 2.5.2: a file whose URL no Canonical names SHOULD NOT be trusted; section 2.3: a
  // signed file SHOULD carry Canonical, so that its signature also vouches for where it is.
  const canonical = named("Canonical");
  if (expect.canonical !== undefined && canonical.length > 0 && !canonical.some((f) => f.value === expect.canonical)) {
    problems.push(at(canonical[0]!.line, "canonicalMismatch", { url: expect.canonical }));
  }
  if (parsed.signed && canonical.length === 0) {
    problems.push(at(1, "signedWithoutCanonical"));
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** The fields whose value is a URI (RFC 9116 section 4's ABNF: `uri`; CSAF 2.0 section 7.1.8 for CSAF). */
const URI_FIELDS = ["Contact", "Encryption", "Acknowledgments", "Canonical", "Policy", "Hiring", "CSAF"];

/**
 * A template's placeholder left in a value: `{{ name }}` (Nunjucks, Liquid, Handlebars),
 * `{% ... %}`, `%%NAME%%`, `${NAME}`, and `<your-email>`: angle brackets round words alone, which
 * no URI holds (RFC 3986 excludes "<" and ">") and an address in brackets does not match, as it
 * holds "@" or ".".
 */
const PLACEHOLDER = /\{\{.*?\}\}|\{%.*?%\}|%%[A-Za-z0-9_-]+%%|\$\{[A-Za-z_][A-Za-z0-9_.-]*\}|<[A-Za-z][A-Za-z0-9 _-]*>/;

/** Whether `tag` looks like an RFC 5646 language tag: a two- or three-letter language, then subtags. */
export function isLanguageTag(tag: string): boolean {
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag);
}

/** The characters RFC 3986 allows in a URI (section 2: unreserved, reserved, and "%" of a percent-encoding). */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * What is wrong with a field whose value must be a URI (RFC 9116 section 4: `uri`, RFC 3986
 * section 3), if anything. Any scheme will do (section 2.5.4 shows https:, dns: and
 * openpgp4fpr: for Encryption), but a web URI must begin with "https://" (sections 2.5.1 to
 * 2.5.7); a mailto: link must be one by RFC 6068, an openpgp4fpr: one a whole fingerprint.
 */
function uriProblem(f: SecurityTxtField): SecurityTxtProblem | undefined {
  const wrong = (code: SecurityTxtErrorCode): SecurityTxtProblem => at(f.line, code, { line: f.line, name: f.name, value: JSON.stringify(f.value), uri: f.value });
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(f.value)?.[1]?.toLowerCase();
  if (scheme === undefined) return wrong("uriInvalid");
  // A mailto: link's own problems say more than "not a URI"; the rule words the first of them,
  // reading them again from `uri`.
  if (scheme === "mailto" && parseMailto(f.value).problems.length > 0) return wrong("uriMailtoInvalid");
  if (!URI_CHARACTERS.test(f.value) || /%(?![0-9A-Fa-f]{2})/.test(f.value)) return wrong("uriInvalid");
  if (scheme === "http") return wrong("uriHttp");
  if (scheme === "https" && !URL.canParse(f.value)) return wrong("uriHttpsInvalid");
  if (scheme === "openpgp4fpr" && !/^openpgp4fpr:(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/i.test(f.value)) return wrong("uriOpenpgp4fprInvalid");
  return undefined;
}
