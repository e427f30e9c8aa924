import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import alerts from "../src/markdown/alerts.ts";

const render = (markdown: string) => markdownIt({ html: true }).use(alerts).render(markdown, {});

describe("GitHub's alert syntax", () => {
  it("each kind is its own callout, a note named by its title", () => {
    const html = render("> [!WARNING]\n> Do not report in public.\n\n> [!NOTE]\n> We answer in a day.\n\n> [!IMPORTANT]\n> Encrypt the report.\n");
    for (const [n, kind, title] of [[1, "warning", "Warning"], [2, "note", "Note"], [3, "important", "Important"]] as const) {
      expect(html).toContain(`<div role="note" aria-labelledby="alert-title-${n}" class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title" id="alert-title-${n}">`);
      expect(html).toMatch(new RegExp(`aria-hidden="true">.*?</svg>${title}</p>`));
    }
    expect(html).toContain("<p>Do not report in public.</p>");
  });

  it("a plain blockquote stays a blockquote", () => {
    expect(render("> security@example.org: 7FC1 …\n")).toBe("<blockquote>\n<p>security@example.org: 7FC1 …</p>\n</blockquote>\n");
  });

  it("the ids start again on every page", () => {
    const md = markdownIt().use(alerts);
    expect(md.render("> [!NOTE]\n> a\n", {})).toContain('id="alert-title-1"');
    expect(md.render("> [!NOTE]\n> b\n", {})).toContain('id="alert-title-1"');
  });
});
