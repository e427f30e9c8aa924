import type { UserConfig } from "@11ty/eleventy";
import headingAnchors from "./src/heading-anchors.ts";
import policyChecks from "./src/policy-checks.ts";

export default function (eleventyConfig: UserConfig) {
  // POLICY_STRICT=1 (set by `npm run build -- --strict`) makes every warning fail the build.
  const strict = process.env.POLICY_STRICT === "1";

  // Stable, unique ids and a permalink anchor on every heading.
  eleventyConfig.addPlugin(headingAnchors);

  // Fingerprints, keys, keyserver links, mailto links, link text, encoding and anchors, checked before anything is written.
  eleventyConfig.addPlugin(policyChecks, { strict });

  // The seed's front matter names the old site's layout; it resolves to ours.
  eleventyConfig.addLayoutAlias("ballerina-inner-page", "layouts/policy.njk");

  // The stylesheet and script are served as they are.
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
}

export const config = {
  dir: { input: "content", includes: "../_includes", data: "_data", output: "public" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
