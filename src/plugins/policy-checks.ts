import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { MARKER_PATTERN, MARKER_PREFIX, scanHtml } from "../formats/html-scan.ts";
import { inspectKey, type KeyReport } from "../rules/keys.ts";
import { firstInvalidUtf8, frontMatterKeyLine, locateInFiles, locateInMarkdown } from "../findings/locate.ts";
import { checkPage, createPageMemo, type PageMemo } from "../rules/page.ts";
import { applyStrict, ChecksFailed, findingPath, formatFinding, sortFindings } from "../findings/report.ts";
import { fieldLocator, readSiteData, type SiteData } from "../data/site-data.ts";
import type { Contact, Finding } from "../types.ts";

export interface PolicyChecksOptions {
  /** Every warning fails the build too. */
  strict: boolean;
  /** The site data, relative to the input folder. */
  dataFile: string;
  /** The folder of armored public keys, `<email>.asc`, relative to the input folder. */
  keysDir: string;
  /** A key that expires within this many days is a warning. */
  expiryWarningDays: number;
  /** A page file larger than this is an error: no policy page is this long. */
  maxPageBytes: number;
  /** Where findings are printed; tests pass their own. */
  report: (line: string) => void;
  /** false skips the per-page checks but still loads the data; only `npm run bench` sets it, to measure what the checks cost. */
  checkPages: boolean;
}

const DEFAULTS: PolicyChecksOptions = {
  strict: false,
  dataFile: "_data/security.json",
  keysDir: "keys",
  expiryWarningDays: 30,
  maxPageBytes: 1_048_576,
  report: (line) => process.stderr.write(`${line}\n`),
  checkPages: true,
};

export function normalizeOptions(options: Partial<PolicyChecksOptions> = {}): PolicyChecksOptions {
  const merged = { ...DEFAULTS, ...options };
  const expect = (key: keyof PolicyChecksOptions, type: string) => {
    if (typeof merged[key] !== type) {
      throw new TypeError(`policyChecks: option \`${key}\` must be a ${type}. Received: ${typeof merged[key]} (${String(merged[key])})`);
    }
  };
  expect("strict", "boolean");
  expect("dataFile", "string");
  expect("keysDir", "string");
  expect("expiryWarningDays", "number");
  expect("maxPageBytes", "number");
  expect("report", "function");
  expect("checkPages", "boolean");
  if (!Number.isInteger(merged.expiryWarningDays) || merged.expiryWarningDays < 0) {
    throw new TypeError(`policyChecks: option \`expiryWarningDays\` must be a whole number of days, 0 or more. Received: ${merged.expiryWarningDays}`);
  }
  return merged;
}

/** What one build knows: the checked data, each contact's key, and the findings so far. */
interface BuildState {
  data?: SiteData;
  keys: Map<string, KeyReport>;
  findings: Finding[];
  /** Layout and data files by path, for finding the line of text that is not the page's own. */
  sources: Map<string, string>;
  outputDir: string;
  /** Links and texts already checked in this build. */
  memo: PageMemo;
}

/**
 * What the layouts and the other plugins see as the global data `policy`: the checked
 * site data and, per contact, the grouped fingerprint and the parsed key where the
 * site has one (its public part only). Built once per build, after the checks read it.
 */
export interface PolicyContact extends Contact {
  /** `0168 DA26 …`: the fingerprint in groups of four. */
  grouped: string;
  /** The parsed key from `content/keys/<email>.asc`, when the file exists. */
  key?: KeyReport;
}

export interface PolicyGlobal {
  site?: SiteData;
  contacts: PolicyContact[];
}

export function policyGlobal(loaded: PolicyData): PolicyGlobal {
  return {
    site: loaded.data,
    contacts: (loaded.data?.contacts ?? []).map((c) => ({
      ...c,
      grouped: formatFingerprint(c.fingerprint),
      key: loaded.keys.get(c.email.toLowerCase()),
    })),
  };
}

/** The site data and each contact's public key, read and checked once per build. */
export interface PolicyData {
  data?: SiteData;
  keys: Map<string, KeyReport>;
  findings: Finding[];
}

export async function loadPolicyData(inputDir: string, options: PolicyChecksOptions, now = new Date()): Promise<PolicyData> {
  const dataPath = path.join(inputDir, options.dataFile);
  const file = findingPath(dataPath);
  if (!existsSync(dataPath)) {
    return {
      keys: new Map(),
      findings: [
        {
          file,
          line: 1,
          column: 1,
          severity: "error",
          rule: "data-missing",
          message: `${file} is missing; create it with "url", "name" and "contacts" (each an "email" and a "fingerprint")`,
        },
      ],
    };
  }
  const text = readFileSync(dataPath, "utf8");
  const { data, findings } = readSiteData(text, file);
  const keys = new Map<string, KeyReport>();
  if (!data) return { keys, findings };

  const keysDir = path.join(inputDir, options.keysDir);
  const keyFiles = existsSync(keysDir) ? readdirSync(keysDir).filter((f) => f.endsWith(".asc")) : [];
  const locate = fieldLocator(text);
  for (const [n, contact] of data.contacts.entries()) {
    const at = locate(`contacts.${n}.fingerprint`);
    const keyName = keyFiles.find((f) => f.toLowerCase() === `${contact.email.toLowerCase()}.asc`);
    if (!keyName) {
      findings.push({
        file,
        ...at,
        severity: "warning",
        rule: "fingerprint-unverified",
        message: `the fingerprint of ${contact.email} (${formatFingerprint(contact.fingerprint)}) is not verified against a key: add its public key as ${findingPath(path.join(keysDir, `${contact.email}.asc`))} (gpg --export --armor ${contact.fingerprint.hex})`,
      });
      continue;
    }
    const keyPath = path.join(keysDir, keyName);
    const report = await inspectKey(readFileSync(keyPath, "utf8"), {
      email: contact.email,
      fingerprint: contact.fingerprint,
      now,
      expiryWarningDays: options.expiryWarningDays,
    });
    keys.set(contact.email.toLowerCase(), report);
    for (const p of report.problems) {
      findings.push({ file: findingPath(keyPath), line: 1, column: 1, severity: p.severity, rule: p.rule, message: p.message });
    }
  }
  for (const f of keyFiles) {
    if (!data.contacts.some((c) => `${c.email.toLowerCase()}.asc` === f.toLowerCase())) {
      findings.push({
        file: findingPath(path.join(keysDir, f)),
        line: 1,
        column: 1,
        severity: "warning",
        rule: "key-unused",
        message: `${f} belongs to no declared contact, so it is neither checked nor published; name it <email>.asc after a contact in ${file}, or remove it`,
      });
    }
  }
  return { data, keys, findings };
}

/** Each build's loaded data, by the config of the Eleventy that builds it. */
const loadedByConfig = new WeakMap<UserConfig, () => PolicyData>();

/**
 * The data this build's `eleventy.before` loaded, for a plugin added after policyChecks that
 * publishes from it once the pages are built; undefined when policyChecks was not added first.
 */
export function loadedPolicyData(eleventyConfig: UserConfig): PolicyData | undefined {
  return loadedByConfig.get(eleventyConfig)?.();
}

/**
 * Checks every page before it is written: fingerprints, keyserver links, mailto links,
 * link text, encoding and anchors, against the site data and the contacts' keys.
 * Findings are printed after the build; any error makes the build fail.
 */
export default function policyChecks(eleventyConfig: UserConfig, options: Partial<PolicyChecksOptions> = {}): void {
  const opts = normalizeOptions(options);
  let state: BuildState = { keys: new Map(), findings: [], sources: new Map(), outputDir: "", memo: createPageMemo() };
  loadedByConfig.set(eleventyConfig, () => state);

  if (opts.checkPages) eleventyConfig.amendLibrary("md", (md) => md.use(sourceMarkers));

  // Read lazily by Eleventy after eleventy.before has loaded this build's data.
  eleventyConfig.addGlobalData("policy", () => policyGlobal(state));

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    const loaded = await loadPolicyData(directories.input, opts);
    state = {
      ...loaded,
      sources: readSources([directories.includes, path.join(directories.input, opts.dataFile)]),
      outputDir: path.resolve(directories.output),
      memo: createPageMemo(),
    };
    if (!state.data) {
      // Without valid data no page can be checked: stop before anything is written
      // (the dev server prints the findings and waits for the fix instead).
      finish(state.findings, opts, runMode !== "build");
    }
  });

  eleventyConfig.addTransform("policy-checks", function (content) {
    if (!opts.checkPages) return content;
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== "string") return content;
    const resolved = path.resolve(outputPath);
    if (!resolved.startsWith(state.outputDir + path.sep)) {
      // Stop before Eleventy writes the file: print what is known so far, then fail.
      finish(
        [
          ...state.findings,
          {
            file: findingPath(this.page.inputPath),
            line: frontMatterKeyLine(readFileSync(this.page.inputPath, "utf8"), "permalink"),
            column: 1,
            severity: "error",
            rule: "permalink-outside",
            message: `the permalink "${String(this.page.url)}" writes outside the output folder; use a permalink that starts with "/" and has no ".."`,
          },
        ],
        opts,
      );
    }
    if (!outputPath.endsWith(".html") || !state.data) return content.replace(MARKER_PATTERN, "");
    // The page file is read once: its bytes for the encoding, its text for the lines of findings.
    const bytes = readFileSync(this.page.inputPath);
    const raw = bytes.toString("utf8");
    const fileFindings = checkPageFile(this.page.inputPath, bytes, raw, opts.maxPageBytes);
    state.findings.push(...fileFindings);
    if (!fileFindings.some((f) => f.rule === "page-too-large" || f.rule === "page-empty")) {
      state.findings.push(...checkRenderedPage(content, this.page.inputPath, raw, state.data.contacts, state.sources, state.memo));
    }
    return content.replace(MARKER_PATTERN, "");
  });

  eleventyConfig.on("eleventy.after", ({ runMode }) => {
    finish(state.findings, opts, runMode !== "build");
  });
}

/**
 * Runs the page checks on one rendered page and names the source line of each problem:
 * the Markdown line where the HTML came from the page body, else the first layout or
 * data file that holds the text, else the page file (its front matter feeds the layout).
 */
export function checkRenderedPage(
  html: string,
  inputPath: string,
  raw: string,
  contacts: Contact[],
  sources: Map<string, string>,
  memo: PageMemo = createPageMemo(),
): Finding[] {
  const page = scanHtml(html);
  const problems = checkPage(page, contacts, memo);
  if (problems.length === 0) return [];
  const file = findingPath(inputPath);
  const own = new Map([[file, raw]]);
  return problems.map(({ rule, severity, message, index, needles }) => {
    const inMarkdown = inputPath.endsWith(".md") ? locateInMarkdown(raw, page.markers, index, needles) : undefined;
    if (inMarkdown) return { file, ...inMarkdown, rule, severity, message };
    const found = locateInFiles(sources, needles) ?? locateInFiles(own, needles);
    return { file: found?.file ?? file, ...(found?.position ?? { line: 1, column: 1 }), rule, severity, message };
  });
}

/**
 * The page file itself: empty, too large to be a policy page (a generated file or a
 * wrong path, most likely), or not UTF-8. A page too large is not read further.
 */
export function checkPageFile(inputPath: string, bytes: Buffer, raw: string, maxPageBytes: number): Finding[] {
  const file = findingPath(inputPath);
  const at = (line: number, column: number, rule: string, message: string): Finding => ({ file, line, column, severity: "error", rule, message });
  if (raw.replace(/^\uFEFF/, "").trim() === "") {
    return [at(1, 1, "page-empty", "the page is empty; write its front matter and text, or delete the file")];
  }
  if (bytes.length > maxPageBytes) {
    const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
    return [at(1, 1, "page-too-large", `the page is ${mb(bytes.length)}, over the ${mb(maxPageBytes)} a policy page may be; is this the right file?`)];
  }
  const bad = firstInvalidUtf8(bytes);
  if (!bad) return [];
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, "0");
  return [at(bad.line, bad.column, "encoding-invalid", `byte 0x${hex} is not UTF-8: the file was saved in another encoding (Windows-1252 or Latin-1, most likely); save it as UTF-8`)];
}

/** Prints the findings; throws when one is an error (unless a dev server should keep serving). */
function finish(findings: Finding[], opts: PolicyChecksOptions, keepServing = false): void {
  const all = sortFindings(applyStrict(findings, opts.strict));
  for (const f of all) opts.report(formatFinding(f));
  if (all.some((f) => f.severity === "error") && !keepServing) throw new ChecksFailed(all);
}

/**
 * Leaves an HTML comment before each block of a Markdown page naming its first line, so
 * that a problem found in the rendered page can be traced to its line. The transform
 * removes every marker before the page is written.
 */
const sourceMarkers = (md: MarkdownIt): void => {
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
};

function readSources(roots: string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      sources.set(findingPath(p), readFileSync(p, "utf8"));
    }
  };
  roots.forEach(visit);
  return sources;
}
