/**
 * The bare build the bench compares `npm run build` with: the same content, Eleventy with
 * markdown-it-anchor and one minimal layout (bench/bare-includes/, which needs none of the
 * project's filters), in plain JavaScript and run with no TypeScript loader.
 * It runs none of the project's TypeScript plugins (checks, decoration, publishing), so it
 * shows what Eleventy costs alone; it is for measuring, never for publishing.
 */
import markdownItAnchor from "markdown-it-anchor";

export default function (eleventyConfig) {
  eleventyConfig.amendLibrary("md", (md) => md.use(markdownItAnchor));
  eleventyConfig.addLayoutAlias("ballerina-inner-page", "layouts/policy.njk");
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
  // The report pages need the project's plugins, and the real site, which has no key, builds none;
  // the advisories' list, feed and thanks page are made from the checked advisories, which only the
  // project's plugins read. The advisories' own Markdown is built like any page.
  for (const page of ["report", "advisories", "advisories-feed", "thanks"]) eleventyConfig.ignores.add(`content/*/security/${page}.njk`);
}

export const config = {
  dir: { input: "content", includes: "../bench/bare-includes", data: "_data", output: "public" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
