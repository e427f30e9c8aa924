/**
 * The one road every finding takes: site data, keys, pages, decoration, publishing and
 * Eleventy's own errors all add theirs here, and nothing throws past it, so one bad page
 * never hides another's findings. At the end of a build `report()` applies the pages'
 * suppression comments and strictness, and returns what the reporter prints.
 */
import path from "node:path";
import type { Finding } from "./finding.ts";
import { compareText } from "../formats/text-order.ts";

export interface CollectorOptions {
  /** The folder findings name files from: the author's project, where the command runs. */
  root: string;
  /** Every warning fails the build too. */
  strict: boolean;
  /**
   * Applies a page's suppression comments to the findings placed in it (the suppression rules,
   * src/rules/suppressions.ts): which findings stand, which a comment hid, and what is wrong
   * with the comments themselves.
   */
  suppress: Suppress;
}

export type Suppress = (file: string, text: string, findings: Finding[]) => SuppressionResult;

/** A finding that a comment hid, and the comment's place and kind. */
export interface Suppressed {
  finding: Finding;
  by: { kind: string; line: number; column: number };
}

export interface SuppressionResult {
  /** The page's findings that stand. */
  kept: Finding[];
  suppressed: Suppressed[];
  /** What is wrong with the comments themselves. */
  findings: Finding[];
}

/** A line that is no finding: how security.txt was signed, or a finding a comment turned off. */
export interface Notice {
  message: string;
  /** Where a suppressed finding stood. */
  at?: { file: string; line: number; column: number };
}

export interface Report {
  /** Sorted by file, line and column; after suppression and strictness. */
  findings: Finding[];
  notices: Notice[];
  errors: number;
  warnings: number;
}

export class FindingCollector {
  readonly root: string;
  readonly strict: boolean;
  readonly #suppress: Suppress;
  #findings: Finding[] = [];
  #notices: Notice[] = [];
  /** Markdown pages whose comments may turn rules off, by the name findings give them. */
  #pages = new Map<string, string>();

  constructor(options: CollectorOptions) {
    if (typeof options.root !== "string" || !path.isAbsolute(options.root)) {
      throw new TypeError(`FindingCollector: option \`root\` must be an absolute folder path. Received: ${JSON.stringify(options.root)}`);
    }
    if (typeof options.strict !== "boolean") {
      throw new TypeError(`FindingCollector: option \`strict\` must be a boolean. Received: ${typeof options.strict}`);
    }
    if (typeof options.suppress !== "function") {
      throw new TypeError(`FindingCollector: option \`suppress\` must be a function (applySuppressions). Received: ${typeof options.suppress}`);
    }
    this.root = options.root;
    this.strict = options.strict;
    this.#suppress = options.suppress;
  }

  /**
   * A path as findings name it: relative to the root, with "/" between folders. A relative
   * path is read as Eleventy gives them, from the folder the process runs in.
   */
  relative(p: string): string {
    const relative = path.relative(this.root, path.resolve(p));
    return (relative === "" ? p : relative).split(path.sep).join("/");
  }

  add(...findings: Finding[]): void {
    this.#findings.push(...findings);
  }

  /** Whether an error is already reported in a file: a second, vaguer report of the same fault can then be left out. */
  hasErrorIn(file: string): boolean {
    return this.#findings.some((f) => f.file === file && f.severity === "error");
  }

  notice(message: string): void {
    this.#notices.push({ message });
  }

  /** A Markdown page, by the name findings give it, and its text: its comments may turn rules off. */
  page(file: string, text: string): void {
    // Most pages have no such comment: keep (and later read) only those that do.
    if (text.includes("policy-checks-")) this.#pages.set(file, text);
  }

  /** Forgets the last build: the dev server starts each rebuild afresh. */
  reset(): void {
    this.#findings = [];
    this.#notices = [];
    this.#pages = new Map();
  }

  report(): Report {
    let findings = dedupe(this.#findings);
    const suppressed: Suppressed[] = [];
    for (const [file, text] of this.#pages) {
      const applied = this.#suppress(file, text, findings);
      findings = [...applied.kept, ...applied.findings];
      suppressed.push(...applied.suppressed);
    }
    if (this.strict) findings = findings.map(strictly);
    findings = sortFindings(findings);
    const notices = [...this.#notices, ...suppressionNotices(suppressed)];
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.filter((f) => f.severity === "warning").length;
    return { findings, notices, errors, warnings };
  }
}

/** One line per place: a finding made on every page from the same layout line is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Under --strict a warning fails the build like an error, and says so. */
function strictly(f: Finding): Finding {
  return f.severity === "warning" ? { ...f, severity: "error", message: `${f.message} (a warning, failing the build under --strict)` } : f;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule),
  );
}

/** One notice per place a comment turned findings off, naming the rules and the comment. */
function suppressionNotices(suppressed: Suppressed[]): Notice[] {
  const byPlace = new Map<string, Suppressed[]>();
  for (const s of suppressed) {
    const key = `${s.finding.file}\0${s.finding.line}\0${s.finding.column}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), s]);
  }
  return [...byPlace.values()]
    .map((here) => {
      const { file, line, column } = here[0]!.finding;
      const rules = [...new Set(here.map((s) => s.finding.rule))].join(", ");
      const comments = [...new Set(here.map((s) => s.by.line))].map((l) => `line ${l}`).join(" and ");
      const messages = here.map((s) => s.finding.message).join("; ");
      return { message: `${rules} turned off here by the comment on ${comments}: ${messages}`, at: { file, line, column } };
    })
    .sort((a, b) => compareText(a.at.file, b.at.file) || a.at.line - b.at.line || a.at.column - b.at.column);
}


/** What a plugin needs of the collector: a place for its findings, and the way findings name a file. */
export type FindingSink = Pick<FindingCollector, "add" | "relative">;
