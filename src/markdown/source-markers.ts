import type { MarkdownIt } from "markdown-it";
import type { SourceMarker } from "../findings/locate.ts";

/** The comment left before each block while markdown-it renders, and taken out as soon as it has. */
const MARKER_PREFIX = "<!--policy-source:";
const MARKER_SUFFIX = "-->";

/** A Markdown page's body as rendered, and where each of its blocks starts in it. */
export interface RenderedBody {
  html: string;
  /** In document order: each block's first line in the Markdown body, at its offset in `html`; the last (line undefined) ends the body. */
  markers: SourceMarker[];
}

export interface SourceMarkersOptions {
  /** Given each Markdown page's rendered body, by its input path. */
  record: (inputPath: string, body: RenderedBody) => void;
}

/**
 * The rendered HTML without its markers, and the markers at their offsets in it. Pure: the
 * renderer's output as markdown-it wrote it, comments and all.
 */
export function takeMarkers(rendered: string): RenderedBody {
  const markers: SourceMarker[] = [];
  let html = "";
  let from = 0;
  for (let at = rendered.indexOf(MARKER_PREFIX); at >= 0; at = rendered.indexOf(MARKER_PREFIX, from)) {
    const close = rendered.indexOf(MARKER_SUFFIX, at + MARKER_PREFIX.length);
    const value = close < 0 ? "" : rendered.slice(at + MARKER_PREFIX.length, close);
    if (value !== "end" && !/^\d+$/.test(value)) {
      // Not ours (an author's comment that happens to start the same way): left as written.
      html += rendered.slice(from, at + MARKER_PREFIX.length);
      from = at + MARKER_PREFIX.length;
      continue;
    }
    html += rendered.slice(from, at);
    markers.push({ line: value === "end" ? undefined : Number(value), index: html.length });
    from = close + MARKER_SUFFIX.length;
  }
  html += rendered.slice(from);
  return { html, markers };
}

/**
 * Traces a rendered Markdown page back to its lines: while markdown-it renders, a comment
 * before each block names the block's first line; the render then takes the comments out
 * again and hands the body and its markers to `record`. The page checks find the body in
 * the finished page and a problem's block by its offset. Nothing of this reaches the page:
 * a body with comments in it would be a second copy of every page kept until the checks
 * removed them (some 80 MB at 4,000 pages).
 */
export default function sourceMarkers(md: MarkdownIt, options: SourceMarkersOptions): void {
  const pageOf = (env: unknown) => (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
  md.core.ruler.push("policy_source_markers", (state) => {
    if (!pageOf(state.env)?.endsWith(".md")) return;
    const marked: typeof state.tokens = [];
    for (const token of state.tokens) {
      // A tight list's paragraphs are not rendered: a marker before one would add a line break inside its item.
      if (token.block && token.map && token.nesting !== -1 && token.type !== "inline" && !token.hidden) {
        const marker = new state.Token("html_block", "", 0);
        marker.content = `${MARKER_PREFIX}${token.map[0] + 1}${MARKER_SUFFIX}`;
        marked.push(marker);
      }
      marked.push(token);
    }
    const end = new state.Token("html_block", "", 0);
    end.content = `${MARKER_PREFIX}end${MARKER_SUFFIX}`;
    marked.push(end);
    state.tokens = marked;
  });
  const render = md.render.bind(md);
  md.render = (src: string, env?: Parameters<MarkdownIt["render"]>[1]) => {
    const rendered = render(src, env);
    const inputPath = pageOf(env);
    if (!inputPath?.endsWith(".md")) return rendered;
    const body = takeMarkers(rendered);
    options.record(inputPath, body);
    return body.html;
  };
}
