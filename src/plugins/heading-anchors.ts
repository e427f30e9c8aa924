import type { UserConfig } from "@11ty/eleventy";
import markdownItAnchor from "markdown-it-anchor";
import type { Languages } from "./languages.ts";

/**
 * Turns a heading's text into its id as GitHub does for a SECURITY.md, so that a link written
 * for GitHub lands on the site too: "Reporting a vulnerability" -> "reporting-a-vulnerability",
 * "Cómo informar" -> "cómo-informar" (letters keep their accents).
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

/**
 * One source of heading ids: markdown-it-anchor gives each heading a stable, unique id
 * and a permalink after it. The link's name ("Link to section: …", in the page's language)
 * is for screen readers; sighted readers see "#", which the stylesheet shows on hover and focus.
 */
export default function headingAnchors(eleventyConfig: UserConfig, options: { languages: Languages }): void {
  const { languages } = options;
  // One permalink renderer per language, made when first needed, not one per heading.
  const renderers = new Map<string, ReturnType<typeof markdownItAnchor.permalink.linkAfterHeader>>();
  const permalinkIn = (lang: string) => {
    let renderer = renderers.get(lang);
    if (!renderer) {
      renderer = markdownItAnchor.permalink.linkAfterHeader({
        style: "visually-hidden",
        assistiveText: (title: string) => languages.text(lang, "linkToSection", { title }),
        visuallyHiddenClass: "visually-hidden",
        symbol: "#",
        class: "heading-anchor",
        wrapper: ['<div class="heading">', "</div>"],
      });
      renderers.set(lang, renderer);
    }
    return renderer;
  };
  eleventyConfig.amendLibrary("md", (md) => {
    md.use(markdownItAnchor, {
      slugify,
      tabIndex: false,
      permalink: (slug, opts, state, idx) => {
        const lang = (state.env as { page?: { lang?: string } }).page?.lang ?? languages.defaultLanguage;
        permalinkIn(lang)(slug, opts, state, idx);
      },
    });
  });
}
