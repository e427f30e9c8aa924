/**
 * The bare build the bench compares `npm run build` with: the same content, Eleventy with
 * markdown-it-anchor and the layouts, in plain JavaScript and run with no TypeScript loader.
 * It runs none of the project's TypeScript plugins (checks, decoration, publishing), so it
 * shows what Eleventy costs alone; it is for measuring, never for publishing.
 */
import markdownItAnchor from "markdown-it-anchor";

export default function (eleventyConfig) {
  eleventyConfig.amendLibrary("md", (md) => md.use(markdownItAnchor));
  eleventyConfig.addLayoutAlias("ballerina-inner-page", "layouts/policy.njk");
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
}

export const config = {
  dir: { input: "content", includes: "../_includes", data: "_data", output: "public" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
