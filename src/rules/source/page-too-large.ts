/**
 * page-too-large: a page file larger than `maxPageBytes` (1 MB by default), which no policy
 * page is: a generated file or a wrong path, most likely.
 */
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "page-too-large",
  severity: "error",
  family: "page",
  summary: "A page file over 1 MB (the `maxPageBytes` option), which no policy page is.",
  disable: "no",
  messages: {
    tooLarge: "the page is {{size}}, over the {{limit}} a policy page may be; is this the right file?",
  },
});

export default rule;

/** A size in megabytes (of 1,048,576 bytes), to one decimal: "1.1 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** A finding at the page's first line when it has more than `maxPageBytes` bytes. */
export function pageTooLarge(file: string, size: number, maxPageBytes: number): Finding | undefined {
  if (size <= maxPageBytes) return undefined;
  return rule.finding("tooLarge", { size: megabytes(size), limit: megabytes(maxPageBytes) }, file, { line: 1, column: 1 });
}
