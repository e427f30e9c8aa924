/**
 * A page's source as a doc page's example shows it: the fields of its front matter (read as
 * YAML), the body Eleventy renders once the front matter is taken off, and where Eleventy
 * writes the page of a permalink.
 */
import { parse } from "yaml";

export interface PageSource {
  permalink: string;
  body: string;
}

export function pageSource(text: string): PageSource {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!front) throw new Error("the example's page has no front matter");
  const fields = parse(front[1]!) as Record<string, unknown>;
  if (typeof fields.permalink !== "string") throw new Error("the example's page has no permalink");
  return { permalink: fields.permalink, body: text.slice(front[0].length) };
}

/** The file a permalink writes, relative to the output folder: a URL ending in "/" is a folder's index.html. */
export const outputFileOf = (permalink: string): string => `${permalink.replace(/^\//, "")}${permalink.endsWith("/") ? "index.html" : ""}`;
