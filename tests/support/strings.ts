import { readFileSync } from "node:fs";
import path from "node:path";
import { fillIn } from "../../src/data/strings.ts";
import { ROOT } from "./fixture-site.ts";

/** The site's own interface strings, by language: what the layouts and the decoration say. */
export function siteStrings(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, "content/_data/strings", `${lang}.json`), "utf8")) as Record<string, string>;
}

/** The decoration's `text` option over the site's strings files; an unknown key or language throws, as in a build. */
export function siteText(lang: string, key: string, values?: Record<string, string>): string {
  const text = siteStrings(lang)[key];
  if (text === undefined) throw new Error(`no interface string "${key}" in ${lang}.json`);
  return fillIn(text, values);
}

/** The English words, as decorate's helpers take them. */
export const say = (key: string, values?: Record<string, string>) => siteText("en", key, values);
