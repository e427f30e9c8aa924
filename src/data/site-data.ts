import { isCalendarDate } from "../formats/date.ts";
import { supportEndDay } from "../formats/support-period.ts";
import { parseFingerprint, type FingerprintProblem } from "../formats/fingerprint.ts";
import { JsonSyntaxError, parseJsonWithPositions, type Position } from "../formats/json.ts";
import { isAddrSpec } from "../formats/mailto.ts";
import { parsePurl, withoutVersion, type PurlProblem } from "../formats/purl.ts";
import { isLanguageTag, MAX_EXPIRES_DAYS, parseRfc3339, type ExpiresSetting } from "../formats/security-txt.ts";
import { placed, type Finding } from "../findings/finding.ts";
import dataDuplicateKey from "../rules/data/data-duplicate-key.ts";
import dataInvalid from "../rules/data/data-invalid.ts";
import { shortSupportPeriods } from "../rules/data/support-period-short.ts";
import type { Values } from "../rules/rule.ts";
import type { Administrator, Contact, Disclosure, Fingerprint, OtherAddress, Product, Release } from "../types.ts";

/** `content/_data/security.json`, checked: the one place the site's contacts are declared. */
export interface SiteData {
  /** The site's absolute URL, without a trailing slash: `https://ballerina.io`. */
  url: string;
  /** The name shown in the site header. */
  name: string;
  /** The language of the pages, for `<html lang>`. */
  language: string;
  contacts: Contact[];
  /** Addresses the policy may show that take no reports (a mailing list for announcements): each with what it is for. */
  otherAddresses?: OtherAddress[];
  /** The day a person last reviewed the policy, `YYYY-MM-DD`: security.txt's Expires counts from it. */
  reviewed: string;
  /** When security.txt goes stale; absent: security-txt.ts DEFAULT_EXPIRES, counted from `reviewed`. */
  expires?: ExpiresSetting;
  /** security.txt's Preferred-Languages; absent: the pages' language. */
  preferredLanguages?: string[];
  /** security.txt's Acknowledgments, Hiring and CSAF URLs (https), written only where declared. */
  acknowledgments?: string[];
  hiring?: string[];
  csaf?: string[];
  /** Publish the advisories as CSAF 2.0, as a provider: the publisher's category and contact details. */
  csafProvider?: { category: "vendor" | "coordinator" | "discoverer" | "other" | "translator" | "user"; contactDetails?: string };
  /** The products the advisories are about, in the declared order; absent where the data declares none. */
  products?: Product[];
  /** How a report is handled: acknowledgement and disclosure in days, whether an account is needed, credit, safe harbour, a bug bounty. */
  disclosure?: Disclosure;
  /** The people with administrative access to the project's resources, the first the one to ask first. */
  administrators?: Administrator[];
}

const FIELDS = {
  url: "the site's absolute https URL, e.g. \"https://example.org\"",
  name: "the site's name shown in the header, e.g. \"Example\"",
  language: "the pages' language tag, e.g. \"en\"",
  contacts: "a list of { \"email\": ..., \"fingerprint\": ... } objects",
  otherAddresses: "a list of { \"email\": ..., \"purpose\": ... } objects, the addresses the pages may show that take no reports",
  reviewed: "the day a person last reviewed the policy, as YYYY-MM-DD, e.g. \"2026-11-20\"",
  expires: "when security.txt goes stale: { \"days\": 180 } for that many days after \"reviewed\" (365 at most), or an RFC 3339 date-time such as \"2026-06-30T00:00:00Z\"",
  preferredLanguages: "the languages reports may be written in, for security.txt, e.g. [\"en\"]",
  acknowledgments: "the https URL of the page that thanks researchers, or a list of them",
  hiring: "the https URL of the security jobs page, or a list of them",
  csaf: "the https URL of the CSAF provider-metadata.json, or a list of them",
  csafProvider: "true, or { \"category\": \"vendor\", \"contactDetails\": \"security@example.org\" }, to publish the advisories as CSAF 2.0 under /.well-known/csaf/",
  products: "a list of { \"name\": ..., \"repository\": \"https://...\", \"purl\": \"pkg:<type>/<namespace>/<name>\" } objects, one per product the advisories are about",
  disclosure: "{ \"acknowledgeDays\": 3, \"disclosureDays\": 90, \"accountRequired\": false, \"credit\": true }, with an optional \"safeHarbor\" statement",
  administrators: "a list of { \"name\": ..., \"email\": ..., \"affiliation\": ... } objects, the people with administrative access to the project's resources, the first the one to ask first",
} as const;

/** An administrator's fields. */
const ADMINISTRATOR_FIELDS = {
  name: "the person's name, e.g. \"Alice Example\"",
  email: "the person's address, e.g. \"alice@example.org\"",
  affiliation: "the organisation the person works for, e.g. \"Example Inc.\"",
} as const;

/** The disclosure facts' fields. */
const DISCLOSURE_FIELDS = {
  acknowledgeDays: "within how many days a report is acknowledged, a whole number from 1, e.g. 3",
  disclosureDays: "within how many days of a report a fixed vulnerability is disclosed, a whole number from 1, e.g. 90",
  accountRequired: "true or false: whether reporting needs an account anywhere",
  credit: "true or false: whether reporters are credited in the advisory, by the name they choose",
  safeHarbor: "a safe-harbour statement for good-faith research, as it should be shown",
  bugBounty: "the absolute https URL of the bug bounty program's page",
} as const;

const CONTACT_FIELDS = {
  email: "the address reports go to, e.g. \"security@example.org\"",
  fingerprint: "the OpenPGP fingerprint of the contact's key, as gpg prints it",
  team: "a list of { \"name\": ..., \"email\": ..., \"fingerprint\": ... } objects, the people who read the reports, each with a key of their own",
} as const;

/** A team member's fields: a person who reads the contact's reports, with a key of their own. */
const MEMBER_FIELDS = {
  name: "the person's name, e.g. \"Alice Example\"",
  email: "the person's own address, on their key, e.g. \"alice@example.org\"",
  fingerprint: "the OpenPGP fingerprint of the person's key, as gpg prints it",
} as const;

const OTHER_ADDRESS_FIELDS = {
  email: "the address the pages show, e.g. \"announce@example.org\"",
  purpose: "what the address is for, e.g. \"security announcements\"",
} as const;

/** A product's fields. */
const PRODUCT_FIELDS = {
  name: "the product's name, e.g. \"Example Options\"",
  repository: "the absolute https URL of the product's source repository, e.g. \"https://github.com/example/options\"",
  purl: "the product's package URL, without a version, e.g. \"pkg:npm/%40example/options\"",
  releases: "a list of { \"version\": ..., \"released\": \"YYYY-MM-DD\", \"supportedUntil\": \"YYYY-MM\" } objects, one per release",
  supportReason: "why the product's releases get security fixes for less than five years, e.g. \"a conference app, used for the week of the event\"",
} as const;

/** A release's fields. */
const RELEASE_FIELDS = {
  version: "the release's version as its package names it, e.g. \"2.1.0\"",
  released: "the day of the release, as YYYY-MM-DD",
  supportedUntil: "the last month (YYYY-MM) or day (YYYY-MM-DD) the release gets security fixes",
  sbom: "the absolute https URL of the release's software bill of materials",
} as const;

type InvalidMessages = (typeof dataInvalid)["messages"];

/** Reports a data-invalid finding at the value a path names (`contacts.0.email`; "" for the whole file). */
type Report = <M extends keyof InvalidMessages & string>(path: string, messageId: M, values: Values<InvalidMessages[M]>) => void;

/** Each kind of object a list in the site data holds: its fields, and the messages for an entry that is no object and for a field it does not have. */
const KINDS = {
  contact: { fields: CONTACT_FIELDS, notObject: "contactNotObject", unknownField: "unknownContactField" },
  member: { fields: MEMBER_FIELDS, notObject: "memberNotObject", unknownField: "unknownMemberField" },
  otherAddress: { fields: OTHER_ADDRESS_FIELDS, notObject: "otherAddressNotObject", unknownField: "unknownOtherAddressField" },
  product: { fields: PRODUCT_FIELDS, notObject: "productNotObject", unknownField: "unknownProductField" },
  release: { fields: RELEASE_FIELDS, notObject: "releaseNotObject", unknownField: "unknownReleaseField" },
  administrator: { fields: ADMINISTRATOR_FIELDS, notObject: "administratorNotObject", unknownField: "unknownAdministratorField" },
} as const;

/**
 * An entry of a list of objects, named by its `path` and `label` (`products.0`, `products[0]`):
 * the object, once each field it has that its kind does not is reported; undefined, reported,
 * where it is no object.
 */
function objectEntry(entry: unknown, path: string, label: string, kind: (typeof KINDS)[keyof typeof KINDS], problem: Report): Record<string, unknown> | undefined {
  if (!isObject(entry)) {
    problem(path, kind.notObject, { field: label, actual: describe(entry) });
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!(key in kind.fields)) problem(`${path}.${key}`, kind.unknownField, { field: `${label}.${key}`, fields: Object.keys(kind.fields).join(", ") });
  }
  return entry;
}

/**
 * Reads and validates the site data. Every bad field is its own finding, at the field's
 * line, naming the field and what it accepts; the data is returned only when all is well.
 */
export function readSiteData(text: string, file: string): { data?: SiteData; findings: Finding[]; locate?: (path: string) => Position } {
  const findings: Finding[] = [];
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.position;
    return { findings: [dataInvalid.finding("notJson", { file, error: error.message }, file, { line, column })] };
  }
  for (const d of located.duplicates) {
    const label = d.path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
    findings.push(dataDuplicateKey.finding("duplicate", { key: label, firstLine: d.first.line }, file, d.position));
  }
  const at = (path: string): Position => located.positions.get(path) ?? located.positions.get("") ?? { line: 1, column: 1 };
  const problem: Report = (path, messageId, values) => {
    findings.push(dataInvalid.finding(messageId, values, file, at(path)));
  };

  const root = located.value;
  if (!isObject(root)) {
    problem("", "notObject", { fields: Object.keys(FIELDS).join(", ") });
    return { findings };
  }
  for (const key of Object.keys(root)) {
    if (!(key in FIELDS)) problem(key, "unknownField", { field: key, fields: Object.keys(FIELDS).join(", ") });
  }

  const url = stringField(root, "url", "", problem, FIELDS.url);
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problem("url", "urlNotAbsolute", { field: "url", url, expected: FIELDS.url });
    }
    if (parsed && parsed.protocol !== "https:") problem("url", "urlNotHttps", { url });
    if (parsed && (parsed.search || parsed.hash)) problem("url", "urlQueryOrFragment", { url });
  }
  const name = stringField(root, "name", "", problem, FIELDS.name);
  const language = root.language === undefined ? "en" : stringField(root, "language", "", problem, FIELDS.language);
  if (language !== undefined && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
    problem("language", "languageNotTag", { language });
  }

  const contacts: Contact[] = [];
  /** Every address declared so far, contact or team member, by lower case: where it was first. */
  const declared = new Map<string, string>();
  if (!Array.isArray(root.contacts) || root.contacts.length === 0) {
    if (root.contacts === undefined) problem("", "contactsMissing", { expected: FIELDS.contacts });
    else if (Array.isArray(root.contacts)) problem("contacts", "contactsEmpty", { expected: FIELDS.contacts });
    else problem("contacts", "contactsNotList", { actual: describe(root.contacts), expected: FIELDS.contacts });
  } else {
    root.contacts.forEach((entry: unknown, n: number) => contacts.push(...readContact(entry, n, declared, problem)));
  }

  const otherAddresses = readOtherAddresses(root, declared, problem);
  const reviewed = readReviewed(root, problem);
  const securityTxt = readSecurityTxtFields(root, problem);
  const products = readProducts(root, problem);
  const disclosure = readDisclosure(root, problem);
  const administrators = readAdministrators(root, problem);

  if (findings.length > 0 || url === undefined || name === undefined || language === undefined || reviewed === undefined) return { findings };
  // The positions of this one parse serve every later finding about a field (a key that does not match, say).
  const locate = (path: string): Position => located.positions.get(path) ?? { line: 1, column: 1 };
  // What the data may hold but should not: warnings, beside data that is good.
  for (const short of shortSupportPeriods(products ?? [])) findings.push(placed(short.problem, file, locate(short.path)));
  return { data: { url: url.replace(/\/+$/, ""), name, language, contacts, ...(otherAddresses ? { otherAddresses } : {}), reviewed, ...securityTxt, ...(products ? { products } : {}), ...(disclosure ? { disclosure } : {}), ...(administrators ? { administrators } : {}) }, findings, locate };
}

/**
 * One entry of "contacts": the key holders it declares. A contact with a fingerprint is one; each
 * person of its team is one more, under the contact's address. A contact needs a key of its own,
 * or a team, or both. `declared` collects each address, so that none is declared twice.
 */
function readContact(value: unknown, n: number, declared: Map<string, string>, problem: Report): Contact[] {
  const path = `contacts.${n}`;
  const label = `contacts[${n}]`;
  const entry = objectEntry(value, path, label, KINDS.contact, problem);
  if (!entry) return [];
  const email = readAddress(entry, path, label, CONTACT_FIELDS.email, declared, problem);
  const read: Contact[] = [];
  if (entry.fingerprint === undefined && entry.team !== undefined) {
    // A team's address with no key of its own: reports are encrypted to the members' keys.
  } else {
    const fingerprints = readFingerprints(entry, path, label, problem);
    // A list is a rotation: the key to use now first. A single fingerprint stays the contact's only one.
    if (email !== undefined && fingerprints?.[0]) read.push({ email, fingerprint: fingerprints[0], ...(Array.isArray(entry.fingerprint) ? { fingerprints } : {}), field: path });
  }
  if (entry.team === undefined) return read;
  if (!Array.isArray(entry.team)) {
    problem(`${path}.team`, "fieldNotText", { field: `${label}.team`, actual: describe(entry.team), expected: CONTACT_FIELDS.team });
    return read;
  }
  if (entry.team.length === 0) {
    problem(`${path}.team`, "teamEmpty", { field: `${label}.team`, expected: CONTACT_FIELDS.team });
    return read;
  }
  entry.team.forEach((value: unknown, m: number) => {
    const at = `${path}.team.${m}`;
    const as = `${label}.team[${m}]`;
    const person = objectEntry(value, at, as, KINDS.member, problem);
    if (!person) return;
    const name = stringField(person, "name", at, problem, MEMBER_FIELDS.name, `${as}.`);
    const own = readAddress(person, at, as, MEMBER_FIELDS.email, declared, problem);
    const fingerprints = readFingerprints(person, at, as, problem);
    if (email === undefined || name === undefined || own === undefined || !fingerprints?.[0]) return;
    read.push({ email: own, fingerprint: fingerprints[0], ...(Array.isArray(person.fingerprint) ? { fingerprints } : {}), name, team: email, field: at });
  });
  return read;
}

/** A contact's or a team member's address: an email address, declared nowhere before. */
function readAddress(entry: Record<string, unknown>, path: string, label: string, expected: string, declared: Map<string, string>, problem: Report): string | undefined {
  const email = stringField(entry, "email", path, problem, expected, `${label}.`);
  if (email === undefined) return undefined;
  if (!isAddrSpec(email)) {
    problem(`${path}.email`, "emailInvalid", { field: `${label}.email`, email });
    return undefined;
  }
  const first = declared.get(email.toLowerCase());
  if (first !== undefined) {
    problem(`${path}.email`, "emailDuplicate", { field: `${label}.email`, email, first });
    return undefined;
  }
  declared.set(email.toLowerCase(), `${label}.email`);
  return email;
}

/**
 * The addresses the pages may show that are not contacts (a mailing list for announcements,
 * say): each an address and what it is for, none a contact's or listed twice.
 */
function readOtherAddresses(root: Record<string, unknown>, declared: Map<string, string>, problem: Report): OtherAddress[] | undefined {
  const value = root.otherAddresses;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problem("otherAddresses", "fieldNotText", { field: "otherAddresses", actual: describe(value), expected: FIELDS.otherAddresses });
    return undefined;
  }
  if (value.length === 0) {
    problem("otherAddresses", "urlListEmpty", { field: "otherAddresses", expected: FIELDS.otherAddresses });
    return undefined;
  }
  const read: OtherAddress[] = [];
  const firstAt = new Map(declared);
  value.forEach((item: unknown, n: number) => {
    const path = `otherAddresses.${n}`;
    const label = `otherAddresses[${n}]`;
    const entry = objectEntry(item, path, label, KINDS.otherAddress, problem);
    if (!entry) return;
    const email = stringField(entry, "email", path, problem, OTHER_ADDRESS_FIELDS.email, `${label}.`);
    const purpose = stringField(entry, "purpose", path, problem, OTHER_ADDRESS_FIELDS.purpose, `${label}.`);
    if (email === undefined) return;
    if (!isAddrSpec(email)) {
      problem(`${path}.email`, "emailInvalid", { field: `${label}.email`, email });
      return;
    }
    const first = firstAt.get(email.toLowerCase());
    if (first !== undefined) {
      problem(`${path}.email`, "otherAddressDuplicate", { field: `${label}.email`, email, first });
      return;
    }
    firstAt.set(email.toLowerCase(), `${label}.email`);
    if (purpose !== undefined) read.push({ email, purpose });
  });
  return read;
}

/**
 * A contact's fingerprint, or during a key rotation the list of them, the one to use now
 * first: each well-formed, none twice.
 */
function readFingerprints(entry: Record<string, unknown>, path: string, label: string, problem: Report): Fingerprint[] | undefined {
  const value = entry.fingerprint;
  if (!Array.isArray(value)) {
    const shown = stringField(entry, "fingerprint", path, problem, CONTACT_FIELDS.fingerprint, `${label}.`);
    const parsed = shown === undefined ? undefined : parseFingerprint(shown);
    if (parsed?.problem) malformed(`${path}.fingerprint`, `${label}.fingerprint`, parsed.problem, problem);
    return parsed?.fingerprint ? [parsed.fingerprint] : undefined;
  }
  if (value.length === 0) {
    problem(`${path}.fingerprint`, "fingerprintListEmpty", { field: `${label}.fingerprint`, expected: CONTACT_FIELDS.fingerprint });
    return undefined;
  }
  const fingerprints: Fingerprint[] = [];
  let complete = true;
  value.forEach((item: unknown, i: number) => {
    const at = `${path}.fingerprint.${i}`;
    const parsed = typeof item === "string" && item.trim() !== "" ? parseFingerprint(item) : undefined;
    if (!parsed) {
      problem(at, "fingerprintItemNotText", { field: `${label}.fingerprint[${i}]`, actual: describe(item) });
      complete = false;
    } else if (parsed.problem) {
      malformed(at, `${label}.fingerprint[${i}]`, parsed.problem, problem);
      complete = false;
    } else if (parsed.fingerprint && fingerprints.some((f) => f.hex === parsed.fingerprint!.hex)) {
      problem(at, "fingerprintListedTwice", { field: `${label}.fingerprint[${i}]`, fingerprint: parsed.fingerprint.hex });
      complete = false;
    } else if (parsed.fingerprint) {
      fingerprints.push(parsed.fingerprint);
    }
  });
  return complete ? fingerprints : undefined;
}

/** What the fingerprint reader found wrong with the fingerprint at `path`, reported as a field of the site data. */
function malformed(path: string, field: string, p: FingerprintProblem, problem: Report): void {
  const value = (name: string) => String(p.values[name]);
  const fingerprint = value("fingerprint");
  switch (p.code) {
    case "notHex":
      return problem(path, "fingerprintNotHex", { field, fingerprint, character: value("character") });
    case "gapTooWide":
      return problem(path, "fingerprintGapTooWide", { field, fingerprint });
    case "wrongDigitCount":
      return problem(path, "fingerprintDigitCount", { field, fingerprint, count: value("count") });
    case "groupNotFour":
      return problem(path, "fingerprintGroupNotFour", { field, fingerprint, group: value("group"), length: value("length") });
  }
}

/**
 * The products the advisories are about, each with a name, an https: repository and a package
 * URL that names no version; absent where the data declares none.
 */
function readProducts(root: Record<string, unknown>, problem: Report): Product[] | undefined {
  const value = root.products;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problem("products", "productsInvalid", { actual: describe(value), expected: FIELDS.products });
    return undefined;
  }
  if (value.length === 0) {
    problem("products", "productsEmpty", { expected: FIELDS.products });
    return undefined;
  }
  const products: Product[] = [];
  const purls = new Set<string>();
  value.forEach((item: unknown, n: number) => {
    const path = `products.${n}`;
    const label = `products[${n}]`;
    const entry = objectEntry(item, path, label, KINDS.product, problem);
    if (!entry) return;
    const name = stringField(entry, "name", path, problem, PRODUCT_FIELDS.name, `${label}.`);
    const repository = readRepository(entry, path, label, problem);
    const purl = stringField(entry, "purl", path, problem, PRODUCT_FIELDS.purl, `${label}.`);
    const parsed = purl === undefined ? undefined : parsePurl(purl);
    let purlGood = false;
    if (purl !== undefined && parsed?.problem) {
      purlProblem(`${path}.purl`, `${label}.purl`, parsed.problem, problem);
    } else if (purl !== undefined && parsed?.purl?.version !== undefined) {
      problem(`${path}.purl`, "purlVersion", { field: `${label}.purl`, purl, version: parsed.purl.version, withoutVersion: withoutVersion(purl) });
    } else if (purl !== undefined && parsed?.purl) {
      // The same package however it is written: "pkg:NPM/x" is "pkg:npm/x".
      const key = JSON.stringify([parsed.purl.type, parsed.purl.namespace ?? "", parsed.purl.name]);
      if (purls.has(key)) problem(`${path}.purl`, "productPurlDuplicate", { field: `${label}.purl`, purl });
      else purlGood = true;
      purls.add(key);
    }
    const releases = entry.releases === undefined ? undefined : readReleases(entry.releases, path, label, problem);
    const supportReason = entry.supportReason === undefined ? undefined : stringField(entry, "supportReason", path, problem, PRODUCT_FIELDS.supportReason, `${label}.`);
    if (name !== undefined && repository !== undefined && purl !== undefined && purlGood) {
      products.push({ name, repository, purl, ...(releases ? { releases } : {}), ...(supportReason !== undefined ? { supportReason } : {}) });
    }
  });
  return products;
}

/** The disclosure facts: every field of DISCLOSURE_FIELDS but safeHarbor required, each of its kind. */
function readDisclosure(root: Record<string, unknown>, problem: Report): Disclosure | undefined {
  const value = root.disclosure;
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    problem("disclosure", "fieldNotText", { field: "disclosure", actual: describe(value), expected: FIELDS.disclosure });
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!(key in DISCLOSURE_FIELDS)) problem(`disclosure.${key}`, "unknownDisclosureField", { field: `disclosure.${key}`, fields: Object.keys(DISCLOSURE_FIELDS).join(", ") });
  }
  const days = (key: "acknowledgeDays" | "disclosureDays"): number | undefined => {
    const v = value[key];
    if (typeof v === "number" && Number.isInteger(v) && v >= 1) return v;
    if (v === undefined) problem("disclosure", "fieldMissing", { field: `disclosure.${key}`, expected: DISCLOSURE_FIELDS[key] });
    else problem(`disclosure.${key}`, "fieldNotText", { field: `disclosure.${key}`, actual: describe(v), expected: DISCLOSURE_FIELDS[key] });
    return undefined;
  };
  const flag = (key: "accountRequired" | "credit"): boolean | undefined => {
    const v = value[key];
    if (typeof v === "boolean") return v;
    if (v === undefined) problem("disclosure", "fieldMissing", { field: `disclosure.${key}`, expected: DISCLOSURE_FIELDS[key] });
    else problem(`disclosure.${key}`, "fieldNotText", { field: `disclosure.${key}`, actual: describe(v), expected: DISCLOSURE_FIELDS[key] });
    return undefined;
  };
  const acknowledgeDays = days("acknowledgeDays");
  const disclosureDays = days("disclosureDays");
  const accountRequired = flag("accountRequired");
  const credit = flag("credit");
  const safeHarbor = value.safeHarbor === undefined ? undefined : stringField(value, "safeHarbor", "disclosure", problem, DISCLOSURE_FIELDS.safeHarbor, "disclosure.");
  const bugBounty = value.bugBounty === undefined ? undefined : readHttpsUrl(value, "bugBounty", "disclosure", "disclosure", DISCLOSURE_FIELDS.bugBounty, problem);
  if (acknowledgeDays !== undefined && disclosureDays !== undefined && acknowledgeDays > disclosureDays) {
    problem("disclosure.acknowledgeDays", "acknowledgeAfterDisclosure", { acknowledgeDays, disclosureDays });
    return undefined;
  }
  if (acknowledgeDays === undefined || disclosureDays === undefined || accountRequired === undefined || credit === undefined) return undefined;
  if ((value.safeHarbor !== undefined && safeHarbor === undefined) || (value.bugBounty !== undefined && bugBounty === undefined)) return undefined;
  return { acknowledgeDays, disclosureDays, accountRequired, credit, ...(safeHarbor !== undefined ? { safeHarbor } : {}), ...(bugBounty !== undefined ? { bugBounty } : {}) };
}

/** The administrators: each a name, and an address and affiliation where given, none twice. */
function readAdministrators(root: Record<string, unknown>, problem: Report): Administrator[] | undefined {
  const value = root.administrators;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problem("administrators", "fieldNotText", { field: "administrators", actual: describe(value), expected: FIELDS.administrators });
    return undefined;
  }
  if (value.length === 0) {
    problem("administrators", "urlListEmpty", { field: "administrators", expected: FIELDS.administrators });
    return undefined;
  }
  const read: Administrator[] = [];
  value.forEach((item: unknown, n: number) => {
    const path = `administrators.${n}`;
    const label = `administrators[${n}]`;
    const entry = objectEntry(item, path, label, KINDS.administrator, problem);
    if (!entry) return;
    const name = stringField(entry, "name", path, problem, ADMINISTRATOR_FIELDS.name, `${label}.`);
    const email = entry.email === undefined ? undefined : stringField(entry, "email", path, problem, ADMINISTRATOR_FIELDS.email, `${label}.`);
    if (email !== undefined && !isAddrSpec(email)) problem(`${path}.email`, "emailInvalid", { field: `${label}.email`, email });
    const affiliation = entry.affiliation === undefined ? undefined : stringField(entry, "affiliation", path, problem, ADMINISTRATOR_FIELDS.affiliation, `${label}.`);
    if (name !== undefined) read.push({ name, ...(email !== undefined && isAddrSpec(email) ? { email } : {}), ...(affiliation !== undefined ? { affiliation } : {}) });
  });
  return read;
}

/**
 * A product's releases, each a version, the day it came out and the end of its support period
 * (a month or a day, after the release), and an https: SBOM where it has one.
 */
function readReleases(value: unknown, parent: string, parentLabel: string, problem: Report): Release[] | undefined {
  const path = `${parent}.releases`;
  const label = `${parentLabel}.releases`;
  if (!Array.isArray(value)) {
    problem(path, "fieldNotText", { field: label, actual: describe(value), expected: PRODUCT_FIELDS.releases });
    return undefined;
  }
  if (value.length === 0) {
    problem(path, "urlListEmpty", { field: label, expected: PRODUCT_FIELDS.releases });
    return undefined;
  }
  const releases: Release[] = [];
  const versions = new Set<string>();
  value.forEach((item: unknown, r: number) => {
    const at = `${path}.${r}`;
    const as = `${label}[${r}]`;
    const entry = objectEntry(item, at, as, KINDS.release, problem);
    if (!entry) return;
    const version = stringField(entry, "version", at, problem, RELEASE_FIELDS.version, `${as}.`);
    if (version !== undefined && versions.has(version)) problem(`${at}.version`, "releaseVersionDuplicate", { field: `${as}.version`, version });
    const released = typeof entry.released === "string" && isCalendarDate(entry.released.trim()) ? entry.released.trim() : undefined;
    if (released === undefined) {
      if (entry.released === undefined) problem(at, "fieldMissing", { field: `${as}.released`, expected: RELEASE_FIELDS.released });
      else problem(`${at}.released`, "releasedNotDay", { field: `${as}.released`, actual: describe(entry.released) });
    }
    const until = readSupportEnd(entry, at, as, released, problem);
    const sbom = entry.sbom === undefined ? undefined : readHttpsUrl(entry, "sbom", at, as, RELEASE_FIELDS.sbom, problem);
    const good = version !== undefined && !versions.has(version) && released !== undefined && until !== undefined && (entry.sbom === undefined || sbom !== undefined);
    if (version !== undefined) versions.add(version);
    if (good) releases.push({ version, released, supportedUntil: until, ...(sbom !== undefined ? { sbom } : {}) });
  });
  return releases;
}

/** A release's `supportedUntil`: required, a month or a day, not ending before the release. */
function readSupportEnd(entry: Record<string, unknown>, at: string, as: string, released: string | undefined, problem: Report): string | undefined {
  const field = `${as}.supportedUntil`;
  const value = entry.supportedUntil;
  if (value === undefined) {
    problem(at, "supportEndMissing", { field });
    return undefined;
  }
  const text = typeof value === "string" ? value.trim() : undefined;
  const end = text === undefined ? undefined : supportEndDay(text);
  if (text === undefined || end === undefined) {
    problem(`${at}.supportedUntil`, "supportEndInvalid", { field, actual: describe(value) });
    return undefined;
  }
  if (released !== undefined && end < released) {
    problem(`${at}.supportedUntil`, "supportEndBeforeRelease", { field, until: text, released });
    return undefined;
  }
  return text;
}

/** An absolute https: URL in `key` of `entry`. */
function readHttpsUrl(entry: Record<string, unknown>, key: string, at: string, as: string, expected: string, problem: Report): string | undefined {
  const url = stringField(entry, key, at, problem, expected, `${as}.`);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    problem(`${at}.${key}`, "urlNotAbsolute", { field: `${as}.${key}`, url, expected });
    return undefined;
  }
  if (parsed.protocol !== "https:") {
    problem(`${at}.${key}`, "linkNotHttps", { field: `${as}.${key}`, url, expected });
    return undefined;
  }
  return url;
}

/** A product's repository: an absolute https: URL. */
function readRepository(entry: Record<string, unknown>, path: string, label: string, problem: Report): string | undefined {
  const expected = PRODUCT_FIELDS.repository;
  const repository = stringField(entry, "repository", path, problem, expected, `${label}.`);
  if (repository === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(repository);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    problem(`${path}.repository`, "urlNotAbsolute", { field: `${label}.repository`, url: repository, expected });
    return undefined;
  }
  if (parsed.protocol !== "https:") {
    problem(`${path}.repository`, "repositoryNotHttps", { field: `${label}.repository`, url: repository, expected });
    return undefined;
  }
  return repository;
}

/** What the purl reader found wrong with the purl at `path`, reported as a field of the site data. */
function purlProblem(path: string, field: string, p: PurlProblem, problem: Report): void {
  const value = (name: string) => String(p.values[name]);
  const purl = value("purl");
  switch (p.code) {
    case "noScheme":
    case "noType":
      return problem(path, "purlNoScheme", { field, purl, expected: PRODUCT_FIELDS.purl });
    case "characterNotEncoded":
      return problem(path, "purlCharacter", { field, purl, character: value("character") });
    case "typeInvalid":
      return problem(path, "purlType", { field, purl, type: value("type") });
    case "noName":
      return problem(path, "purlNoName", { field, purl });
    case "percentInvalid":
      return problem(path, "purlPercent", { field, purl, part: value("part") });
    case "qualifierInvalid":
    case "qualifierTwice":
      return problem(path, "purlQualifier", { field, purl, key: value("key") });
    case "slashInSegment":
      return problem(path, "purlSlash", { field, purl, segment: value("segment") });
    case "namespaceRequired":
      return problem(path, "purlNamespaceRequired", { field, purl, type: value("type") });
    case "namespaceProhibited":
      return problem(path, "purlNamespaceProhibited", { field, purl, type: value("type") });
  }
}

/**
 * The day of the last review: a real calendar date. Without it the build cannot say until when
 * the policy holds, and says what to add.
 */
function readReviewed(root: Record<string, unknown>, problem: Report): string | undefined {
  const value = root.reviewed;
  const today = new Date().toISOString().slice(0, 10);
  if (value === undefined) {
    problem("", "reviewedMissing", { today });
    return undefined;
  }
  if (typeof value !== "string" || !isCalendarDate(value.trim())) {
    problem("reviewed", "reviewedNotDate", { actual: describe(value), expected: FIELDS.reviewed });
    return undefined;
  }
  return value.trim();
}


type SecurityTxtData = Pick<SiteData, "expires" | "preferredLanguages" | "acknowledgments" | "hiring" | "csaf" | "csafProvider">;

/** The optional fields that only security.txt uses; each present one checked, each absent one left out. */
function readSecurityTxtFields(root: Record<string, unknown>, problem: Report): SecurityTxtData {
  const read: SecurityTxtData = {};

  const expires = root.expires;
  if (typeof expires === "string") {
    const date = parseRfc3339(expires.trim());
    if (date) read.expires = { date };
    else problem("expires", "expiresNotDateTime", { expires, expected: FIELDS.expires });
  } else if (isObject(expires) && Object.keys(expires).length === 1 && "days" in expires) {
    const days = expires.days;
    if (typeof days === "number" && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRES_DAYS) read.expires = { days };
    else problem("expires.days", "expiresDaysInvalid", { actual: describe(days), max: MAX_EXPIRES_DAYS });
  } else if (expires !== undefined) {
    problem("expires", "expiresInvalid", { actual: describe(expires), expected: FIELDS.expires });
  }

  const languages = root.preferredLanguages;
  if (Array.isArray(languages) && languages.length > 0) {
    const tags: string[] = [];
    languages.forEach((tag: unknown, n: number) => {
      if (typeof tag === "string" && isLanguageTag(tag.trim())) tags.push(tag.trim());
      else problem(`preferredLanguages.${n}`, "preferredLanguageNotTag", { field: `preferredLanguages[${n}]`, actual: describe(tag) });
    });
    read.preferredLanguages = tags;
  } else if (languages !== undefined) {
    problem("preferredLanguages", "preferredLanguagesInvalid", { actual: describe(languages), expected: FIELDS.preferredLanguages });
  }

  for (const key of ["acknowledgments", "hiring", "csaf"] as const) {
    const value = root[key];
    if (value === undefined) continue;
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v: unknown, n: number) => [`${key}.${n}`, v]) : [[key, value]];
    if (entries.length === 0) {
      problem(key, "urlListEmpty", { field: key, expected: FIELDS[key] });
      continue;
    }
    const urls: string[] = [];
    for (const [path, entry] of entries) {
      const label = path.replace(/\.(\d+)$/, "[$1]");
      const bad = httpsUrlProblem(entry, key === "csaf");
      const expected = FIELDS[key];
      if (bad === undefined) urls.push((entry as string).trim());
      else if (bad === "notText") problem(path, "fieldNotText", { field: label, actual: describe(entry), expected });
      else problem(path, bad, { field: label, url: String(entry), expected });
    }
    read[key] = urls;
  }

  const provider = root.csafProvider;
  const categories = ["vendor", "coordinator", "discoverer", "other", "translator", "user"] as const;
  if (provider === true) {
    read.csafProvider = { category: "vendor" };
  } else if (isObject(provider) && Object.keys(provider).every((k) => k === "category" || k === "contactDetails")) {
    const category = provider.category ?? "vendor";
    const contact = provider.contactDetails;
    if (typeof category !== "string" || !(categories as readonly string[]).includes(category)) {
      problem("csafProvider.category", "csafCategoryUnknown", { actual: describe(category), categories: categories.join(", ") });
    } else if (contact !== undefined && (typeof contact !== "string" || contact.trim() === "")) {
      problem("csafProvider.contactDetails", "csafContactDetailsInvalid", { actual: describe(contact) });
    } else {
      read.csafProvider = { category: category as (typeof categories)[number], ...(typeof contact === "string" ? { contactDetails: contact.trim() } : {}) };
    }
  } else if (provider !== undefined && provider !== false) {
    problem("csafProvider", "csafProviderInvalid", { actual: describe(provider), expected: FIELDS.csafProvider });
  }
  return read;
}

/** Why a value is not an https URL (RFC 9116 section 2.3 allows web URIs only as https), or undefined when it is one. */
function httpsUrlProblem(value: unknown, csaf: boolean): "notText" | "urlNotAbsolute" | "linkNotHttps" | "csafNotProviderMetadata" | undefined {
  if (typeof value !== "string" || value.trim() === "") return "notText";
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return "urlNotAbsolute";
  }
  if (parsed.protocol !== "https:") return "linkNotHttps";
  // CSAF 2.0 section 7.1.8: the field points to the provider's provider-metadata.json.
  if (csaf && !parsed.pathname.endsWith("/provider-metadata.json")) return "csafNotProviderMetadata";
  return undefined;
}

/**
 * Where each field's value stands in the file, for findings about it made later (a key
 * that does not match, say): the file is parsed once, and the locator answers by path.
 */
export function fieldLocator(text: string): (path: string) => Position {
  let positions: Map<string, Position>;
  try {
    positions = parseJsonWithPositions(text).positions;
  } catch (error) {
    // readSiteData has already reported the syntax error; point at the top.
    if (!(error instanceof JsonSyntaxError)) throw error;
    positions = new Map();
  }
  return (path) => positions.get(path) ?? { line: 1, column: 1 };
}

function stringField(
  obj: Record<string, unknown>,
  key: string,
  parent: string,
  problem: Report,
  expected: string,
  label = "",
): string | undefined {
  const value = obj[key];
  const path = parent === "" ? key : `${parent}.${key}`;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (value === undefined) problem(parent, "fieldMissing", { field: `${label}${key}`, expected });
  else problem(path, "fieldNotText", { field: `${label}${key}`, actual: describe(value), expected });
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : `the string "${value}"`;
  return `${typeof value === "object" ? "an object" : `the ${typeof value} ${String(value)}`}`;
}
