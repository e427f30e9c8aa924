/**
 * Reads the site data and each contact's key once per build, before any page, and hands
 * them to the plugins after it through one typed accessor, CheckedData, which .eleventy.ts
 * creates and passes to each. Layouts see the same data as the global `policy`.
 */
import type { UserConfig } from "@11ty/eleventy";
import { loadPolicyData, policyGlobal, type PolicyData, type PolicyGlobal } from "../data/load.ts";
import { readableDate, readableMonth } from "../formats/date.ts";
import { isSupportedOn, supportEndDay } from "../formats/support-period.ts";
import type { SiteRun } from "./site-run.ts";

/** This build's checked data: filled by the policyData plugin in `eleventy.before`, read by every plugin after it. */
export class CheckedData {
  #loaded?: PolicyData;
  #global?: PolicyGlobal;

  set(loaded: PolicyData): void {
    this.#loaded = loaded;
    this.#global = policyGlobal(loaded);
  }

  /** The data, or a clear error for a plugin that reads it before policyData has loaded it. */
  get(): PolicyData {
    if (!this.#loaded) {
      throw new Error("the checked site data is read before it was loaded: add the policyData plugin, with the same CheckedData, before the plugins that read it in .eleventy.ts");
    }
    return this.#loaded;
  }

  /** The `policy` global of the layouts and the Markdown plugins. */
  global(): PolicyGlobal {
    this.get();
    return this.#global!;
  }
}

export interface PolicyDataOptions {
  run: SiteRun;
  checked: CheckedData;
  /** The site data, absolute or relative to the input folder. */
  dataFile: string;
  /** The folder of armored public keys, `<email>.asc`, absolute or relative to the input folder. */
  keysDir: string;
  /** A key that expires within this many days is a warning. */
  expiryWarningDays: number;
  /** During a key rotation, a previous key still valid longer than this many days is a warning. */
  previousKeyDays: number;
}

const DEFAULTS = { dataFile: "_data/security.json", keysDir: "keys", expiryWarningDays: 30, previousKeyDays: 90 };

export function normalizeOptions(options: Partial<PolicyDataOptions>): PolicyDataOptions {
  const merged = { ...DEFAULTS, ...options };
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new TypeError(`policyData: option \`${key}\` must be ${expected}. Received: ${typeof value} (${String(value)})`);
  };
  if (!merged.run) fail("run", "the SiteRun of .eleventy.ts (siteRun(eleventyConfig))", merged.run);
  if (!(merged.checked instanceof CheckedData)) fail("checked", "a CheckedData", merged.checked);
  if (typeof merged.dataFile !== "string") fail("dataFile", "a string", merged.dataFile);
  if (typeof merged.keysDir !== "string") fail("keysDir", "a string", merged.keysDir);
  if (!Number.isInteger(merged.expiryWarningDays) || merged.expiryWarningDays < 0) fail("expiryWarningDays", "a whole number of days, 0 or more", merged.expiryWarningDays);
  if (!Number.isInteger(merged.previousKeyDays) || merged.previousKeyDays < 0) fail("previousKeyDays", "a whole number of days, 0 or more", merged.previousKeyDays);
  return merged as PolicyDataOptions;
}

export default function policyData(eleventyConfig: UserConfig, options: Partial<PolicyDataOptions>): void {
  const opts = normalizeOptions(options);
  const { run, checked } = opts;

  // "2026-11-20" as the page's language writes it, for the "Last reviewed" line: {{ day | readableDate(language) }}.
  eleventyConfig.addFilter("readableDate", (day: string, language = "en") => readableDate(day, language));

  // A release's supportedUntil as the page's language writes it: a month ("March 2031") or a day.
  eleventyConfig.addFilter("supportEnd", (until: string, language = "en") => (/^\d{4}-\d{2}$/.test(until) ? readableMonth(until, language) : readableDate(until, language)));
  // Whether a release still gets security fixes on the day of the build (the site data checked its supportedUntil).
  eleventyConfig.addFilter("supported", (until: string) => isSupportedOn(supportEndDay(until)!, new Date()));

  // Read lazily by Eleventy, after eleventy.before has loaded this build's data.
  eleventyConfig.addGlobalData("policy", () => checked.global());

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    // Each build starts afresh: the dev server's rebuilds must not carry the last one's findings.
    run.findings.reset();
    const loaded = await loadPolicyData(directories.input, { ...opts, relative: (f) => run.findings.relative(f) });
    checked.set(loaded);
    run.findings.add(...loaded.findings);
  });
}
