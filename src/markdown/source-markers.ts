import type { MarkdownIt } from "markdown-it";
import { MARKER_PREFIX } from "../formats/html-scan.ts";

/**
 * Leaves an HTML comment before each block of a Markdown page naming its first line, so
 * that a problem found in the rendered page can be traced to its line. The page checks
 * remove every marker before the page is written.
 */
export default function sourceMarkers(md: MarkdownIt): void {
  md.core.ruler.push("policy_source_markers", (state) => {
    const inputPath = (state.env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (!inputPath?.endsWith(".md")) return;
    const marked: typeof state.tokens = [];
    for (const token of state.tokens) {
      if (token.block && token.map && token.nesting !== -1 && token.type !== "inline") {
        const marker = new state.Token("html_block", "", 0);
        marker.content = `<!--${MARKER_PREFIX}${token.map[0] + 1}-->`;
        marked.push(marker);
      }
      marked.push(token);
    }
    const end = new state.Token("html_block", "", 0);
    end.content = `<!--${MARKER_PREFIX}end-->`;
    marked.push(end);
    state.tokens = marked;
  });
}
