/**
 * The site as shipped, whatever content/ holds: the tests of the real site (its pages in a
 * browser, Lighthouse, the README's commands, the bench's builds) read its facts from here, so
 * that a project that replaces content/ (by hand, or with `npm run init`) keeps a green
 * `npm test`. POLICY_SITE names another site folder (with content/, _includes/ and assets/) to
 * test instead: tests/adopted-site.test.ts runs these tests on a copy that init made its own.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = process.env.POLICY_SITE ? path.resolve(process.env.POLICY_SITE) : ROOT;

export interface ShippedContact {
  email: string;
  /** Upper case, unbroken. */
  hex: string;
  /** In groups of four, as the page shows it. */
  grouped: string;
  /** Whether content/keys/ holds the contact's key. */
  hasKey: boolean;
}

export interface ShippedPage {
  lang: string;
  /** content/-relative path of its Markdown. */
  file: string;
  /** Its URL path, from its permalink. */
  url: string;
  title: string;
  intro?: string;
  /** The text of its h2 headings, as written. */
  headings: string[];
  /** The template's fields: each `- **Label:** hint` item of its list, as the label is written. */
  fields: string[];
}

export interface ShippedSite {
  dir: string;
  name: string;
  url: string;
  language: string;
  contacts: ShippedContact[];
  /** The policy page in each language, the site's own first. */
  policies: ShippedPage[];
  /** The translations' languages (the site's own left out). */
  translations: string[];
  /** Every advisory's id (content/advisories/*.md). */
  advisories: string[];
  /** Whether any advisory credits someone, so that the thanks page is built. */
  credits: boolean;
  /** The interface strings of a language. */
  strings(lang: string): Record<string, string>;
}

function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
}

function readPage(dir: string, file: string, lang: string): ShippedPage {
  const { data, body } = frontMatter(readFileSync(path.join(dir, "content", file), "utf8"));
  return {
    lang,
    file,
    url: String(data.permalink),
    title: String(data.title),
    intro: typeof data.intro === "string" ? data.intro : undefined,
    headings: [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()),
    fields: [...body.matchAll(/^[-*] \*\*([^*]+)\*\*/gm)].map((m) => m[1]!),
  };
}

export function shippedSite(dir = SITE): ShippedSite {
  const content = path.join(dir, "content");
  const data = JSON.parse(readFileSync(path.join(content, "_data/security.json"), "utf8")) as {
    name: string;
    url: string;
    language: string;
    contacts: Array<{ email: string; fingerprint: string }>;
  };
  const contacts = data.contacts.map((c) => {
    const hex = c.fingerprint.replace(/\s/g, "").toUpperCase();
    return { email: c.email, hex, grouped: hex.replace(/(.{4})(?=.)/g, "$1 "), hasKey: existsSync(path.join(content, "keys", `${c.email}.asc`)) };
  });
  const languages = readdirSync(content, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(e.name) && existsSync(path.join(content, e.name, "security.md")))
    .map((e) => e.name);
  const ordered = [data.language, ...languages.filter((l) => l !== data.language).sort()].filter((l) => languages.includes(l));
  const advisoryDir = path.join(content, "advisories");
  const advisoryFiles = existsSync(advisoryDir) ? readdirSync(advisoryDir).filter((f) => f.endsWith(".md")) : [];
  const advisories = advisoryFiles.map((f) => String(frontMatter(readFileSync(path.join(advisoryDir, f), "utf8")).data.id));
  const credits = advisoryFiles.some((f) => {
    const credit = frontMatter(readFileSync(path.join(advisoryDir, f), "utf8")).data.credits;
    return Array.isArray(credit) && credit.length > 0;
  });
  return {
    dir,
    name: data.name,
    url: data.url.replace(/\/$/, ""),
    language: data.language,
    contacts,
    policies: ordered.map((lang) => readPage(dir, `${lang}/security.md`, lang)),
    translations: ordered.slice(1),
    advisories,
    credits,
    strings: (lang) => JSON.parse(readFileSync(path.join(content, "_data/strings", `${lang}.json`), "utf8")) as Record<string, string>,
  };
}

/** A string with {placeholders} filled in, as the layouts' `t` filter fills them. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
