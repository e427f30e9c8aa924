/**
 * What `init` does to a site's content/, as a plan: the files to write, with their text, and the
 * files to remove. Pure: the facts and a listing of content/ in, the plan out; the command
 * (init-command.ts) asks for the facts, reads the keys and carries the plan out.
 */
import { sourceVersion } from "../../rules/translation.ts";
import { TEXTS, type ContactFacts, type PageTexts } from "./texts.ts";

export interface InitFacts {
  name: string;
  /** The site's absolute https URL, without a trailing slash. */
  url: string;
  /** The pages' languages, the first the site's own (its pages at /, the others' at /<lang>/). */
  languages: string[];
  contacts: Array<ContactFacts & { armored: string }>;
  /** Today, YYYY-MM-DD: the policy's review date. */
  today: string;
}

export interface InitPlan {
  /** content/-relative path → text. */
  write: Map<string, string>;
  /** content/-relative paths of files to remove. */
  remove: string[];
  /** content/-relative path of a file kept from the old site language's folder → where it moves. */
  move: Map<string, string>;
}

export const INIT_LANGUAGES = Object.keys(TEXTS);

/** A front matter value, quoted as a YAML double-quoted scalar (JSON's string syntax is one) unless plain text is safe. */
function yamlValue(text: string): string {
  return /^[A-Za-z0-9¿¡/][^:#"'\n{}[\]&*!|>%@`]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

function frontMatter(fields: Record<string, string | boolean | undefined>): string {
  const lines = Object.entries(fields)
    .filter((entry): entry is [string, string | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === "boolean" ? String(value) : yamlValue(value)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** A language folder's name: a BCP 47 tag such as en, es or pt-BR. */
export function isLanguageFolder(name: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(name);
}

/**
 * The plan for a site of these facts, given the paths that content/ holds now and the language
 * its site data named (whose folder holds the pages of no language: the Atom feed's template).
 */
export function initPlan(facts: InitFacts, existing: string[], oldLanguage: string | undefined): InitPlan {
  const [primary] = facts.languages;
  if (!primary) throw new Error("init needs at least one language");
  const write = new Map<string, string>();
  const project = { name: facts.name, contacts: facts.contacts };
  const originals = new Map<string, string>();

  for (const lang of facts.languages) {
    const prefix = lang === primary ? "" : `/${lang}`;
    const texts: PageTexts = TEXTS[lang]!(project, `${prefix}/security/`);
    const translated = (original: string | undefined) => (lang === primary || original === undefined ? undefined : sourceVersion(original));

    const policy = `${frontMatter({ title: texts.policy.title, intro: texts.policy.intro, permalink: `${prefix}/security/`, translatedFrom: translated(originals.get("security.md")) })}\n${texts.policy.body}`;
    const home = `${frontMatter({ title: texts.home.title, intro: texts.home.intro, permalink: `${prefix}/`, translatedFrom: translated(originals.get("index.md")) })}\n${texts.home.body}`;
    if (lang === primary) {
      originals.set("security.md", policy);
      originals.set("index.md", home);
    }
    write.set(`${lang}/security.md`, policy);
    write.set(`${lang}/index.md`, home);
    write.set(`${lang}/security/report.njk`, `${frontMatter({ layout: "layouts/report.njk", title: texts.report.title, intro: texts.report.intro })}`);
    write.set(
      `${lang}/security/report.11tydata.mjs`,
      `// Built only where the site has the first contact's public key: without one there is nothing to encrypt to.\nexport default {\n  eleventyComputed: {\n    permalink: (data) => (data.policy?.contacts?.[0]?.key?.publicArmored ? "${prefix}/security/report/" : false),\n  },\n};\n`,
    );
    if (lang !== primary) continue;
    if (texts.notFound) write.set(`${lang}/404.md`, `${frontMatter({ title: texts.notFound.title, permalink: "/404.html", canonical: false })}\n${texts.notFound.body}`);
    if (texts.advisories) {
      write.set(`${lang}/security/advisories.njk`, frontMatter({ title: texts.advisories.title, intro: texts.advisories.intro, permalink: "/security/advisories/", layout: "layouts/advisories.njk" }));
    }
    if (texts.thanks) {
      write.set(`${lang}/security/thanks.njk`, frontMatter({ title: texts.thanks.title, intro: texts.thanks.intro, layout: "layouts/thanks.njk" }));
      write.set(
        `${lang}/security/thanks.11tydata.mjs`,
        `// Built only where an advisory credits someone: security.txt's Acknowledgments then points here.\nexport default {\n  eleventyComputed: {\n    permalink: (data) => ((data.advisories ?? []).some((a) => a.credits.length > 0) ? "/security/thanks/" : false),\n  },\n};\n`,
      );
    }
  }

  write.set("_data/security.json", `${JSON.stringify(siteData(facts), null, 2)}\n`);
  for (const contact of facts.contacts) write.set(`keys/${contact.email}.asc`, contact.armored.endsWith("\n") ? contact.armored : `${contact.armored}\n`);

  const remove: string[] = [];
  const move = new Map<string, string>();
  for (const file of existing) {
    if (write.has(file)) continue;
    const [top, ...rest] = file.split("/");
    const relative = rest.join("/");
    // Another project's advisories are not this project's: the folder's data file stays, for the next ones.
    if (top === "advisories" && file.endsWith(".md")) remove.push(file);
    // Keys named after no contact of the new site.
    else if (top === "keys" && file.endsWith(".asc")) remove.push(file);
    else if (top !== undefined && relative !== "" && isLanguageFolder(top) && top !== primary) {
      // A page of words that init wrote no text for goes (another language's 404 or advisories page would
      // claim the site language's address); a page of none (the Atom feed's template) moves to the site language's folder.
      if (isPageOfText(relative) || existing.includes(`${primary}/${relative}`) || top !== oldLanguage) {
        if (isPageOfText(relative) || !facts.languages.includes(top)) remove.push(file);
      } else move.set(file, `${primary}/${relative}`);
    }
  }
  return { write, remove, move };
}

/** The pages init writes a text for, by their path in a language folder; others (the feed's template) carry no words of their own. */
function isPageOfText(relative: string): boolean {
  return ["security.md", "index.md", "404.md", "security/report.njk", "security/advisories.njk", "security/thanks.njk"].includes(relative) || relative.endsWith(".11tydata.mjs");
}

function siteData(facts: InitFacts): Record<string, unknown> {
  return {
    url: facts.url,
    name: facts.name,
    language: facts.languages[0],
    ...(facts.languages.length > 1 ? { preferredLanguages: facts.languages } : {}),
    reviewed: facts.today,
    expires: { days: 180 },
    contacts: facts.contacts.map((c) => ({ email: c.email, fingerprint: c.fingerprint })),
  };
}
