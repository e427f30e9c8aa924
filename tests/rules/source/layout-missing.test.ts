/**
 * layout-missing on the error a plain Eleventy fails with, as explainBuildError explains it: a
 * page naming a layout that no file in the includes folder answers to, directly or through an
 * alias, at the page's `layout` line.
 */
import { explained, type BuildInput } from "../build/eleventy-error.ts";
import layoutMissing from "../../../src/rules/source/layout-missing.ts";
import { testRule } from "../../support/rule-tester.ts";

const LAYOUT = "<!doctype html><title>{{ title }}</title>{{ content | safe }}\n";
const withLayout = (layout: string, files: Record<string, string> = {}, aliases?: Record<string, string>): BuildInput => ({
  files: { "security.md": `---\ntitle: Security\nlayout: ${layout}\n---\n# Security\n`, ...files },
  ...(aliases ? { aliases } : {}),
});
const message = (layout: string, lookedFor: string) =>
  `the layout "${layout}" does not exist (looked for ${lookedFor}); use "layouts/policy.njk" (or its alias "ballerina-inner-page"), or add the layout to _includes/`;

testRule(layoutMissing, explained, {
  // The page in a site that has the layout the message names, under its alias too.
  example: (text) => ({ files: { "security.md": text, "_includes/layouts/policy.njk": LAYOUT }, aliases: { "ballerina-inner-page": "layouts/policy.njk" } }),
  valid: [
    { name: "a layout named with its extension", input: withLayout("base.njk", { "_includes/base.njk": LAYOUT }) },
    { name: "a layout named without its extension", input: withLayout("base", { "_includes/base.njk": LAYOUT }) },
    { name: "a layout named by its alias", input: withLayout("page", { "_includes/layouts/page.njk": LAYOUT }, { page: "layouts/page.njk" }) },
  ],
  invalid: [
    { name: "a layout that is not there", input: withLayout("nope"), findings: [{ messageId: "notFound", line: 3, column: 1, message: message("nope", "content/_includes/nope") }] },
    {
      name: "a layout in a folder the includes do not have",
      input: withLayout("layouts/policy.njk", { "_includes/base.njk": LAYOUT }),
      findings: [{ messageId: "notFound", line: 3, column: 1, message: message("layouts/policy.njk", "content/_includes/layouts/policy.njk") }],
    },
    {
      name: "an alias for a file that is not there",
      input: withLayout("page", {}, { page: "layouts/page.njk" }),
      findings: [{ messageId: "notFound", line: 3, column: 1, message: message("page", "content/_includes/layouts/page.njk") }],
    },
  ],
});
