import type { UserConfig } from "@11ty/eleventy";
import markdownTemplates from "./src/plugins/markdown-templates.ts";
import securityPolicy from "./src/plugins/security-policy.ts";
import { projectPath, siteRun } from "./src/plugins/site-run.ts";

export default function (eleventyConfig: UserConfig) {
  // The policy site, through the plugin the package gives any Eleventy site (src/plugins/security-policy.ts lists its parts in
  // the order they run): the site data and keys; with "site", languages, heading anchors, alerts, advisories, the report page and
  // the decoration our layouts are made for; the checks of every page; security.txt, the keys, the WKD, _headers, robots.txt and
  // the sitemap; the dev server's panel; the findings.
  eleventyConfig.addPlugin(securityPolicy, { features: "site" });

  // A Markdown page without {{ }} or {% %} goes straight to markdown-it, without a Nunjucks pass it has no use for.
  eleventyConfig.addPlugin(markdownTemplates);

  // The seed's front matter names the old site's layout; it resolves to ours.
  eleventyConfig.addLayoutAlias("ballerina-inner-page", "layouts/policy.njk");

  // The stylesheet and script are served as they are.
  eleventyConfig.addPassthroughCopy({ [projectPath(siteRun(eleventyConfig), "assets")]: "assets" });
}

// The content and output folders are the command's to give (npm run build: content/ into a staging folder it swaps into public/;
// npm start: into .dev/), so the config names only where the layouts and the global data are, from the content folder.
export const config = {
  dir: { includes: "../_includes", data: "_data" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
