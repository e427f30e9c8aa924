/**
 * The report page, `/security/report/` and its translations: a form with one field per item
 * of the policy's report template (the same list the prefilled mail is made from), encrypted
 * in the browser (assets/report.js, with openpgp.js's lightweight build, served from the site)
 * to every current key of the contacts. Built only where the site has the first contact's key
 * (content/<lang>/security/report.11tydata.js); the policy links to it only then.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import MarkdownIt from "markdown-it";
import { frontMatterLines } from "../findings/locate.ts";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { findReportTemplate, fingerprintHtml, reportMailto } from "../markdown/decorate.ts";
import { OPENPGP_ASSETS_PATH } from "../publish/headers.ts";
import { DEFAULT_POLICY_PATH } from "../formats/site-paths.ts";
import type { Languages } from "./languages.ts";
import type { CheckedData } from "./policy-data.ts";
import type { SiteRun } from "./site-run.ts";

/** What the page encrypts to: each contact with a key, its current fingerprint and its published public key. */
export interface ReportKey {
  email: string;
  /** A team member's name, shown with their address. */
  name?: string;
  /** The current key's fingerprint, lower-case hex, as openpgp.js prints it. */
  fingerprint: string;
  /** The same, in groups of four, as the policy shows it. */
  grouped: string;
  armored: string;
}

/** One field of the report form, from one item of the policy's template. */
export interface ReportField {
  /** As the template writes it, "Overview:": the report's plain text and the prefilled mail name the field so. */
  name: string;
  /** What the form's label shows: the name without its closing colon, "Overview". */
  label: string;
  /** What the template says after the name, "high-level overview of the issue", shown as the field's description; "" where it says nothing. */
  hint: string;
}

/** The fields of a policy page's report template, read from its Markdown as the decoration reads them. */
export function templateFields(markdown: string): ReportField[] {
  const body = markdown.replace(/^\uFEFF/, "").split(/\r?\n/).slice(frontMatterLines(markdown)).join("\n");
  const template = findReportTemplate(new MarkdownIt({ html: true }).parse(body, {}));
  // A label ends in ":" (findReportTemplate reads no other), which a form's label does without.
  return (template?.fields ?? []).map((name, i) => ({ name, label: name.replace(/\s*:$/, ""), hint: template?.hints[i] ?? "" }));
}

export default function reportPage(eleventyConfig: UserConfig, options: { run?: SiteRun; checked: CheckedData; languages: Languages; policyPath?: string }): void {
  const { checked, languages, policyPath = DEFAULT_POLICY_PATH } = options;
  let fields = new Map<string, ReportField[]>();
  eleventyConfig.on("eleventy.before", () => {
    fields = new Map();
  });

  /** The policy page in `lang`, else the original. */
  const policyIn = (lang: string) => languages.pageAt(languages.localeUrl(policyPath, lang));

  const fieldsIn = (lang: string): ReportField[] => {
    const cached = fields.get(lang);
    if (cached) return cached;
    const page = policyIn(lang);
    const found = page ? templateFields(readFileSync(page.inputPath, "utf8")) : [];
    fields.set(lang, found);
    return found;
  };

  const keys = (): ReportKey[] =>
    checked
      .global()
      .contacts.flatMap((c) =>
        c.key?.publicArmored === undefined ? [] : [{ email: c.email, ...(c.name !== undefined ? { name: c.name } : {}), fingerprint: c.fingerprint.hex.toLowerCase(), grouped: formatFingerprint(c.fingerprint), armored: c.key.publicArmored }],
      );

  // The report's fields in the page's language: `{% for field in page.lang | reportFields %}`.
  eleventyConfig.addFilter("reportFields", (lang: string) => fieldsIn(lang));
  // The keys the form encrypts to.
  eleventyConfig.addFilter("reportKeys", () => keys());
  // A key's fingerprint as the policy shows one: in groups of four, with its Copy button, in the page's language.
  eleventyConfig.addFilter("reportFingerprint", (key: ReportKey, lang: string) => fingerprintHtml(key.grouped, (k, values) => languages.text(lang, k, values)));
  // The prefilled mail to the first address that takes reports, for a reader without JavaScript.
  eleventyConfig.addFilter("reportMail", (lang: string) => {
    const to = checked.global().reportTo;
    const name = checked.global().site?.name ?? "";
    return to === undefined ? "" : reportMailto(to, languages.text(lang, "reportSubject", { name }), fieldsIn(lang).map((f) => f.name));
  });

  // openpgp.js's lightweight build, served by the site itself, and only by a site that has a report
  // page: the page loads it when the form is first used. Where this project installed it, so that a
  // site kept elsewhere gets the same copy; the package exports its lightweight build to browsers
  // only, and it sits beside the Node build.
  const lightweight = path.resolve(path.dirname(createRequire(import.meta.url).resolve("openpgp")), "../lightweight");
  eleventyConfig.on("eleventy.after", (event) => {
    if (event.outputMode !== "fs") return;
    const pages = reportPages(languages, policyPath);
    if (!(event.results ?? []).some((r) => pages.has(r.url))) return;
    const target = path.join(path.resolve(event.directories.output), OPENPGP_ASSETS_PATH);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(lightweight).filter((f) => f.endsWith(".min.mjs"))) copyFileSync(path.join(lightweight, file), path.join(target, file));
  });
}

/**
 * The report page for a page in `lang`, when the site has the first contact's key and the page
 * exists: the policy's calls to action link to it.
 */
export function reportPageUrl(languages: Languages, checked: CheckedData, lang: string, policyPath = DEFAULT_POLICY_PATH): string | undefined {
  if (checked.global().contacts[0]?.key?.publicArmored === undefined) return undefined;
  const url = `${policyPath}report/`;
  // Asked once per rendered Markdown page: by map, never by a walk through every page.
  return languages.pageAt(url) ? languages.localeUrl(url, lang) : undefined;
}

/** The URLs of the report page and its translations, where they are built. */
export function reportPages(languages: Languages, policyPath = DEFAULT_POLICY_PATH): Set<string> {
  const url = `${policyPath}report/`;
  if (!languages.pageAt(url)) return new Set();
  const translations = languages.alternates(url);
  return new Set(translations.length > 0 ? translations.map((t) => t.url) : [url]);
}
