/**
 * strings-missing on a site's interface strings files and its pages by language, the default
 * language being "en": a language with pages lacks keys of en.json, or has no file at all, or
 * en.json itself is missing. The keys are named up to eight, the pages up to three.
 */
import { missingDefaultStrings, missingStrings, readStringsFile, type StringsFile } from "../../../src/data/strings.ts";
import stringsMissing from "../../../src/rules/data/strings-missing.ts";
import { testRule } from "../../support/rule-tester.ts";

const DIR = "content/_data/strings";
const KEYS = ["skipToContent", "siteNavigation", "securityPolicy", "languages", "lastReviewed", "glance", "reportHeading", "reportVulnerability", "copy", "copied"];
const EN = Object.fromEntries(KEYS.map((k) => [k, `${k} in English`]));

interface Site {
  /** Each language's strings, as its file holds them. */
  strings: Record<string, Record<string, unknown>>;
  /** Each language's pages, in the order the build lists them. */
  pages: Array<[string, string[]]>;
}

function run(site: Site) {
  const files = new Map<string, StringsFile>();
  for (const [lang, strings] of Object.entries(site.strings)) {
    const read = readStringsFile(lang, `${DIR}/${lang}.json`, JSON.stringify(strings, null, 2));
    if (read.strings) files.set(lang, read.strings);
  }
  return [...missingDefaultStrings(files, "en", `${DIR}/en.json`), ...missingStrings(files, "en", new Map(site.pages), DIR)];
}

/** Spanish strings without these keys. */
const spanishWithout = (...missing: string[]) => Object.fromEntries(KEYS.filter((k) => !missing.includes(k)).map((k) => [k, `${k} en español`]));
const ES_PAGES: [string, string[]] = ["es", ["content/es/security.md"]];
const site = (es: Record<string, unknown>, pages: Array<[string, string[]]> = [ES_PAGES]): Site => ({ strings: { en: EN, es }, pages });

testRule(stringsMissing, run, {
  // The Spanish file as the page shows it, beside the English one with every key, for a site with one Spanish page.
  example: (text) => site(JSON.parse(text) as Record<string, unknown>),
  valid: [
    { name: "a Spanish file with every key", input: site(spanishWithout()) },
    { name: "a Spanish file with every key and one more", input: site({ ...spanishWithout(), extra: "Más" }) },
    { name: "a Spanish file lacking keys, with no Spanish pages", input: site(spanishWithout("copy"), [["en", ["content/security.md"]]]) },
    { name: "a language with no file and an empty list of pages", input: site(spanishWithout(), [ES_PAGES, ["fr", []]]) },
    { name: "only the default language, with pages", input: { strings: { en: EN }, pages: [["en", ["content/security.md", "content/index.md"]]] } },
    { name: "a default language with no keys, and a language with no file", input: { strings: { en: {} }, pages: [["fr", ["content/fr/security.md"]]] } },
  ],
  invalid: [
    {
      name: "a Spanish file lacking one key",
      input: site(spanishWithout("copied")),
      findings: [
        {
          messageId: "missingKey",
          line: 1,
          column: 1,
          message: '1 interface string of content/_data/strings/en.json is missing here: "copied"; the "es" pages (content/es/security.md) show it in "en" until you add the translation',
        },
      ],
    },
    {
      name: "a Spanish file lacking two keys",
      input: site(spanishWithout("copy", "glance")),
      findings: [
        {
          messageId: "missingKeys",
          line: 1,
          column: 1,
          message: '2 interface strings of content/_data/strings/en.json are missing here: "glance", "copy"; the "es" pages (content/es/security.md) show them in "en" until you add the translation',
        },
      ],
    },
    {
      name: "a key whose Spanish value is not a text, which counts as missing",
      input: site({ ...spanishWithout(), copy: 3 }),
      findings: [{ messageId: "missingKey", line: 1, column: 1 }],
    },
    {
      name: "eight keys missing, each named",
      input: site(spanishWithout(...KEYS.slice(0, 8))),
      findings: [
        {
          messageId: "missingKeys",
          line: 1,
          column: 1,
          message:
            '8 interface strings of content/_data/strings/en.json are missing here: "skipToContent", "siteNavigation", "securityPolicy", "languages", "lastReviewed", "glance", "reportHeading", "reportVulnerability"; the "es" pages (content/es/security.md) show them in "en" until you add the translation',
        },
      ],
    },
    {
      name: "nine keys missing, of which eight are named, on four pages, of which three are named",
      input: site(spanishWithout(...KEYS.slice(0, 9)), [["es", ["content/es/security.md", "content/es/index.md", "content/es/keys.md", "content/es/faq.md"]]]),
      findings: [
        {
          messageId: "missingKeys",
          line: 1,
          column: 1,
          message:
            '9 interface strings of content/_data/strings/en.json are missing here: "skipToContent", "siteNavigation", "securityPolicy", "languages", "lastReviewed", "glance", "reportHeading", "reportVulnerability" and 1 more; the "es" pages (content/es/security.md, content/es/index.md, content/es/keys.md and 1 more) show them in "en" until you add the translation',
        },
      ],
    },
    {
      name: "a language with pages and no strings file, reported at its first page",
      input: site(spanishWithout(), [ES_PAGES, ["de", ["content/de/security.md", "content/de/index.md", "content/de/keys.md"]]]),
      findings: [
        {
          messageId: "noStrings",
          line: 1,
          column: 1,
          message:
            'there are no interface strings for "de": copy content/_data/strings/en.json to content/_data/strings/de.json and translate it; the "de" pages (content/de/security.md, content/de/index.md, content/de/keys.md) show the buttons and labels in "en" until then',
        },
      ],
    },
    {
      name: "two languages lacking strings, reported in the order of their codes",
      input: site(spanishWithout("copy", "copied"), [["fr", ["content/fr/security.md"]], ES_PAGES, ["de", ["content/de/security.md"]]]),
      findings: [
        { messageId: "noStrings", line: 1, column: 1 },
        { messageId: "missingKeys", line: 1, column: 1 },
        { messageId: "noStrings", line: 1, column: 1 },
      ],
    },
    {
      name: "no strings file for the default language, which leaves nothing to compare with",
      input: { strings: { es: spanishWithout("copy") }, pages: [ES_PAGES] },
      findings: [
        {
          messageId: "noDefaultStrings",
          line: 1,
          column: 1,
          message: 'there are no interface strings for the default language "en": add content/_data/strings/en.json, an object of every text the layouts show',
        },
      ],
    },
  ],
});
