/**
 * Checks every page before it is written: fingerprints, keyserver links, mailto links (as
 * published and as written), link text, encoding and anchors, against the checked site
 * data. Findings go to the run's collector; nothing here stops the other pages, except a
 * permalink that would write outside the output folder, which stops the build before any
 * page is rendered.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { type Finding } from "../findings/finding.ts";
import { type SourceMarker } from "../findings/locate.ts";
import authoredMailto from "../markdown/authored-mailto.ts";
import sourceMarkers, { type RenderedBody } from "../markdown/source-markers.ts";
import { createPageMemo, fingerprintsNotShown, pageFindings } from "../rules/page.ts";
import { checkPageFile } from "../rules/page-file.ts";
import { checkPermalink, permalinkOutside } from "../rules/build/permalink-outside.ts";
import type { CheckedData } from "./policy-data.ts";
import type { SiteRun } from "./site-run.ts";

export interface PageChecksOptions {
  run: SiteRun;
  checked: CheckedData;
  /** The site data, absolute or relative to the input folder: a finding in text that comes from it names its line. */
  dataFile: string;
  /** A page file larger than this is an error: no policy page is this long. */
  maxPageBytes: number;
}

const DEFAULTS = { dataFile: "_data/security.json", maxPageBytes: 1_048_576 };

export function normalizeOptions(options: Partial<PageChecksOptions>): PageChecksOptions {
  const merged = { ...DEFAULTS, ...options };
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new TypeError(`pageChecks: option \`${key}\` must be ${expected}. Received: ${typeof value} (${String(value)})`);
  };
  if (!merged.run) fail("run", "the SiteRun of .eleventy.ts", merged.run);
  if (!merged.checked) fail("checked", "the CheckedData of .eleventy.ts", merged.checked);
  if (typeof merged.dataFile !== "string") fail("dataFile", "a string", merged.dataFile);
  if (!Number.isInteger(merged.maxPageBytes) || merged.maxPageBytes < 1) fail("maxPageBytes", "a whole number of bytes, 1 or more", merged.maxPageBytes);
  return merged as PageChecksOptions;
}

/** The comments that turn rules off: for the checks, never for the reader. */
const SUPPRESSIONS = /<!--\s*policy-checks-(?:disable-next-line|disable-line|disable|enable)\b[^>]*?-->\n?/g;

/** Thrown to stop a build before any page is rendered; its findings are already collected. */
export class ChecksStopped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ChecksStopped";
  }
}

export default function pageChecks(eleventyConfig: UserConfig, options: Partial<PageChecksOptions>): void {
  const { run, checked, dataFile, maxPageBytes } = normalizeOptions(options);
  const findings = run.findings;
  let sources = new Map<string, string>();
  let memo = createPageMemo();
  let outputDir = "";
  let pagesChecked = 0;
  // Each Markdown page's rendered body, by input path, until its page is checked.
  let bodies = new Map<string, RenderedBody[]>();

  if (run.checkPages) {
    const record = (inputPath: string, body: RenderedBody) => bodies.set(inputPath, [...(bodies.get(inputPath) ?? []), body]);
    eleventyConfig.amendLibrary("md", (md) => md.use(sourceMarkers, { record }).use(authoredMailto, { findings }));
  }

  eleventyConfig.on("eleventy.before", ({ directories }) => {
    // Layout and data text, to name the line of text on a page that is not the page's own.
    sources = readSources([directories.includes, path.resolve(directories.input, dataFile)], (f) => findings.relative(f));
    memo = createPageMemo();
    bodies = new Map();
    outputDir = path.resolve(directories.output);
    pagesChecked = 0;
  });

  // Every fingerprint the site data lists must be shown to researchers, the previous ones of a rotation too.
  eleventyConfig.on("eleventy.after", () => {
    const { data, dataFile, locate } = checked.get();
    if (!run.checkPages || !data || !dataFile || !locate || pagesChecked === 0) return;
    findings.add(...fingerprintsNotShown(data.contacts, memo.shown, { file: dataFile, locate }));
  });

  // Every page's URL is known before any is rendered: one that would write outside the output folder stops the build here.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => {
    const outside: Finding[] = [];
    for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
      for (const url of urls) {
        const found = checkPermalink(outputDir, url, findings.relative(inputPath), () => pageSource(inputPath));
        if (found) outside.push(found);
      }
    }
    if (outside.length > 0) {
      findings.add(...outside);
      throw new ChecksStopped("a permalink writes outside the output folder");
    }
  });

  eleventyConfig.addTransform("policy-checks", function (content) {
    const { inputPath, outputPath } = this.page;
    if (typeof outputPath !== "string") return content;
    if (!path.resolve(outputPath).startsWith(outputDir + path.sep)) {
      // The content map caught every such page already; this is the last guard before Eleventy writes.
      findings.add(permalinkOutside(String(this.page.url), findings.relative(inputPath), () => pageSource(inputPath)));
      throw new ChecksStopped("a permalink writes outside the output folder");
    }
    const published = content.includes("policy-checks-") ? content.replace(SUPPRESSIONS, "") : content;
    const data = checked.get().data;
    if (!run.checkPages || !outputPath.endsWith(".html") || !data) return published;

    // The page file is read once: its bytes for the encoding, its text for the lines of findings.
    const file = findings.relative(inputPath);
    const bytes = readFileSync(inputPath);
    const raw = bytes.toString("utf8");
    const markdown = inputPath.endsWith(".md");
    if (markdown) findings.page(file, raw);
    const fileFindings = checkPageFile(file, bytes, raw, maxPageBytes);
    findings.add(...fileFindings);
    if (!fileFindings.some((f) => f.rule === "page-too-large" || f.rule === "page-empty")) {
      findings.add(...pageFindings(content, { file, markdown, raw, markers: markdown ? bodyMarkers(bodies, inputPath, content) : [] }, data.contacts, sources, memo, data.otherAddresses ?? []));
      pagesChecked++;
    }
    return published;
  });
}

/**
 * Where the blocks of a Markdown page's body are in the finished page: the body as rendered
 * stands in it as written, wherever the layout put it. None when a layout changed the body
 * on its way in (a filter on `content`): findings then name the line where their text is.
 */
function bodyMarkers(bodies: Map<string, RenderedBody[]>, inputPath: string, page: string): SourceMarker[] {
  const rendered = bodies.get(inputPath) ?? [];
  for (const [i, body] of rendered.entries()) {
    const at = page.indexOf(body.html);
    if (at < 0) continue;
    rendered.splice(i, 1);
    if (rendered.length === 0) bodies.delete(inputPath);
    return body.markers.map((m) => ({ line: m.line, index: at + m.index }));
  }
  return [];
}

/** A page's text, where its file exists. */
function pageSource(inputPath: string): string | undefined {
  return existsSync(inputPath) ? readFileSync(inputPath, "utf8") : undefined;
}

function readSources(roots: string[], relative: (file: string) => string): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      sources.set(relative(p), readFileSync(p, "utf8"));
    }
  };
  roots.forEach(visit);
  return sources;
}
