import { Parser } from "htmlparser2";

/** A run of visible text, or an attribute value a reader sees, and where it starts in the HTML. */
export interface TextRun {
  text: string;
  index: number;
  /**
   * The block the run stands in: runs with the same number read as one line, list item, table
   * row or paragraph (what is written next to what). An attribute value is a block of its own.
   */
  block: number;
  /** Preformatted text, where a newline ends a line as a block does. */
  pre: boolean;
  /** Inserted by the build from the site data, not written in the page (the contacts at a glance). */
  generated: boolean;
}

export interface Link {
  href: string;
  /** The link's visible text, tags removed, white space folded. */
  text: string;
  index: number;
  /** Where the link's closing tag ends. */
  end: number;
  rel: string;
  target: string;
}

export interface ScannedPage {
  texts: TextRun[];
  links: Link[];
  ids: Map<string, number[]>;
}

/** Attributes whose values a reader sees or a tool reads aloud, and so are checked like text. */
const VISIBLE_ATTRIBUTES = ["title", "alt", "aria-label", "content", "placeholder"];
/** Elements whose text is not shown as text. */
const HIDDEN = new Set(["script", "style", "template"]);
/**
 * The class of what the build inserts from the site data atop the policy page (src/markdown/decorate.ts,
 * glanceHtml): its text is checked like any, but it is not the page's own wording.
 */
export const GENERATED_CLASS = "glance";

/** Elements that begin and end a block of text. Table cells do not: a row is one block. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
  "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
  "title", "tr", "ul",
]);
/** The items a reader takes in as one: paragraphs inside them (a loose list's) stay part of the item. */
const ITEMS = new Set(["li", "tr", "dt", "dd"]);
const PARAGRAPHS = new Set(["p", "div"]);

/** One pass over a page's HTML: text runs in their blocks, links and ids, with their offsets. */
export function scanHtml(html: string): ScannedPage {
  const page: ScannedPage = { texts: [], links: [], ids: new Map() };
  let run: TextRun | undefined;
  let hiddenDepth = 0;
  const openLinks: Link[] = [];
  let block = 0;
  let attributeBlock = 0;
  let items = 0;
  let preDepth = 0;
  let depth = 0;
  /** The depth of the generated element the parser is inside, or -1. */
  let generatedAt = -1;

  const flush = () => {
    if (run && run.text.trim() !== "") page.texts.push(run);
    run = undefined;
  };
  /** A block-level element opens or closes: a new block begins, unless it is a paragraph inside an item. */
  const boundary = (name: string) => {
    if (!(items > 0 && PARAGRAPHS.has(name))) block++;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        flush();
        const index = parser.startIndex;
        depth++;
        const blockLevel = BLOCKS.has(name);
        if (blockLevel) boundary(name);
        if (blockLevel && ITEMS.has(name)) items++;
        if (blockLevel && name === "pre") preDepth++;
        if (HIDDEN.has(name)) hiddenDepth++;
        const classes = attribs.class;
        if (generatedAt < 0 && classes !== undefined && classes.includes(GENERATED_CLASS) && classes.split(/\s+/).includes(GENERATED_CLASS)) generatedAt = depth;
        for (const key of ["id", ...(name === "a" ? ["name"] : [])]) {
          const id = attribs[key];
          if (id !== undefined) page.ids.set(id, [...(page.ids.get(id) ?? []), index]);
        }
        for (const key of VISIBLE_ATTRIBUTES) {
          const value = attribs[key];
          if (value) page.texts.push({ text: value, index, block: --attributeBlock, pre: false, generated: generatedAt > 0 });
        }
        if (name === "a" && attribs.href !== undefined) {
          openLinks.push({ href: attribs.href, text: "", index, end: index, rel: attribs.rel ?? "", target: attribs.target ?? "" });
        }
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (!run) run = { text: "", index: parser.startIndex, block, pre: preDepth > 0, generated: generatedAt > 0 };
        run.text += data;
        for (const link of openLinks) link.text += data;
      },
      onclosetag(name) {
        flush();
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (BLOCKS.has(name)) {
          if (name === "pre") preDepth = Math.max(0, preDepth - 1);
          if (ITEMS.has(name)) items = Math.max(0, items - 1);
          boundary(name);
        }
        if (depth === generatedAt) generatedAt = -1;
        depth--;
        if (name === "a") {
          const link = openLinks.pop();
          if (link) page.links.push({ ...link, end: parser.endIndex + 1, text: link.text.replace(/\s+/g, " ").trim() });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  page.links.sort((a, b) => a.index - b.index);
  return page;
}
