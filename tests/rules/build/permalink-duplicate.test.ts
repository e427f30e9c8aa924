/**
 * permalink-duplicate on the error a plain Eleventy fails with, as explainBuildError explains it:
 * pages that write one file, each at its `permalink` line, naming the file in the output folder
 * (not the staging folder Eleventy wrote to) and the other pages.
 */
import { explained, type BuildInput } from "./eleventy-error.ts";
import permalinkDuplicate from "../../../src/rules/build/permalink-duplicate.ts";
import { testRule } from "../../support/rule-tester.ts";

/** The findings by file: Eleventy names the pages in the order its templates finish, which varies from run to run. */
const run = async (input: BuildInput) => (await explained(input)).sort((a, b) => a.file.localeCompare(b.file));

const at = (permalink: string, title = "Page") => `---\ntitle: ${title}\npermalink: ${permalink}\n---\n# ${title}\n`;

testRule(permalinkDuplicate, run, {
  // The page's two files, each at its path in the content folder.
  example: (_text, _language, blocks) => ({ files: Object.fromEntries(blocks.map((b) => [b.file.replace(/^content\//, ""), b.text])) }),
  valid: [
    { name: "two pages with their own permalinks", input: { files: { "a.md": at("/a/"), "b.md": at("/b/") } } },
    { name: "a page whose permalink is another page's folder", input: { files: { "a.md": at("/a/"), "b.md": at("/a/b/") } } },
  ],
  invalid: [
    {
      name: "two pages with one permalink",
      input: { files: { "a.md": at("/security/"), "b.md": `---\npermalink: /security/\n---\n# B\n` } },
      findings: [
        { messageId: "sameOutput", line: 3, column: 1, message: "this page writes public/security/index.html, and so does content/b.md; give each page its own permalink" },
        { messageId: "sameOutput", line: 2, column: 1, message: "this page writes public/security/index.html, and so does content/a.md; give each page its own permalink" },
      ],
    },
    {
      name: "three pages with one permalink",
      input: { files: { "a.md": at("/x/"), "b.md": at("/x/"), "c.md": `---\npermalink: /x/\n---\n` } },
      findings: [
        { messageId: "sameOutput", line: 3, column: 1 },
        { messageId: "sameOutput", line: 3, column: 1 },
        { messageId: "sameOutput", line: 2, column: 1 },
      ],
    },
  ],
});
