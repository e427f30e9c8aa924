/**
 * build-error on the errors explainBuildError is given that no other rule explains: a data file
 * that throws, at the line its stack names; Eleventy's own words where no file is known; and an
 * error without any words.
 */
import { explained, pageSite } from "./eleventy-error.ts";
import buildError from "../../../src/rules/build/build-error.ts";
import { testRule } from "../../support/rule-tester.ts";

const THROWS = "export default function () {\n  throw new Error('the data is broken');\n}\n";

testRule(buildError, explained, {
  valid: [
    { name: "a site that builds", input: { files: { "index.md": "# Security\n", "_data/site.js": "export default { name: 'Example' };\n" } } },
    { name: "a template that does not parse, which is template-error's", input: { files: { "index.njk": "{% if %}\n" } } },
  ],
  invalid: [
    {
      name: "a data file that throws, at the frame in it",
      input: { files: { "index.md": "# Security\n", "_data/broken.js": THROWS } },
      findings: [{ messageId: "failed", line: 2, column: 9, message: "the data is broken" }],
    },
    {
      name: "an error and its cause, each line once",
      input: { error: new Error("Eleventy failed", { cause: new Error("the disk is full", { cause: new Error("the disk is full") }) }) },
      findings: [{ messageId: "failed", line: 1, column: 1, message: "Eleventy failed: the disk is full" }],
    },
    { name: "an error without a message", input: { error: new Error("") }, findings: [{ messageId: "noReason", line: 1, column: 1, message: "the build failed for a reason Eleventy did not give" }] },
  ],
  example: (text) => pageSite(buildError.id, text, { "index.md": "# Security\n" }),
});
