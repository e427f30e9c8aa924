/**
 * Every language its maintainers write: Eleventy's own I18nPlugin (a page under
 * `content/<lang>/` is in that language; `page.lang`, `locale_url`), the interface strings
 * of each language (`content/_data/strings/<lang>.json`, the `t` filter), the alternates of
 * each page (hreflang, the language switcher, the sitemap), and the checks that keep a
 * translation true to its original. The pure parts are src/data/languages.ts,
 * src/data/strings.ts and src/rules/translation.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { I18nPlugin, type UserConfig } from "@11ty/eleventy";
import { nativeName, pageLanguages, translationsOf, type PageLanguage } from "../data/languages.ts";
import { fillIn, missingDefaultStrings, missingStrings, readStringsFile, type StringsFile } from "../data/strings.ts";
import { urlOutsideLanguage } from "../rules/source/translation-url.ts";
import { translationDrift, translationStale } from "../rules/translation.ts";
import type { SiteRun } from "./site-run.ts";

/** A page's translations, itself included: for hreflang, the switcher and the sitemap. */
export interface Alternate {
  url: string;
  lang: string;
  /** The language's own name: "Español". */
  label: string;
  current: boolean;
}

/** This build's languages: filled by the languages plugin, read by the plugins and layouts after it. */
export class Languages {
  #default = "en";
  #pages: PageLanguage[] = [];
  #byUrl = new Map<string, PageLanguage[]>();
  #byInputPath = new Map<string, PageLanguage>();
  #strings = new Map<string, StringsFile>();

  setDefault(lang: string): void {
    this.#default = lang;
  }

  /** The language of pages outside a language folder: the site data's `language`. */
  get defaultLanguage(): string {
    return this.#default;
  }

  setPages(pages: PageLanguage[]): void {
    this.#pages = pages;
    this.#byUrl = translationsOf(pages);
    this.#byInputPath = new Map(pages.map((p) => [p.inputPath, p]));
  }

  get pages(): PageLanguage[] {
    return this.#pages;
  }

  /** The page at a URL, by map; undefined where this build makes none. */
  pageAt(url: string): PageLanguage | undefined {
    return this.#byUrl.get(url)?.find((p) => p.url === url);
  }

  /** The page an input file makes, with its language and original; looked up once per page render, so by map. */
  page(inputPath: string): PageLanguage | undefined {
    return this.#byInputPath.get(inputPath);
  }

  setStrings(files: Map<string, StringsFile>): void {
    this.#strings = files;
  }

  get stringsFiles(): Map<string, StringsFile> {
    return this.#strings;
  }

  /** The translations of the page at `url`, itself included: the original first (hreflang's x-default), then by language; none for a page without translations. */
  alternates(url: string): Alternate[] {
    const group = this.#byUrl.get(url) ?? [];
    if (group.length < 2) return [];
    const first = (p: PageLanguage) => (p.lang === this.#default ? 0 : 1);
    return [...group].sort((a, b) => first(a) - first(b)).map((p) => ({ url: p.url, lang: p.lang, label: nativeName(p.lang), current: p.url === url }));
  }

  /**
   * `url`'s translation in `lang` where it has one, else `url` itself: what Eleventy's own
   * `locale_url` answers with errorMode "never", read from this build's pages by map. Eleventy's
   * checks each candidate's language code with bcp-47-normalize on every call, which was a tenth
   * of a 1,000-page build.
   */
  localeUrl(url: string, lang: string): string {
    const group = this.#byUrl.get(url) ?? (url.endsWith("/") ? undefined : this.#byUrl.get(`${url}/`));
    return group?.find((p) => p.lang === lang)?.url ?? url;
  }

  /**
   * The interface string `key` in `lang`, with `{name}`s filled in. A key the language lacks
   * is shown in the default language (the strings-missing warning names it); a key the
   * default language lacks is a mistake in a layout, and an error here.
   */
  text(lang: string, key: string, values?: Record<string, string>): string {
    const own = this.#strings.get(lang)?.strings[key];
    const fallback = this.#strings.get(this.#default)?.strings[key];
    const text = own ?? fallback;
    if (text === undefined) {
      throw new Error(`the interface string "${key}" is not in the strings of "${this.#default}" (_data/strings/${this.#default}.json): add it there, or correct the key in the layout`);
    }
    return fillIn(text, values);
  }
}

export interface LanguagesOptions {
  run: SiteRun;
  languages: Languages;
  /** The site data, absolute or relative to the input folder: its `language` is the default language. */
  dataFile: string;
  /** The folder of interface strings, relative to the input folder. */
  stringsDir: string;
}

const DEFAULTS = { dataFile: "_data/security.json", stringsDir: "_data/strings" };

export function normalizeOptions(options: Partial<LanguagesOptions>): LanguagesOptions {
  const merged = { ...DEFAULTS, ...options };
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new TypeError(`languages: option \`${key}\` must be ${expected}. Received: ${typeof value} (${String(value)})`);
  };
  if (!merged.run) fail("run", "the SiteRun of .eleventy.ts", merged.run);
  if (!(merged.languages instanceof Languages)) fail("languages", "a Languages", merged.languages);
  for (const key of ["dataFile", "stringsDir"] as const) if (typeof merged[key] !== "string") fail(key, "a string", merged[key]);
  return merged as LanguagesOptions;
}

/**
 * The site data's `language`, read when the config is: the I18nPlugin needs it before the
 * data is loaded. A file that cannot be read gives "en" here; the data's own findings say why.
 */
function dataLanguage(file: string): string {
  try {
    const language = (JSON.parse(readFileSync(file, "utf8")) as { language?: unknown }).language;
    return typeof language === "string" && language !== "" ? language : "en";
  } catch {
    return "en";
  }
}

export default function languagesPlugin(eleventyConfig: UserConfig, options: Partial<LanguagesOptions>): void {
  const { run, languages, dataFile, stringsDir } = normalizeOptions(options);
  const findings = run.findings;
  const input = eleventyConfig.directories.input;
  languages.setDefault(dataLanguage(path.resolve(input, dataFile)));

  // `page.lang` from where the page lives; locale_url links to a page's translation where it has one, else to the page itself.
  eleventyConfig.addPlugin(I18nPlugin, { defaultLanguage: languages.defaultLanguage, errorMode: "never" });

  eleventyConfig.addFilter("t", function (this: { page?: { lang?: string } }, key: string, values?: Record<string, string>) {
    return languages.text(this.page?.lang ?? languages.defaultLanguage, key, values);
  });
  // A count of days in the page's language: "1 day", "3 days" (the strings day_one and day_other, chosen by Intl.PluralRules).
  eleventyConfig.addFilter("days", function (this: { page?: { lang?: string } }, n: number) {
    const lang = this.page?.lang ?? languages.defaultLanguage;
    return languages.text(lang, new Intl.PluralRules(lang).select(n) === "one" ? "day_one" : "day_other", { n: String(n) });
  });
  eleventyConfig.addFilter("alternates", (url: string) => languages.alternates(url));
  // In place of the I18nPlugin's filter of the same name (see Languages.localeUrl).
  eleventyConfig.addFilter("locale_url", function (this: { page?: { lang?: string } }, url: string, lang?: string) {
    return languages.localeUrl(url, lang ?? this.page?.lang ?? languages.defaultLanguage);
  });

  eleventyConfig.on("eleventy.before", ({ directories }) => {
    const dir = path.join(directories.input, stringsDir);
    const files = new Map<string, StringsFile>();
    for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : []) {
      const full = path.join(dir, name);
      const read = readStringsFile(name.replace(/\.json$/, ""), findings.relative(full), readFileSync(full, "utf8"));
      findings.add(...read.findings);
      if (read.strings) files.set(read.strings.lang, read.strings);
    }
    findings.add(...missingDefaultStrings(files, languages.defaultLanguage, findings.relative(path.join(dir, `${languages.defaultLanguage}.json`))));
    languages.setStrings(files);
  });

  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => {
    const pages = Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) => {
      const url = urls.find((u): u is string => typeof u === "string");
      return url === undefined ? [] : [{ inputPath, url }];
    });
    const placed = pageLanguages(pages, input, languages.defaultLanguage);
    languages.setPages(placed);

    const byLanguage = new Map<string, string[]>();
    for (const p of placed) {
      const files = byLanguage.get(p.lang) ?? [];
      if (files.length === 0) byLanguage.set(p.lang, files);
      files.push(findings.relative(p.inputPath));
    }
    findings.add(...missingStrings(languages.stringsFiles, languages.defaultLanguage, byLanguage, findings.relative(path.join(input, stringsDir))));
    findings.add(...placed.flatMap((p) => urlOutsideLanguage(p, languages.defaultLanguage, findings.relative(p.inputPath), () => readFileSync(p.inputPath, "utf8"))));

    if (!run.checkPages) return;
    for (const page of placed) {
      if (page.original === undefined || page.lang === languages.defaultLanguage || !page.inputPath.endsWith(".md")) continue;
      const original = { file: findings.relative(page.original), raw: readFileSync(page.original, "utf8") };
      const translation = { file: findings.relative(page.inputPath), raw: readFileSync(page.inputPath, "utf8") };
      findings.add(...translationDrift(original, translation), ...translationStale(original, translation));
    }
  });
}
