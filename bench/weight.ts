import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";

export type ResourceKind = "html" | "css" | "js" | "icon";

export interface Resource {
  /** The URL path, as the page names it. */
  url: string;
  kind: ResourceKind;
  raw: number;
  /** Gzip at zlib's default level, as web servers typically send it. */
  gzip: number;
}

export interface PageWeight {
  resources: Resource[];
  /** HTML + CSS + JS: what the target counts. */
  raw: number;
  gzip: number;
}

/** The same-site files a page loads: stylesheets, scripts and icons, by URL path. */
export function linkedResources(html: string): Array<{ url: string; kind: ResourceKind }> {
  const found: Array<{ url: string; kind: ResourceKind }> = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      const rel = (attribs.rel ?? "").toLowerCase().split(/\s+/);
      if (name === "link" && attribs.href && rel.includes("stylesheet")) found.push({ url: attribs.href, kind: "css" });
      else if (name === "link" && attribs.href && (rel.includes("modulepreload") || (rel.includes("preload") && attribs.as === "script"))) found.push({ url: attribs.href, kind: "js" });
      else if (name === "link" && attribs.href && rel.includes("icon")) found.push({ url: attribs.href, kind: "icon" });
      else if (name === "script" && attribs.src) found.push({ url: attribs.src, kind: "js" });
    },
  });
  parser.write(html);
  parser.end();
  // A file loaded twice (a preload and its script) is transferred once.
  return found.filter((r, i) => found.findIndex((o) => o.url === r.url) === i);
}

/**
 * What the page at `urlPath` costs to transfer, read from a built site: its HTML and every
 * same-site stylesheet, script and icon it links, raw and gzipped one file at a time (each
 * is its own response). Throws, naming the file, when the page links a file the site lacks.
 */
/** The file a URL of the site names in its build: a folder's path is its index.html. */
export function builtFile(outputDir: string, url: string): string {
  const local = url.split(/[?#]/)[0]!;
  return path.join(outputDir, local.endsWith("/") ? `${local}index.html` : local);
}

export function pageWeight(outputDir: string, urlPath: string): PageWeight {
  const file = (url: string) => builtFile(outputDir, url);
  const weigh = (url: string, kind: ResourceKind, bytes: Buffer): Resource => ({ url, kind, raw: bytes.length, gzip: gzipSync(bytes).length });

  const htmlFile = file(urlPath);
  if (!existsSync(htmlFile)) throw new Error(`bench: ${htmlFile} is missing; the build did not write ${urlPath}`);
  const html = readFileSync(htmlFile);
  const resources = [weigh(urlPath, "html", html)];
  for (const { url, kind } of linkedResources(html.toString("utf8"))) {
    if (!url.startsWith("/") || url.startsWith("//")) throw new Error(`bench: ${urlPath} loads ${url}, which is not a file of the site; the page must load only its own files`);
    const local = file(url);
    if (!existsSync(local)) throw new Error(`bench: ${urlPath} loads ${url}, but ${local} is missing from the build`);
    resources.push(weigh(url, kind, readFileSync(local)));
  }
  const counted = resources.filter((r) => r.kind !== "icon");
  return { resources, raw: sum(counted.map((r) => r.raw)), gzip: sum(counted.map((r) => r.gzip)) };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
