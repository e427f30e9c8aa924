/**
 * Markdown pages are Nunjucks templates first (`markdownTemplateEngine: "njk"`), so that an
 * author may write `{{ … }}` in one. A page with no template syntax gains nothing from that pass,
 * and it was a tenth of a 1,000-page build: such a page goes to markdown-it directly, the same
 * markdown-it every plugin amended, with the same data. A page with `{{`, `{%` or `{#` in it is
 * rendered as before.
 */
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";

/** Whether Nunjucks would find anything to do in `text`. */
export function hasTemplateSyntax(text: string): boolean {
  return /\{[{%#]/.test(text);
}

export default function markdownTemplates(eleventyConfig: UserConfig): void {
  // The instance Eleventy renders with, after every amendLibrary of the plugins before this one.
  let markdown: MarkdownIt | undefined;
  eleventyConfig.amendLibrary("md", (md) => {
    markdown = md;
  });
  eleventyConfig.addExtension("md", {
    key: "md",
    compile(this: { defaultRenderer: (data: unknown) => Promise<string> }, content: string) {
      if (hasTemplateSyntax(content) || markdown === undefined) return this.defaultRenderer;
      const md = markdown;
      return (data: Record<string, unknown>) => md.render(content, data);
    },
  });
}
