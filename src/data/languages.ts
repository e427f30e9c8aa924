/**
 * Which language each page is in and which pages translate each other, by Eleventy's
 * I18nPlugin convention: a page under `content/<lang>/` is in that language, and pages at the
 * same path under two language folders are translations of one page. A page outside any
 * language folder is in the site's default language. Pure: paths in, groups out.
 */
import path from "node:path";
import iso639 from "iso-639-1";
import { compareText } from "../formats/text-order.ts";

/** Whether a folder name is a language tag the way the I18nPlugin reads one: an ISO 639-1 language, then subtags. */
export function isLanguageFolder(name: string): boolean {
  const [language, ...subtags] = name.split("-");
  return iso639.validate(language ?? "") && subtags.every((s) => /^[A-Za-z0-9]{2,8}$/.test(s));
}

/** A language's own name for itself, for the language switcher: "Español" for "es". */
export function nativeName(lang: string): string {
  return iso639.getNativeName(lang.split("-")[0] ?? "") || lang;
}

export interface PageLanguage {
  inputPath: string;
  url: string;
  lang: string;
  /** The page's path inside its language folder: the same for every translation of one page. */
  key: string;
  /** The page of this key in the default language, which every translation is made from; undefined when there is none. */
  original?: string;
}

/**
 * Every page with a URL, with its language and its original. `inputDir` is the folder the
 * input paths start with; folders above it never count as languages.
 */
export function pageLanguages(pages: Array<{ inputPath: string; url: string }>, inputDir: string, defaultLanguage: string): PageLanguage[] {
  const placed = pages.map(({ inputPath, url }) => {
    const inside = path.relative(inputDir, inputPath).split(path.sep);
    const folder = inside.length > 1 && isLanguageFolder(inside[0] ?? "") ? inside[0] : undefined;
    const key = (folder ? inside.slice(1) : inside).join("/").replace(/\.[^./]+$/, "");
    return { inputPath, url, lang: folder ?? defaultLanguage, key };
  });
  const originals = new Map(placed.filter((p) => p.lang === defaultLanguage).map((p) => [p.key, p.inputPath]));
  return placed.map((p) => {
    const original = originals.get(p.key);
    return original === undefined ? p : { ...p, original };
  });
}

/** The translations of each page, the page itself included, sorted by language: what hreflang alternates and the sitemap list. */
export function translationsOf(pages: PageLanguage[]): Map<string, PageLanguage[]> {
  const byKey = new Map<string, PageLanguage[]>();
  for (const p of pages) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const byUrl = new Map<string, PageLanguage[]>();
  for (const group of byKey.values()) {
    const sorted = [...group].sort((a, b) => compareText(a.lang, b.lang));
    for (const p of group) byUrl.set(p.url, sorted);
  }
  return byUrl;
}
