import type { UserConfig } from "@11ty/eleventy";
import githubAlerts from "./src/plugins/alerts.ts";
import advisories, { Advisories } from "./src/plugins/advisories.ts";
import decorate from "./src/plugins/decorate.ts";
import devServer from "./src/plugins/dev-server.ts";
import markdownTemplates from "./src/plugins/markdown-templates.ts";
import languagesPlugin, { Languages } from "./src/plugins/languages.ts";
import headingAnchors from "./src/plugins/heading-anchors.ts";
import pageChecks from "./src/plugins/page-checks.ts";
import policyData, { CheckedData } from "./src/plugins/policy-data.ts";
import publish from "./src/plugins/publish.ts";
import reportFindings from "./src/plugins/report-findings.ts";
import reportPage from "./src/plugins/report-page.ts";
import { projectPath, siteRun } from "./src/plugins/site-run.ts";

export default function (eleventyConfig: UserConfig) {
  // What the command asked of this build (the findings collector, strictness, the root that files are named from).
  const run = siteRun(eleventyConfig);
  // The checked site data and keys: loaded by policyData, read by every plugin after it.
  const checked = new CheckedData();
  // Which language each page is in, its translations, and the interface strings: filled by languagesPlugin, read by decorate and the layouts.
  const languages = new Languages();
  // The advisories, checked: filled by the advisories plugin, read by the layouts and the publisher.
  const advisoryStore = new Advisories();

  // Each event's handlers run one after another, in the order the plugins are added below.
  eleventyConfig.setEventEmitterMode("sequential");

  // The site data and each contact's key, read and checked once per build, before any page; `policy` in the layouts.
  eleventyConfig.addPlugin(policyData, { run, checked });

  // A page under content/<lang>/ is in that language (Eleventy's I18nPlugin); its words come from _data/strings/<lang>.json; translations keep the original's facts.
  eleventyConfig.addPlugin(languagesPlugin, { run, languages });

  // Stable, unique ids and a permalink anchor on every heading.
  eleventyConfig.addPlugin(headingAnchors, { languages });

  // GitHub's alert syntax (> [!WARNING]) as callouts, so that a SECURITY.md reads the same on GitHub and here.
  eleventyConfig.addPlugin(githubAlerts, { languages });

  // Advisories from content/advisories/*.md, checked at their lines: their pages, the latest on the policy, OSV JSON, the Atom feed's filters.
  eleventyConfig.addPlugin(advisories, { run, checked, languages, store: advisoryStore });

  // The report page (/security/report/), where the site has the first contact's key: the template's fields, encrypted in the browser.
  eleventyConfig.addPlugin(reportPage, { run, checked, languages });

  // The fingerprint with a Copy button, a prefilled report link and https-only external links, made before the checks read the page.
  eleventyConfig.addPlugin(decorate, { run, checked, languages });

  // Fingerprints, keyserver links, mailto links (as published and as written), link text, encoding and anchors, on every page before it is written.
  eleventyConfig.addPlugin(pageChecks, { run, checked });

  // security.txt (signed when SECURITY_TXT_SIGNING_KEY is set), public keys, Web Key Directory, _headers and CSAF, from the checked data; then no private key in the output.
  eleventyConfig.addPlugin(publish, { run, checked, languages, advisories: advisoryStore });

  // `npm start` only: the development policy that lets live reload connect, and the findings panel on every page.
  eleventyConfig.addPlugin(devServer, { run });

  // Last: the dev server prints every finding after each rebuild (`npm run build` prints them itself, once).
  eleventyConfig.addPlugin(reportFindings, { run });

  // A Markdown page without {{ }} or {% %} goes straight to markdown-it, without a Nunjucks pass it has no use for.
  eleventyConfig.addPlugin(markdownTemplates);

  // The seed's front matter names the old site's layout; it resolves to ours.
  eleventyConfig.addLayoutAlias("ballerina-inner-page", "layouts/policy.njk");

  // The stylesheet and script are served as they are.
  eleventyConfig.addPassthroughCopy({ [projectPath(run, "assets")]: "assets" });
}

// The content and output folders are the command's to give (npm run build: content/ into a staging folder it swaps into public/;
// npm start: into .dev/), so the config names only where the layouts and the global data are, from the content folder.
export const config = {
  dir: { includes: "../_includes", data: "_data" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
