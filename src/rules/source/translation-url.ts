/**
 * translation-url: Eleventy's I18nPlugin reads a page's language from its URL, so a page in a
 * language folder (`content/es/`) must be served under that language (`/es/`), or it would be
 * marked as the default language. The finding is at the page's `permalink` line.
 */
import type { Finding } from "../../findings/finding.ts";
import { frontMatterKeyLine } from "../../findings/locate.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "translation-url",
  severity: "error",
  family: "translation",
  summary: "A page in a language folder (`content/es/`) whose URL does not start with that language (`/es/`), so it would be marked as the default language.",
  disable: "no",
  messages: {
    outsideLanguage:
      'the page is in the "{{lang}}" folder but its URL {{url}} does not start with /{{lang}}/, so it would be marked as "{{defaultLanguage}}": give it a permalink under /{{lang}}/ (e.g. "/{{lang}}{{url}}"), or none',
  },
});

export default rule;

/**
 * A finding when the page, in language `page.lang`, has a URL outside `/<lang>/`; none for a
 * page in the default language. `file` is the page as findings name it; `source` gives its
 * text, read only when there is something to report.
 */
export function urlOutsideLanguage(page: { lang: string; url: string }, defaultLanguage: string, file: string, source: () => string): Finding[] {
  if (page.lang === defaultLanguage || page.url.split("/")[1] === page.lang) return [];
  const line = frontMatterKeyLine(source(), "permalink");
  return [rule.finding("outsideLanguage", { lang: page.lang, url: page.url, defaultLanguage }, file, { line, column: 1 })];
}
