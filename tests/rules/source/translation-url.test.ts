/**
 * translation-url on pages by their language folder and URL, the default language being "en":
 * a page in a language folder must be served under `/<lang>/`, a whole path segment; a page in
 * the default language may be anywhere. The finding is at the `permalink` line.
 */
import translationUrl, { urlOutsideLanguage } from "../../../src/rules/source/translation-url.ts";
import { frontMatterKey } from "../../../src/findings/locate.ts";
import { testRule } from "../../support/rule-tester.ts";

interface PageAt {
  /** The page's language, from its folder. */
  lang: string;
  url: string;
  /** The page's front matter lines. */
  frontMatter?: string[];
  /** The page file's whole text, where a case gives it instead of its front matter. */
  text?: string;
}

const FILE = "content/es/security.md";
const source = (input: PageAt) => input.text ?? ["---", ...(input.frontMatter ?? ["title: Seguridad"]), "---", "", "# Seguridad", ""].join("\n");
const run = (input: PageAt) => urlOutsideLanguage({ lang: input.lang, url: input.url }, "en", FILE, () => source(input));

testRule(translationUrl, run, {
  // A page in content/es/, served at the URL its permalink gives.
  example: (text) => ({ lang: "es", url: frontMatterKey(text, "permalink")?.value ?? "/es/security/", text }),
  valid: [
    { name: "a Spanish page under /es/", input: { lang: "es", url: "/es/security/" } },
    { name: "a Spanish page at /es/ itself", input: { lang: "es", url: "/es/" } },
    { name: "a Brazilian Portuguese page under /pt-BR/", input: { lang: "pt-BR", url: "/pt-BR/seguranca/", frontMatter: ["permalink: /pt-BR/seguranca/"] } },
    { name: "a page in the default language at the root", input: { lang: "en", url: "/security/" } },
    { name: "a page in the default language under another language's folder name", input: { lang: "en", url: "/es/security/" } },
  ],
  invalid: [
    {
      name: "a Spanish page with a permalink outside /es/",
      input: { lang: "es", url: "/seguridad/", frontMatter: ["title: Seguridad", "layout: page.njk", "permalink: /seguridad/"] },
      findings: [
        {
          messageId: "outsideLanguage",
          line: 4,
          column: 1,
          message: 'the page is in the "es" folder but its URL /seguridad/ does not start with /es/, so it would be marked as "en": give it a permalink under /es/ (e.g. "/es/seguridad/"), or none',
        },
      ],
    },
    {
      name: "a Spanish page under /es-info/, which only starts with the letters",
      input: { lang: "es", url: "/es-info/security/", frontMatter: ["permalink: /es-info/security/"] },
      findings: [{ messageId: "outsideLanguage", line: 2, column: 1 }],
    },
    {
      name: "a Spanish page at the site's root",
      input: { lang: "es", url: "/", frontMatter: ["permalink: /"] },
      findings: [{ messageId: "outsideLanguage", line: 2, column: 1, message: 'the page is in the "es" folder but its URL / does not start with /es/, so it would be marked as "en": give it a permalink under /es/ (e.g. "/es/"), or none' }],
    },
    {
      name: "a Spanish page under /ES/, in capitals",
      input: { lang: "es", url: "/ES/security/", frontMatter: ["title: Seguridad", "permalink: /ES/security/"] },
      findings: [{ messageId: "outsideLanguage", line: 3, column: 1 }],
    },
    {
      name: "a page outside its language whose permalink comes from elsewhere, reported at the first line",
      input: { lang: "es", url: "/seguridad/" },
      findings: [{ messageId: "outsideLanguage", line: 1, column: 1 }],
    },
  ],
});
