import { Parser } from "htmlparser2";

/** A run of visible text, or an attribute value a reader sees, and where it starts in the HTML. */
export interface TextRun {
  text: string;
  index: number;
}

export interface Link {
  href: string;
  /** The link's visible text, tags removed, white space folded. */
  text: string;
  index: number;
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

/** One pass over a page's HTML: text runs, links and ids, with their offsets. */
export function scanHtml(html: string): ScannedPage {
  const page: ScannedPage = { texts: [], links: [], ids: new Map() };
  let run: TextRun | undefined;
  let hiddenDepth = 0;
  const openLinks: Link[] = [];

  const flush = () => {
    if (run && run.text.trim() !== "") page.texts.push(run);
    run = undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        flush();
        const index = parser.startIndex;
        if (HIDDEN.has(name)) hiddenDepth++;
        for (const key of ["id", ...(name === "a" ? ["name"] : [])]) {
          const id = attribs[key];
          if (id !== undefined) page.ids.set(id, [...(page.ids.get(id) ?? []), index]);
        }
        for (const key of VISIBLE_ATTRIBUTES) {
          const value = attribs[key];
          if (value) page.texts.push({ text: value, index });
        }
        if (name === "a" && attribs.href !== undefined) {
          openLinks.push({ href: attribs.href, text: "", index, rel: attribs.rel ?? "", target: attribs.target ?? "" });
        }
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (!run) run = { text: "", index: parser.startIndex };
        run.text += data;
        for (const link of openLinks) link.text += data;
      },
      onclosetag(name) {
        flush();
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (name === "a") {
          const link = openLinks.pop();
          if (link) page.links.push({ ...link, text: link.text.replace(/\s+/g, " ").trim() });
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
