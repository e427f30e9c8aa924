import type { UserConfig } from "@11ty/eleventy";
import markdownItAnchor from "markdown-it-anchor";

/** Turns a heading's text into its id: "Reporting a vulnerability" -> "reporting-a-vulnerability". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

/**
 * One source of heading ids: markdown-it-anchor gives each heading a stable, unique id
 * and a permalink after it. The link's name ("Link to section: …") is for screen readers;
 * sighted readers see "#", which the stylesheet shows on hover and focus.
 */
export default function headingAnchors(eleventyConfig: UserConfig): void {
  eleventyConfig.amendLibrary("md", (md) => {
    md.use(markdownItAnchor, {
      slugify,
      tabIndex: false,
      permalink: markdownItAnchor.permalink.linkAfterHeader({
        style: "visually-hidden",
        assistiveText: (title: string) => `Link to section: ${title}`,
        visuallyHiddenClass: "visually-hidden",
        symbol: "#",
        class: "heading-anchor",
        wrapper: ['<div class="heading">', "</div>"],
      }),
    });
  });
}
