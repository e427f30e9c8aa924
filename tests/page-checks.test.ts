import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { scanHtml } from "../src/formats/html-scan.ts";
import sourceMarkers, { takeMarkers } from "../src/markdown/source-markers.ts";
import { checkPage, createPageMemo } from "../src/rules/page.ts";
import type { Contact } from "../src/types.ts";

const CONTACTS: Contact[] = [{ email: "security@example.org", fingerprint: { version: 4, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" } }];

describe("checkPage", () => {
  it("a problem remembered from one page is reported again, at its own place, on the next", () => {
    const memo = createPageMemo();
    const first = scanHtml('<p>Write to <a href="mailto:secure@example.org">secure@example.org</a>.</p>');
    const second = scanHtml('<main><h1>Other</h1><p>Or <a href="mailto:secure@example.org">secure@example.org</a></p></main>');
    const a = checkPage(first, CONTACTS, memo);
    const b = checkPage(second, CONTACTS, memo);
    expect(a.map((p) => [p.rule, p.index])).toEqual([["mailto-undeclared", 12]]);
    expect(b.map((p) => [p.rule, p.index])).toEqual([["mailto-undeclared", 26]]);
    expect(memo.links.size).toBe(1);
  });

  it("a mistyped fingerprint in a text shared by many pages is reported on each", () => {
    const memo = createPageMemo();
    const html = "<footer><p>security@example.org: 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92</p></footer>";
    for (let n = 0; n < 3; n++) {
      expect(checkPage(scanHtml(html), CONTACTS, memo).map((p) => p.rule)).toEqual(["fingerprint-mismatch"]);
    }
  });

  it("a fingerprint is judged against the contact named before it", () => {
    const two: Contact[] = [...CONTACTS, { email: "other@example.org", fingerprint: { version: 4, hex: "8ECAFE523964AF824016F6C8116727A60111BF2D" } }];
    const page = scanHtml("<p>other@example.org: 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91</p>");
    const [problem, ...rest] = checkPage(page, two);
    expect(rest).toEqual([]);
    // It is the other contact's key: shown beside the wrong address, not mistyped.
    expect(problem?.rule).toBe("fingerprint-address-mismatch");
    expect(problem?.message).toMatch(/^fingerprint 7FC1 .* is shown beside other@example\.org, but it is the key of security@example\.org; other@example\.org's key is 8ECA /);
  });

  it("an in-page link to a missing id suggests the id it probably meant", () => {
    const page = scanHtml('<h2 id="reporting-a-vulnerability">R</h2><a href="#Reporting-a-vulnerability">see</a>');
    expect(checkPage(page, CONTACTS).map((p) => p.message)).toEqual([
      'link to "#Reporting-a-vulnerability" has no target: no element on this page has id "Reporting-a-vulnerability"; did you mean "#reporting-a-vulnerability"?',
    ]);
  });
});

describe("takeMarkers", () => {
  it("takes the block markers out of the rendered body and keeps where each block starts", () => {
    const rendered = "<!--policy-source:1--><h2>A</h2>\n<!--policy-source:3--><p>Text</p>\n<!--policy-source:end-->";
    const body = takeMarkers(rendered);
    expect(body.html).toBe("<h2>A</h2>\n<p>Text</p>\n");
    expect(body.markers).toEqual([
      { line: 1, index: 0 },
      { line: 3, index: body.html.indexOf("<p>") },
      { line: undefined, index: body.html.length },
    ]);
  });

  it("leaves an author's comment that only looks like a marker as written", () => {
    const body = takeMarkers("<!--policy-source:note--><p>x</p><!--policy-source:end-->");
    expect(body.html).toBe("<!--policy-source:note--><p>x</p>");
    expect(body.markers).toEqual([{ line: undefined, index: body.html.length }]);
  });

  it("markdown-it's output comes out without markers, and each marker's line is its block's", () => {
    const seen: Array<[string, ReturnType<typeof takeMarkers>]> = [];
    const md = new MarkdownIt({ html: true }).use(sourceMarkers, { record: (inputPath: string, body: ReturnType<typeof takeMarkers>) => seen.push([inputPath, body]) });
    const html = md.render("# Title\n\nOne line,\nand two.\n\n- item\n", { page: { inputPath: "content/a.md" } });
    expect(html).not.toContain("policy-source");
    expect(html).toBe(new MarkdownIt({ html: true }).render("# Title\n\nOne line,\nand two.\n\n- item\n"));
    const [[inputPath, body] = ["", { html: "", markers: [] }]] = seen;
    expect(inputPath).toBe("content/a.md");
    expect(body.html).toBe(html);
    const lineAt = (text: string) => body.markers.filter((m) => m.index <= html.indexOf(text)).at(-1)?.line;
    expect([lineAt("<h1>"), lineAt("<p>One"), lineAt("<li>")]).toEqual([1, 3, 6]);
  });
});
