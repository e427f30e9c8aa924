/**
 * permalink-outside on pages' URLs against an output folder (/site/_site), as Eleventy maps a
 * URL to a file: a URL that climbs out with "..", or lands beside the folder in one whose name
 * starts the same, is reported at the page's `permalink` line. The build that stops on it is
 * tests/fixtures/sites/permalink-outside (tests/site-build.test.ts).
 */
import permalinkOutside, { checkPermalink } from "../../../src/rules/build/permalink-outside.ts";
import { testRule } from "../../support/rule-tester.ts";

interface PageUrl {
  /** The page's URL; false when the page is not written. */
  url: string | false;
  /** The page's front matter lines; the page has no file to read when left out. */
  frontMatter?: string[];
}

const OUTPUT = "/site/_site";
const FILE = "content/security.md";
const run = (input: PageUrl) => {
  const source = () => (input.frontMatter === undefined ? undefined : ["---", ...input.frontMatter, "---", "", "# Security", ""].join("\n"));
  const found = checkPermalink(OUTPUT, input.url, FILE, source);
  return found ? [found] : [];
};

/**
 * A page as its author wrote it: its front matter, and its URL as Eleventy makes it of the
 * `permalink`, with a "/" put before one that lacks it (tests/fixtures/sites/permalink-outside:
 * "../../escaped.html" is the URL "/../../escaped.html").
 */
function page(text: string): PageUrl {
  const frontMatter = /^---\n([^]*?)\n---\n/.exec(text)?.[1]?.split("\n") ?? [];
  const permalink = frontMatter.map((line) => /^permalink:\s*(.+)$/.exec(line)?.[1]?.trim()).find((value) => value !== undefined);
  if (permalink === undefined) throw new Error("the page has no permalink");
  return { url: permalink.startsWith("/") ? permalink : `/${permalink}`, frontMatter };
}

testRule(permalinkOutside, run, {
  valid: [
    { name: "a folder URL", input: { url: "/security/", frontMatter: ["permalink: /security/"] } },
    { name: "a file URL", input: { url: "/security.html" } },
    { name: "the home page", input: { url: "/" } },
    { name: "a page that is not written", input: { url: false } },
    { name: "a URL that climbs out and back in", input: { url: "/a/../../_site/b/" } },
    { name: "a URL with a folder whose name starts like the output folder's, inside it", input: { url: "/_site-old/index.html" } },
  ],
  invalid: [
    {
      name: "a permalink two folders above the output",
      input: { url: "/../../escaped.html", frontMatter: ["title: Security", "layout: page.njk", "permalink: /../../escaped.html"] },
      findings: [{ messageId: "outsideOutput", line: 4, column: 1, message: 'the permalink "/../../escaped.html" writes outside the output folder; use a permalink that starts with "/" and has no ".."' }],
    },
    { name: "a folder URL one folder above the output", input: { url: "/../", frontMatter: ["permalink: /../"] }, findings: [{ messageId: "outsideOutput", line: 2, column: 1 }] },
    { name: "a URL that names the folder above the output itself", input: { url: "/..", frontMatter: ["title: x", "permalink: /.."] }, findings: [{ messageId: "outsideOutput", line: 3, column: 1 }] },
    {
      name: "a URL into a folder beside the output whose name starts the same",
      input: { url: "/../_site-evil/x.html", frontMatter: ["permalink: /../_site-evil/x.html"] },
      findings: [{ messageId: "outsideOutput", line: 2, column: 1, message: 'the permalink "/../_site-evil/x.html" writes outside the output folder; use a permalink that starts with "/" and has no ".."' }],
    },
    { name: "a permalink set outside the page's front matter, reported at its first line", input: { url: "/../x/", frontMatter: ["title: Security"] }, findings: [{ messageId: "outsideOutput", line: 1, column: 1 }] },
    { name: "a page with no file to read, reported at the first line", input: { url: "/../x/" }, findings: [{ messageId: "outsideOutput", line: 1, column: 1 }] },
  ],
  example: (text) => page(text),
});
