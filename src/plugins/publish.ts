/**
 * Publishes what researchers' tools look for, from the same checked data the pages are
 * checked against: `/.well-known/security.txt` (signed where a key is supplied), each
 * contact's public key at `/security/keys/<email>.asc`, a Web Key Directory (direct method)
 * for the addresses in the site's own domain (and, for any other address, a folder per host
 * that must serve its directory, in `<output>-wkd/` beside the output), and a `_headers` file for Netlify and
 * Cloudflare Pages. Then it makes sure no file about to be published holds a private key.
 *
 * Everything is planned and verified in memory (src/publish/plan.ts) after the pages are
 * built, and written into Eleventy's output folder only when the plan has no finding: the
 * staging folder that `npm run build` swaps in when the whole build passes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildEvent, UserConfig } from "@11ty/eleventy";
import type { Finding } from "../findings/finding.ts";
import outputSecret from "../rules/publish/output-secret.ts";
import { DEFAULT_KEYS_PATH, DEFAULT_POLICY_PATH } from "../formats/site-paths.ts";
import { wkdHostsFolder } from "../formats/wkd.ts";
import { CSAF_PATH } from "../formats/csaf-distribution.ts";
import { planPublication, type PlanOptions } from "../publish/plan.ts";
import { filesWithSecrets } from "../publish/secrets.ts";
import { SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE } from "../publish/signing-key.ts";
import type { Advisories } from "./advisories.ts";
import type { Languages } from "./languages.ts";
import type { CheckedData } from "./policy-data.ts";
import type { SiteRun } from "./site-run.ts";

export interface PublishOptions extends PlanOptions {
  /** The site data, absolute or relative to the input folder: findings about its fields name their lines. */
  dataFile: string;
}

const DEFAULTS = { dataFile: "_data/security.json", policyPath: DEFAULT_POLICY_PATH, keysPath: DEFAULT_KEYS_PATH, expiresWarningDays: 30, keyMarginDays: 30 };

/**
 * The options with their defaults. The signing key and passphrase are secrets: by default
 * they come from SECURITY_TXT_SIGNING_KEY and SECURITY_TXT_SIGNING_PASSPHRASE, never from a file.
 */
export function normalizeOptions(options: Partial<PublishOptions> = {}): PublishOptions {
  const fromEnvironment = (name: string) => (process.env[name] === "" ? undefined : process.env[name]);
  const merged: PublishOptions = {
    ...DEFAULTS,
    signingKey: fromEnvironment(SIGNING_KEY_VARIABLE),
    signingPassphrase: fromEnvironment(SIGNING_PASSPHRASE_VARIABLE),
    ...options,
  };
  const fail = (key: keyof PublishOptions, accepts: string) => {
    throw new TypeError(`publish: option \`${key}\` must be ${accepts}. Received: ${typeof merged[key]} (${String(merged[key]).slice(0, 40)})`);
  };
  if (typeof merged.dataFile !== "string") fail("dataFile", "a string");
  for (const key of ["policyPath", "keysPath"] as const) {
    if (typeof merged[key] !== "string" || !/^\/(?:[^/?#\s]+\/)*$/.test(merged[key])) fail(key, 'a URL path that starts and ends with "/", e.g. "/security/"');
  }
  if (!Number.isInteger(merged.expiresWarningDays) || merged.expiresWarningDays < 0) fail("expiresWarningDays", "a whole number of days, 0 or more");
  if (!Number.isInteger(merged.keyMarginDays) || merged.keyMarginDays < 0) fail("keyMarginDays", "a whole number of days, 0 or more");
  if (merged.discovery !== undefined && typeof merged.discovery !== "boolean") fail("discovery", "true or false");
  for (const key of ["signingKey", "signingPassphrase"] as const) {
    if (merged[key] !== undefined && typeof merged[key] !== "string") fail(key, "a string or undefined");
  }
  return merged;
}

export default function publish(eleventyConfig: UserConfig, options: Partial<PublishOptions> & { run: SiteRun; checked: CheckedData; languages: Languages; advisories?: Advisories }): void {
  const { run, checked, languages, advisories } = options;
  const opts = normalizeOptions(Object.fromEntries(Object.entries(options).filter(([key]) => !["run", "checked", "languages", "advisories"].includes(key))));
  const findings = run.findings;
  // What the last build of this process wrote, with its bytes: in watch mode the output keeps it, and where it is still those bytes it is the publisher's, not a copy to check; what the publisher no longer writes (an advisory deleted since) is taken back, unless a page or a copy has written there since.
  let written = new Map<string, string | Uint8Array>();
  const writtenHere = (target: string, bytes: Uint8Array) => written.has(target) && Buffer.from(bytes).equals(Buffer.from(written.get(target)!));
  const stillOurs = (target: string) => existsSync(target) && writtenHere(target, readFileSync(target));

  eleventyConfig.on("eleventy.after", async (event: BuildEvent) => {
    if (event.outputMode !== "fs") return;
    const outputDir = path.resolve(event.directories.output);
    // `npm run build` swaps this folder in beside the output with the site itself (src/build/build.ts).
    const hostsDir = wkdHostsFolder(outputDir);
    const pages = event.results ?? [];
    const { data, dataFile, locate } = checked.get();
    // Without valid data the data findings say why; there is nothing to publish from.
    if (data) {
      const plan = await planPublication({
        site: data,
        contacts: checked.global().contacts,
        pages,
        outputDir,
        dataFile: dataFile ?? findings.relative(path.resolve(event.directories.input, opts.dataFile)),
        ...(locate ? { locate } : {}),
        options: opts,
        now: new Date(),
        relative: (file) => findings.relative(file),
        readPage: (inputPath) => (existsSync(inputPath) ? readFileSync(inputPath, "utf8") : undefined),
        translations: (url) => languages.alternates(url),
        advisories: advisories?.list ?? [],
        hostsFolder: wkdHostsFolder(run.output ?? findings.relative(outputDir)),
        outputName: run.output ?? findings.relative(outputDir),
        servedCsaf: filesUnder(outputDir, CSAF_PATH.slice(1)).filter((f) => !writtenHere(path.join(outputDir, f.file), f.content)),
        readOutput: (file) => {
          const target = path.resolve(outputDir, file);
          return target.startsWith(`${outputDir}${path.sep}`) && existsSync(target) && statSync(target).isFile() ? readFileSync(target) : undefined;
        },
      });
      findings.add(...plan.findings);
      for (const line of plan.notices) findings.notice(line);
      if (plan.files.length > 0) {
        const now = new Map(plan.files.map((f) => [path.join(outputDir, f.file), f.content]));
        const pageOutputs = new Set(pages.flatMap((p) => (typeof p.outputPath === "string" ? [path.resolve(p.outputPath)] : [])));
        for (const target of written.keys()) if (!now.has(target) && !pageOutputs.has(target) && stillOurs(target)) rmSync(target, { force: true });
        written = now;
      }
      for (const { file, content } of plan.files) {
        const target = path.join(outputDir, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      // The other hosts' folders, beside the output and never in it; what an earlier build of this folder left there goes first.
      rmSync(hostsDir, { recursive: true, force: true });
      for (const { host, files } of plan.hosts) {
        for (const { file, content } of files) {
          const target = path.join(hostsDir, host, file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
      }
    }

    // Whatever wrote them, no file about to be published may hold a private key.
    findings.add(...secretsInOutput(outputDir, pages, (file) => findings.relative(file)));
    findings.add(...secretsInOutput(hostsDir, [], (file) => findings.relative(file)));
  });
}

/** The files under `folder` of the output that something other than the publisher put there (a passthrough copy), by their path in the output. */
function filesUnder(outputDir: string, folder: string): Array<{ file: string; content: Uint8Array }> {
  const root = path.join(outputDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { file: path.relative(outputDir, full).split(path.sep).join("/"), content: readFileSync(full) };
    });
}

/**
 * Every file in the output folder that holds a private key, as an output-secret finding: at the
 * page that wrote it (its rendered text is read from memory), or at its path on the site.
 */
export function secretsInOutput(outputDir: string, pages: Array<{ inputPath: string; outputPath: string | false; content: string }>, relative: (file: string) => string): Finding[] {
  if (!existsSync(outputDir)) return [];
  const rendered = new Map(pages.filter((p) => typeof p.outputPath === "string").map((p) => [path.resolve(p.outputPath as string), p.content]));
  return filesWithSecrets(outputDir, rendered).map(({ file, kind }) => {
    const source = pages.find((p) => typeof p.outputPath === "string" && path.resolve(p.outputPath) === path.join(outputDir, file));
    // A page names its source; anything else (a copied asset, say) its path on the site.
    return source
      ? outputSecret.finding("inPage", { file, kind }, relative(source.inputPath), { line: 1, column: 1 })
      : outputSecret.finding("inCopiedFile", { file, kind }, `/${file}`, { line: 1, column: 1 });
  });
}
