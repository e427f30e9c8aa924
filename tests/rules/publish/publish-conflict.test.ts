/**
 * publish-conflict on what planPublication is given: a built page whose output is a file the
 * build publishes from the data, at the page's permalink where its source is read, else line 1.
 */
import { plan, POLICY_PAGE, type PlanInput } from "./plan-input.ts";
import publishConflict from "../../../src/rules/publish/publish-conflict.ts";
import type { BuiltPage } from "../../../src/publish/headers.ts";
import { testRule } from "../../support/rule-tester.ts";
import { pageSource } from "./page-source.ts";

/** A page that writes `url` (not HTML: no Content-Security-Policy to agree on). */
const writes = (url: string, inputPath = "content/extra.md"): BuiltPage => ({ inputPath, outputPath: `/out${url}`, url, content: "text" });
const withPage = (extra: BuiltPage, sources?: Record<string, string>): PlanInput => ({ pages: [POLICY_PAGE, extra], ...(sources ? { sources } : {}) });
const message = (url: string) => `this page writes ${url}, which the build publishes from the site data; give the page another permalink`;

testRule(publishConflict, plan, {
  // The page as written, beside the policy page: it writes the file its permalink names, and its source is read for the permalink's line.
  example: (text) => {
    const { permalink, body } = pageSource(text);
    const inputPath = "content/old-security-txt.md";
    return withPage({ inputPath, outputPath: `/out${permalink}`, url: permalink, content: body }, { [inputPath]: text });
  },
  valid: [
    { name: "a page beside robots.txt", input: withPage(writes("/robots-extra.txt")) },
    { name: "a page beside the published keys", input: withPage(writes("/security/keys/README.txt")) },
    { name: "a page that writes no file", input: withPage({ inputPath: "content/draft.md", outputPath: false, url: false, content: "" }) },
  ],
  invalid: [
    {
      name: "a page that writes security.txt, at its permalink",
      input: withPage(writes("/.well-known/security.txt"), { "content/extra.md": "---\ntitle: security.txt\npermalink: /.well-known/security.txt\n---\nContact: x\n" }),
      findings: [{ messageId: "pageWritesPublished", line: 3, column: 1, message: message("/.well-known/security.txt") }],
    },
    { name: "a page that writes robots.txt, its source unread", input: withPage(writes("/robots.txt")), findings: [{ messageId: "pageWritesPublished", line: 1, column: 1, message: message("/robots.txt") }] },
    {
      name: "a page that writes the contact's key",
      input: withPage(writes("/security/keys/security@example.org.asc"), { "content/extra.md": "---\npermalink: /security/keys/security@example.org.asc\n---\n" }),
      findings: [{ messageId: "pageWritesPublished", line: 2, column: 1, message: message("/security/keys/security@example.org.asc") }],
    },
  ],
});
