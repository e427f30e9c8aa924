/**
 * page-empty: a page file that is empty, or holds only white space (a byte order mark aside).
 */
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "page-empty",
  severity: "error",
  family: "page",
  summary: "An empty page file.",
  disable: "no",
  messages: {
    empty: "the page is empty; write its front matter and text, or delete the file",
  },
});

export default rule;

/** A finding at the page's first line when its text is empty or white space. */
export function emptyPage(file: string, raw: string): Finding | undefined {
  if (raw.replace(/^\uFEFF/, "").trim() !== "") return undefined;
  return rule.finding("empty", {}, file, { line: 1, column: 1 });
}
