import type { UserConfig } from "@11ty/eleventy";
import markdownItAnchor from "markdown-it-anchor";
import headingIds from "../markdown/heading-ids.ts";
import type { Languages } from "./languages.ts";

/**
 * Heading ids as GitHub makes them (src/markdown/heading-ids.ts), each heading with a
 * permalink after it. The link's name ("Link to section: …", in the page's language)
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
    md.use(headingIds, {
      permalink: (slug: string, opts: markdownItAnchor.PermalinkOptions, state: markdownItAnchor.State, idx: number) => {
        const lang = (state.env as { page?: { lang?: string } }).page?.lang ?? languages.defaultLanguage;
        permalinkIn(lang)(slug, opts, state, idx);
      },
    });
  });
}
