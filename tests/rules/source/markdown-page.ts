/**
 * What the Markdown rules' cases are written in: a page file's text, front matter and all.
 * `renderPage` writes it to a temporary folder as security.md and renders its body with
 * markdown-it and the plugins given, as Eleventy does (the body starts after the front matter),
 * collecting what the plugins report with the file named as the build names it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import markdownIt from "markdown-it";
import type { FindingSink } from "../../../src/findings/collector.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { frontMatterLines } from "../../../src/findings/locate.ts";

export const FILE = "security.md";

export function renderPage(raw: string, use: (md: markdownIt, findings: FindingSink) => void, env: Record<string, unknown> = {}): Finding[] {
  const dir = mkdtempSync(path.join(tmpdir(), "rule-case-"));
  const file = path.join(dir, FILE);
  const found: Finding[] = [];
  const sink: FindingSink = { add: (...findings: Finding[]) => void found.push(...findings), relative: (p: string) => path.relative(dir, p).split(path.sep).join("/") };
  try {
    writeFileSync(file, raw);
    const md = markdownIt({ html: true });
    use(md, sink);
    const body = raw.split("\n").slice(frontMatterLines(raw)).join("\n");
    md.render(body, { ...env, page: { inputPath: file, url: "/security/" } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return found;
}
