import { parseFingerprint } from "../formats/fingerprint.ts";
import { JsonSyntaxError, parseJsonWithPositions, type Position } from "../formats/json.ts";
import { isAddrSpec } from "../formats/mailto.ts";
import { isLanguageTag, MAX_EXPIRES_DAYS, parseRfc3339, type ExpiresSetting } from "../formats/security-txt.ts";
import { type Finding } from "../findings/finding.ts";
import { finding } from "../rules/registry.ts";
import type { Contact, Fingerprint } from "../types.ts";

/** `content/_data/security.json`, checked: the one place the site's contacts are declared. */
export interface SiteData {
  /** The site's absolute URL, without a trailing slash: `https://ballerina.io`. */
  url: string;
  /** The name shown in the site header. */
  name: string;
  /** The language of the pages, for `<html lang>`. */
  language: string;
  contacts: Contact[];
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
}

const FIELDS = {
  url: "the site's absolute https URL, e.g. \"https://example.org\"",
  name: "the site's name shown in the header, e.g. \"Example\"",
  language: "the pages' language tag, e.g. \"en\"",
  contacts: "a list of { \"email\": ..., \"fingerprint\": ... } objects",
  reviewed: "the day a person last reviewed the policy, as YYYY-MM-DD, e.g. \"2026-11-20\"",
  expires: "when security.txt goes stale: { \"days\": 180 } for that many days after \"reviewed\" (365 at most), or an RFC 3339 date-time such as \"2026-06-30T00:00:00Z\"",
  preferredLanguages: "the languages reports may be written in, for security.txt, e.g. [\"en\"]",
  acknowledgments: "the https URL of the page that thanks researchers, or a list of them",
  hiring: "the https URL of the security jobs page, or a list of them",
  csaf: "the https URL of the CSAF provider-metadata.json, or a list of them",
  csafProvider: "true, or { \"category\": \"vendor\", \"contactDetails\": \"security@example.org\" }, to publish the advisories as CSAF 2.0 under /.well-known/csaf/",
} as const;

const CONTACT_FIELDS = {
  email: "the address reports go to, e.g. \"security@example.org\"",
  fingerprint: "the OpenPGP fingerprint of the contact's key, as gpg prints it",
} as const;

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
    return { findings: [finding("data-invalid", file, { line, column }, `${file} is not valid JSON: ${error.message}`)] };
  }
  for (const d of located.duplicates) {
    const label = d.path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
    findings.push(
      finding(
        "data-duplicate-key",
        file,
        d.position,
        `"${label}" is written a second time in the same object (first on line ${d.first.line}); only one value can count, so the other would be silently ignored: keep one`,
      ),
    );
  }
  const at = (path: string): Position => located.positions.get(path) ?? located.positions.get("") ?? { line: 1, column: 1 };
  const problem = (path: string, message: string) => {
    findings.push(finding("data-invalid", file, at(path), message));
  };

  const root = located.value;
  if (!isObject(root)) {
    problem("", `the site data must be a JSON object with ${Object.keys(FIELDS).join(", ")}`);
    return { findings };
  }
  for (const key of Object.keys(root)) {
    if (!(key in FIELDS)) problem(key, `unknown field "${key}"; the site data accepts ${Object.keys(FIELDS).join(", ")}`);
  }

  const url = stringField(root, "url", "", problem, FIELDS.url);
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problem("url", `"url" is "${url}", which is not an absolute URL; expected ${FIELDS.url}`);
    }
    if (parsed && parsed.protocol !== "https:") problem("url", `"url" must use https: (received "${url}"), so that readers and security.txt point to the real site`);
    if (parsed && (parsed.search || parsed.hash)) problem("url", `"url" must not carry a query or fragment (received "${url}")`);
  }
  const name = stringField(root, "name", "", problem, FIELDS.name);
  const language = root.language === undefined ? "en" : stringField(root, "language", "", problem, FIELDS.language);
  if (language !== undefined && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
    problem("language", `"language" is "${language}", which is not a language tag; expected e.g. "en" or "en-GB"`);
  }

  const contacts: Contact[] = [];
  if (!Array.isArray(root.contacts) || root.contacts.length === 0) {
    problem(root.contacts === undefined ? "" : "contacts", `"contacts" is ${describe(root.contacts)}; expected ${FIELDS.contacts}, at least one`);
  } else {
    root.contacts.forEach((entry: unknown, n: number) => {
      const path = `contacts.${n}`;
      if (!isObject(entry)) {
        problem(path, `"contacts[${n}]" is ${describe(entry)}; expected an object with "email" and "fingerprint"`);
        return;
      }
      for (const key of Object.keys(entry)) {
        if (!(key in CONTACT_FIELDS)) problem(`${path}.${key}`, `unknown field "contacts[${n}].${key}"; a contact has ${Object.keys(CONTACT_FIELDS).join(", ")}`);
      }
      const email = stringField(entry, "email", path, problem, CONTACT_FIELDS.email, `contacts[${n}].`);
      if (email !== undefined && !isAddrSpec(email)) {
        problem(`${path}.email`, `"contacts[${n}].email" is "${email}", which is not an email address`);
      }
      if (email !== undefined && contacts.some((c) => c.email.toLowerCase() === email.toLowerCase())) {
        problem(`${path}.email`, `"contacts[${n}].email" declares ${email} a second time; declare each contact once`);
      }
      const fingerprints = readFingerprints(entry, path, `contacts[${n}]`, problem);
      // A list is a rotation: the key to use now first. A single fingerprint stays the contact's only one.
      if (email !== undefined && fingerprints?.[0]) contacts.push({ email, fingerprint: fingerprints[0], ...(Array.isArray(entry.fingerprint) ? { fingerprints } : {}) });
    });
  }

  const reviewed = readReviewed(root, problem);
  const securityTxt = readSecurityTxtFields(root, problem);

  if (findings.length > 0 || url === undefined || name === undefined || language === undefined || reviewed === undefined) return { findings };
  // The positions of this one parse serve every later finding about a field (a key that does not match, say).
  const locate = (path: string): Position => located.positions.get(path) ?? { line: 1, column: 1 };
  return { data: { url: url.replace(/\/+$/, ""), name, language, contacts, reviewed, ...securityTxt }, findings, locate };
}

/**
 * A contact's fingerprint, or during a key rotation the list of them, the one to use now
 * first: each well-formed, none twice.
 */
function readFingerprints(entry: Record<string, unknown>, path: string, label: string, problem: (path: string, message: string) => void): Fingerprint[] | undefined {
  const value = entry.fingerprint;
  if (!Array.isArray(value)) {
    const shown = stringField(entry, "fingerprint", path, problem, CONTACT_FIELDS.fingerprint, `${label}.`);
    const parsed = shown === undefined ? undefined : parseFingerprint(shown);
    if (parsed?.problem) problem(`${path}.fingerprint`, `"${label}.fingerprint": ${parsed.problem.message}`);
    return parsed?.fingerprint ? [parsed.fingerprint] : undefined;
  }
  if (value.length === 0) {
    problem(`${path}.fingerprint`, `"${label}.fingerprint" is an empty list; expected ${CONTACT_FIELDS.fingerprint}, or during a key rotation a list of them, the key to use now first`);
    return undefined;
  }
  const fingerprints: Fingerprint[] = [];
  let complete = true;
  value.forEach((item: unknown, i: number) => {
    const at = `${path}.fingerprint.${i}`;
    const parsed = typeof item === "string" && item.trim() !== "" ? parseFingerprint(item) : undefined;
    if (!parsed) {
      problem(at, `"${label}.fingerprint[${i}]" is ${describe(item)}; expected a fingerprint as gpg prints it`);
      complete = false;
    } else if (parsed.problem) {
      problem(at, `"${label}.fingerprint[${i}]": ${parsed.problem.message}`);
      complete = false;
    } else if (parsed.fingerprint && fingerprints.some((f) => f.hex === parsed.fingerprint!.hex)) {
      problem(at, `"${label}.fingerprint[${i}]" lists ${parsed.fingerprint.hex} a second time; list each key once`);
      complete = false;
    } else if (parsed.fingerprint) {
      fingerprints.push(parsed.fingerprint);
    }
  });
  return complete ? fingerprints : undefined;
}

/**
 * The day of the last review: a real calendar date. Without it the build cannot say until when
 * the policy holds, and says what to add.
 */
function readReviewed(root: Record<string, unknown>, problem: (path: string, message: string) => void): string | undefined {
  const value = root.reviewed;
  const today = new Date().toISOString().slice(0, 10);
  if (value === undefined) {
    problem("", `"reviewed" is missing: add the day a person last read the policy through and found it true, e.g. "reviewed": "${today}"; security.txt's Expires counts from it, so that it promises no more than a person checked`);
    return undefined;
  }
  if (typeof value !== "string" || !isCalendarDate(value.trim())) {
    problem("reviewed", `"reviewed" is ${describe(value)}; expected ${FIELDS.reviewed}`);
    return undefined;
  }
  return value.trim();
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

type SecurityTxtData = Pick<SiteData, "expires" | "preferredLanguages" | "acknowledgments" | "hiring" | "csaf" | "csafProvider">;

/** The optional fields that only security.txt uses; each present one checked, each absent one left out. */
function readSecurityTxtFields(root: Record<string, unknown>, problem: (path: string, message: string) => void): SecurityTxtData {
  const read: SecurityTxtData = {};

  const expires = root.expires;
  if (typeof expires === "string") {
    const date = parseRfc3339(expires.trim());
    if (date) read.expires = { date };
    else problem("expires", `"expires" is "${expires}", which is not an RFC 3339 date-time; expected ${FIELDS.expires}`);
  } else if (isObject(expires) && Object.keys(expires).length === 1 && "days" in expires) {
    const days = expires.days;
    if (typeof days === "number" && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRES_DAYS) read.expires = { days };
    else problem("expires.days", `"expires.days" is ${describe(days)}; expected a whole number of days from 1 to ${MAX_EXPIRES_DAYS} after "reviewed", e.g. 180`);
  } else if (expires !== undefined) {
    problem("expires", `"expires" is ${describe(expires)}; expected ${FIELDS.expires}`);
  }

  const languages = root.preferredLanguages;
  if (Array.isArray(languages) && languages.length > 0) {
    const tags: string[] = [];
    languages.forEach((tag: unknown, n: number) => {
      if (typeof tag === "string" && isLanguageTag(tag.trim())) tags.push(tag.trim());
      else problem(`preferredLanguages.${n}`, `"preferredLanguages[${n}]" is ${describe(tag)}, which is not a language tag; expected e.g. "en" or "en-GB"`);
    });
    read.preferredLanguages = tags;
  } else if (languages !== undefined) {
    problem("preferredLanguages", `"preferredLanguages" is ${describe(languages)}; expected ${FIELDS.preferredLanguages}`);
  }

  for (const key of ["acknowledgments", "hiring", "csaf"] as const) {
    const value = root[key];
    if (value === undefined) continue;
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v: unknown, n: number) => [`${key}.${n}`, v]) : [[key, value]];
    if (entries.length === 0) {
      problem(key, `"${key}" is an empty list; expected ${FIELDS[key]}, or leave the field out`);
      continue;
    }
    const urls: string[] = [];
    for (const [path, entry] of entries) {
      const label = path.replace(/\.(\d+)$/, "[$1]");
      const bad = httpsUrlProblem(entry, key === "csaf");
      if (bad) problem(path, `"${label}" ${bad}; expected ${FIELDS[key]}`);
      else urls.push((entry as string).trim());
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
      problem("csafProvider.category", `"csafProvider.category" is ${describe(category)}; expected one of ${categories.join(", ")}`);
    } else if (contact !== undefined && (typeof contact !== "string" || contact.trim() === "")) {
      problem("csafProvider.contactDetails", `"csafProvider.contactDetails" is ${describe(contact)}; expected how to reach the publisher, e.g. "security@example.org"`);
    } else {
      read.csafProvider = { category: category as (typeof categories)[number], ...(typeof contact === "string" ? { contactDetails: contact.trim() } : {}) };
    }
  } else if (provider !== undefined && provider !== false) {
    problem("csafProvider", `"csafProvider" is ${describe(provider)}; expected ${FIELDS.csafProvider}`);
  }
  return read;
}

/** Why a value is not an https URL (RFC 9116 section 2.3 allows web URIs only as https), or undefined when it is one. */
function httpsUrlProblem(value: unknown, csaf: boolean): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return `is ${describe(value)}`;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return `is "${value}", which is not an absolute URL`;
  }
  if (parsed.protocol !== "https:") return `is "${value}", which does not use https: (RFC 9116 allows web URLs only as https)`;
  // CSAF 2.0 section 7.1.8: the field points to the provider's provider-metadata.json.
  if (csaf && !parsed.pathname.endsWith("/provider-metadata.json")) return `is "${value}", which is not a provider-metadata.json`;
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
  problem: (path: string, message: string) => void,
  expected: string,
  label = "",
): string | undefined {
  const value = obj[key];
  const path = parent === "" ? key : `${parent}.${key}`;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  problem(value === undefined ? parent : path, `"${label}${key}" is ${describe(value)}; expected ${expected}`);
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
