/**
 * markdown-it normalises every link destination before it is published: an invalid escape
 * in `mailto:security@example.org?subject=%ZZreport` becomes `%25ZZreport`, a literal percent
 * sign, and the check of the published page then finds a valid link. This plugin notes each
 * mailto destination that normalising changed and reports it at its Markdown line, with
 * what is wrong with it as the author wrote it.
 */
import { readFileSync } from "node:fs";
import type { MarkdownIt } from "markdown-it";
import type { FindingSink } from "../findings/collector.ts";
import { placed, type Problem } from "../findings/finding.ts";
import mailtoRewritten from "../rules/source/mailto-rewritten.ts";
import { locateInBody } from "../findings/locate.ts";
import { mailtoReason } from "../rules/page/mailto-invalid.ts";

export interface AuthoredMailtoOptions {
  findings: FindingSink;
}

const MAILTO = /^mailto:/i;

/**
 * A mailto destination markdown-it publishes otherwise than it was written: with what is wrong
 * with it as written, where the written link is invalid (the likely reason it was rewritten).
 */
export function rewrittenMailtoProblem(authored: string, published: string): Problem {
  const wrong = mailtoReason(authored);
  return wrong ? mailtoRewritten.problem("invalidAsWritten", { authored, published, reason: wrong }) : mailtoRewritten.problem("rewritten", { authored, published });
}

export default function authoredMailto(md: MarkdownIt, options: AuthoredMailtoOptions): void {
  const { findings } = options;
  // Parsing is synchronous: between the start of one page's inline pass and the check after it, only that page is parsed.
  let written: Map<string, string> | undefined;
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string) => {
    const published = normalizeLink(url);
    if (written && published !== url && MAILTO.test(url)) written.set(published, url);
    return published;
  };

  md.core.ruler.before("inline", "policy_authored_mailto_start", () => {
    written = new Map();
  });
  md.core.ruler.after("linkify", "policy_authored_mailto", (state) => {
    const rewritten = written;
    written = undefined;
    const inputPath = (state.env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (!rewritten || rewritten.size === 0 || !inputPath) return;
    let raw: string | undefined;
    for (const block of state.tokens) {
      for (const link of block.children ?? []) {
        const href = link.type === "link_open" ? link.attrGet("href") : null;
        const published = typeof href === "string" ? href : null;
        const authored = published === null ? undefined : rewritten.get(published);
        if (authored === undefined || published === null) continue;
        raw ??= readFileSync(inputPath, "utf8");
        // markdown-it's map is 0-based and ends before its last line; locateInBody counts from 1.
        const at = locateInBody(raw, (block.map?.[0] ?? 0) + 1, block.map ? block.map[1] + 1 : undefined, [authored]);
        findings.add(placed(rewrittenMailtoProblem(authored, published), findings.relative(inputPath), at));
      }
    }
  });
}
