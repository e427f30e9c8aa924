/**
 * front-matter-invalid on the error a plain Eleventy fails with, as explainBuildError explains it:
 * front matter the YAML parser cannot read, at the line and column it names, counted from the
 * top of the file.
 */
import { explained, type BuildInput } from "../build/eleventy-error.ts";
import frontMatterInvalid from "../../../src/rules/source/front-matter-invalid.ts";
import { testRule } from "../../support/rule-tester.ts";

const page = (text: string): BuildInput => ({ files: { "index.md": text } });
const FIX = 'fix the lines between the two "---"';

testRule(frontMatterInvalid, explained, {
  example: (text) => ({ files: { "security.md": text } }),
  valid: [
    { name: "front matter of two fields", input: page("---\ntitle: Security\npermalink: /security/\n---\n# Security\n") },
    { name: "a page without front matter", input: page("# Security\n") },
    { name: "good front matter on a page whose layout is missing, which is layout-missing's", input: page("---\nlayout: nope\n---\n# Security\n") },
  ],
  invalid: [
    {
      name: "a list left open",
      input: page("---\ntitle: [Security\n---\n# Security\n"),
      findings: [{ messageId: "notYaml", line: 3, column: 1, message: `the front matter is not valid YAML: unexpected end of the stream within a flow collection; ${FIX}` }],
    },
    {
      name: "a field indented under a text",
      input: page("---\ntitle: Security\n  intro: How to report\n---\n# Security\n"),
      findings: [{ messageId: "notYaml", line: 3, column: 8, message: `the front matter is not valid YAML: bad indentation of a mapping entry; ${FIX}` }],
    },
  ],
});
