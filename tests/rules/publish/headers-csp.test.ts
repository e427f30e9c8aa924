/**
 * headers-csp on built pages given to headersFor: an HTML page without a Content-Security-Policy
 * <meta>, one with another policy than the first page that has one, and a build without HTML.
 */
import headersCsp from "../../../src/rules/publish/headers-csp.ts";
import { headersFor, type BuiltPage } from "../../../src/publish/headers.ts";
import { testRule } from "../../support/rule-tester.ts";
import { outputFileOf, pageSource } from "./page-source.ts";

const DATA_FILE = "content/_data/security.json";
const NONE = `default-src 'none'`;
const meta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const html = (name: string, head: string): BuiltPage => ({ inputPath: `/site/content/${name}.md`, outputPath: `/site/public/${name}/index.html`, url: `/${name}/`, content: `<!doctype html><html><head>${head}</head><body><p>${name}</p></body></html>` });

const run = (pages: BuiltPage[]) => headersFor(pages, { keysPath: "/security/keys/", dataFile: DATA_FILE, relative: (file) => file.replace("/site/", "") }).findings;

const TOP = { line: 1, column: 1 };
const FIX = `_headers sends one policy for the whole site: give every page the base layout's <meta http-equiv="Content-Security-Policy">`;

testRule(headersCsp, run, {
  // The page as written, rendered as it is (an HTML page without a layout), after a policy page made with the base layout.
  example: (text) => {
    const { permalink, body } = pageSource(text);
    return [html("security", meta(NONE)), { inputPath: "/site/content/thanks.html", outputPath: `/site/public/${outputFileOf(permalink)}`, url: permalink, content: body }];
  },
  valid: [
    { name: "one page with a policy", input: [html("security", meta(NONE))] },
    { name: "two pages with one policy, written with other white space", input: [html("security", meta(NONE)), html("thanks", meta(`default-src\n  'none'`))] },
    { name: "the policy in upper-case http-equiv, beside a referrer policy", input: [html("security", `<META HTTP-EQUIV="content-security-policy" CONTENT="${NONE}"><meta name="referrer" content="no-referrer">`)] },
    { name: "a page and a feed, which is no HTML page", input: [html("security", meta(NONE)), { inputPath: "/site/content/feed.njk", outputPath: "/site/public/feed.xml", url: "/feed.xml", content: "<feed/>" }] },
  ],
  invalid: [
    { name: "a page without a policy", input: [html("security", "<title>Security</title>")], findings: [{ messageId: "noPolicy", ...TOP, message: `the page has no Content-Security-Policy <meta>; ${FIX}` }] },
    { name: "a page whose only policy is in a comment", input: [html("security", `<!-- ${meta(NONE)} -->`)], findings: [{ messageId: "noPolicy", ...TOP }] },
    {
      name: "a second page with another policy",
      input: [html("security", meta(NONE)), html("thanks", meta(`default-src 'self'`))],
      findings: [{ messageId: "policyDiffers", ...TOP, message: `the page has the Content-Security-Policy "default-src 'self'", while content/security.md has "default-src 'none'"; ${FIX}` }],
    },
    {
      name: "a page without a policy, then two that disagree: the first with one sets the policy",
      input: [html("bare", ""), html("security", meta(NONE)), html("thanks", meta(`default-src 'self'`)), html("advisories", meta(NONE))],
      findings: [
        { messageId: "noPolicy", ...TOP },
        { messageId: "policyDiffers", ...TOP },
      ],
    },
    { name: "no pages", input: [], findings: [{ messageId: "noPages", ...TOP, message: "the build made no HTML page, so _headers has no Content-Security-Policy to send" }] },
    {
      name: "a build of a feed and a page with no output",
      input: [
        { inputPath: "/site/content/feed.njk", outputPath: "/site/public/feed.xml", url: "/feed.xml", content: "<feed/>" },
        { inputPath: "/site/content/draft.md", outputPath: false, url: false, content: "" },
      ],
      findings: [{ messageId: "noPages", ...TOP }],
    },
  ],
});
