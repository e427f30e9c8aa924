import { describe, expect, it } from "vitest";
import deployedSecurityMd from "../../../src/rules/deployed/deployed-security-md.ts";
import { judgeSecurityMd } from "../../../src/verify/verify.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, fixtureContact, statusAndBody } from "./answers.ts";

const URL = "https://example.org/SECURITY.md";
const security = await fixtureContact("ed25519.asc");
const MARKDOWN = `# Security\n\nWrite to security@example.org.\n\nsecurity@example.org: ${security.grouped}\n`;

const run = (input: { status: number; markdown?: string }) => judgeSecurityMd([security], URL, answer(input.status, input.markdown ?? MARKDOWN, { "content-type": "text/markdown; charset=utf-8" })).findings;

testRule(deployedSecurityMd, run, {
  valid: [{ name: "a SECURITY.md that shows the declared contact and fingerprint", input: { status: 200 } }],
  invalid: [
    { name: "no SECURITY.md at the URL given", input: { status: 404, markdown: "Not Found" }, findings: [{ messageId: "status", line: 1, column: 1, message: "answers 404, not the file" }] },
    { name: "a server error at the URL given", input: { status: 503, markdown: "" }, findings: [{ messageId: "status", line: 1, column: 1, message: "answers 503, not the file" }] },
  ],
  example: (text) => {
    const { status, body } = statusAndBody(text);
    return { status, markdown: body };
  },
});

describe("a SECURITY.md given by URL", () => {
  it("is checked as the policy page is, each problem at its line in the Markdown", () => {
    const wrong = MARKDOWN.replace(security.grouped.slice(-4), security.grouped.endsWith("0") ? "3E9F" : "3E90");
    const found = run({ status: 200, markdown: wrong });
    expect(found.map((f) => ({ file: f.file, rule: f.rule, line: f.line }))).toEqual([{ file: URL, rule: "fingerprint-mismatch", line: 5 }]);
  });

  it("that answers is checked, not unreachable, and keeps its redirects as notices", () => {
    const result = judgeSecurityMd([security], URL, answer(200, MARKDOWN, {}, [`https://example.org/security.md → ${URL} (301)`]));
    expect(result).toMatchObject({ source: URL, unreachable: false, notices: [`redirected: https://example.org/security.md → ${URL} (301)`] });
  });
});
