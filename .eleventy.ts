import type { UserConfig } from "@11ty/eleventy";
import decorate from "./src/plugins/decorate.ts";
import headingAnchors from "./src/plugins/heading-anchors.ts";
import policyChecks from "./src/plugins/policy-checks.ts";
import publish from "./src/plugins/publish.ts";

export default function (eleventyConfig: UserConfig) {
  // POLICY_STRICT=1 (set by `npm run build -- --strict`) makes every warning fail the build.
  const strict = process.env.POLICY_STRICT === "1";

  // Stable, unique ids and a permalink anchor on every heading.
  eleventyConfig.addPlugin(headingAnchors);

  // The fingerprint with a Copy button, a prefilled report link and https-only external links, made before the checks read the page.
  eleventyConfig.addPlugin(decorate);

  // Fingerprints, keys, keyserver links, mailto links, link text, encoding and anchors, checked before anything is written.
  // POLICY_CHECKS=off (pages unchecked, data still loaded) is a measuring aid for `npm run bench` only, never for publishing.
  eleventyConfig.addPlugin(policyChecks, { strict, checkPages: process.env.POLICY_CHECKS !== "off" });

  // security.txt (signed when SECURITY_TXT_SIGNING_KEY is set), public keys, Web Key Directory and _headers, from the checked data.
  eleventyConfig.addPlugin(publish);

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
