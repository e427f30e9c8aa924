/**
 * The package's plugin: what an Eleventy site needs to publish a security policy that is checked
 * before it is written. Any site gets the site data and keys, the checks of every page it renders
 * (with its own layouts), security.txt, the public keys, the Web Key Directory and `_headers`
 * written into its output folder, and the findings printed once after each build, an error failing
 * it. Our own site adds, with `features: "site"`, what its layouts and content/ are made for.
 *
 * ```js
 * import securityPolicy from "security-policy-site";
 * eleventyConfig.addPlugin(securityPolicy, { data: "src/_data/security.json", keys: "keys" });
 * ```
 *
 * The parts are added in the order they run: each event's handlers run one after another, in the
 * order of the plugins, so the data is loaded before anything reads it and the findings are
 * printed after everything has found what it finds.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import advisories, { Advisories } from "./advisories.ts";
import githubAlerts from "./alerts.ts";
import decorate from "./decorate.ts";
import devServer from "./dev-server.ts";
import headingAnchors from "./heading-anchors.ts";
import languagesPlugin, { Languages } from "./languages.ts";
import pageChecks from "./page-checks.ts";
import policyData, { CheckedData } from "./policy-data.ts";
import publish from "./publish.ts";
import reportFindings from "./report-findings.ts";
import reportPage from "./report-page.ts";
import craPage from "./cra-page.ts";
import { siteRun } from "./site-run.ts";

/** What `features` accepts. */
export const FEATURES = ["checks", "site"] as const;

export interface SecurityPolicyOptions {
  /** The site data (security.json), from the project's root. */
  data?: string;
  /** The folder of the contacts' armored public keys, `<email>.asc`, from the project's root. */
  keys?: string;
  /** The policy page's URL path: security.txt's Policy field names it, and the build fails without it. */
  policyPath: string;
  /**
   * "checks": what applies to any site (the data and keys, the page checks, publishing, the findings).
   * "site": that, and what this package's own layouts and content/ are made for.
   */
  features: (typeof FEATURES)[number];
}

const DEFAULTS: SecurityPolicyOptions = {
  // The site data: unset, `_data/security.json` in Eleventy's input folder, where Eleventy keeps global data.
  data: undefined,
  // The keys: unset, `keys/` in the input folder, which may be absent (each fingerprint is then a warning: not verified against a key).
  keys: undefined,
  policyPath: "/security/",
  // "site" adds: languages from content/<lang>/ and _data/strings/ (Eleventy's I18nPlugin), heading anchors, GitHub's alerts,
  // advisories, the report page, the contacts at a glance with Copy buttons, robots.txt and the sitemap, and the dev server's panel.
  features: "checks",
};

/**
 * An option that cannot be used. Eleventy prints it under "Error processing the `securityPolicy` plugin",
 * with no stack trace: the message names the option, what it received and what it accepts.
 */
export class OptionError extends TypeError {
  readonly skipOriginalStack = true;
  constructor(message: string) {
    super(message);
    this.name = "OptionError";
  }
}

/** The options as the parts are given them: the data file and keys folder absolute, or the parts' defaults in the input folder. */
export interface NormalizedOptions {
  dataFile: string;
  keysDir: string;
  policyPath: string;
  features: SecurityPolicyOptions["features"];
}

/**
 * The options with their defaults, checked. `root` is the project's root, which `data` and `keys`
 * are read from: a file or folder named there must exist, as Eleventy reads the rest of its config.
 */
export function normalizeOptions(options: unknown, root: string): NormalizedOptions {
  const fail = (key: string, accepts: string, value: unknown): never => {
    throw new OptionError(`securityPolicy: option \`${key}\` must be ${accepts}. Received: ${typeof value} (${JSON.stringify(value) ?? String(value)})`);
  };
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new OptionError(`securityPolicy: the options must be an object, such as { data: "_data/security.json", keys: "keys" }. Received: ${JSON.stringify(options)}`);
  }
  const given = (options ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !Object.hasOwn(DEFAULTS, key));
  if (unknown.length > 0) {
    throw new OptionError(`securityPolicy: there is no option ${unknown.map((k) => `\`${k}\``).join(", ")}. The options are ${Object.keys(DEFAULTS).map((k) => `\`${k}\``).join(", ")}`);
  }
  const merged = { ...DEFAULTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as SecurityPolicyOptions;

  const existing = (key: "data" | "keys", kind: "file" | "folder"): string | undefined => {
    const value = merged[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value === "") fail(key, `the path of a ${kind}, from the project's root`, value);
    const full = path.resolve(root, value);
    const what = key === "data" ? "your security.json" : "the folder of the contacts' .asc keys";
    if (!existsSync(full)) {
      throw new OptionError(`securityPolicy: option \`${key}\` names ${value}, which does not exist in ${root}: give the path of ${what}, from the project's root. Received: "${value}"`);
    }
    if (statSync(full).isDirectory() !== (kind === "folder")) {
      throw new OptionError(`securityPolicy: option \`${key}\` names ${value}, which is not a ${kind}: give the path of ${what}, from the project's root. Received: "${value}"`);
    }
    return full;
  };
  const dataFile = existing("data", "file");
  const keysDir = existing("keys", "folder");
  if (typeof merged.policyPath !== "string" || !/^\/(?:[^/?#\s]+\/)*$/.test(merged.policyPath)) fail("policyPath", 'a URL path that starts and ends with "/", e.g. "/security/"', merged.policyPath);
  if (!FEATURES.includes(merged.features)) fail("features", FEATURES.map((f) => `"${f}"`).join(" or "), merged.features);

  return {
    // The parts' own defaults are in the input folder, which they read when the build starts.
    dataFile: dataFile ?? "_data/security.json",
    keysDir: keysDir ?? "keys",
    policyPath: merged.policyPath,
    features: merged.features,
  };
}

export default function securityPolicy(eleventyConfig: UserConfig, options?: Partial<SecurityPolicyOptions>): void {
  // What the command asked of this build (the findings collector, strictness, the project's root); a bare `eleventy`'s otherwise.
  const run = siteRun(eleventyConfig);
  const { dataFile, keysDir, policyPath, features } = normalizeOptions(options, run.findings.root);
  const site = features === "site";
  // The checked site data and keys: loaded by policyData, read by every part after it.
  const checked = new CheckedData();
  // Which language each page is in, its translations, and the interface strings: filled by languagesPlugin ("site" only).
  const languages = new Languages();
  // The advisories, checked: filled by the advisories plugin ("site" only), read by the layouts and the publisher.
  const advisoryStore = new Advisories();

  // Each event's handlers run one after another, in the order the parts are added below.
  eleventyConfig.setEventEmitterMode("sequential");

  // The site data and each contact's key, read and checked once per build, before any page; `policy` in the layouts.
  eleventyConfig.addPlugin(policyData, { run, checked, dataFile, keysDir });

  if (site) {
    // A page under content/<lang>/ is in that language (Eleventy's I18nPlugin); its words come from _data/strings/<lang>.json; translations keep the original's facts.
    eleventyConfig.addPlugin(languagesPlugin, { run, languages, dataFile });
    // Stable, unique ids and a permalink anchor on every heading.
    eleventyConfig.addPlugin(headingAnchors, { languages });
    // GitHub's alert syntax (> [!WARNING]) as callouts, so that a SECURITY.md reads the same on GitHub and here.
    eleventyConfig.addPlugin(githubAlerts, { languages });
    // Advisories from content/advisories/*.md, checked at their lines: their pages, the latest on the policy, OSV JSON, the Atom feed's filters.
    eleventyConfig.addPlugin(advisories, { run, checked, languages, store: advisoryStore });
    // The report page (/security/report/), where the site has the first contact's key: the template's fields, encrypted in the browser.
    eleventyConfig.addPlugin(reportPage, { run, checked, languages, policyPath });
    // The EU Cyber Resilience Act page (/security/cra/), where the site has one: each item of user information and where the site states it.
    eleventyConfig.addPlugin(craPage, { run, checked, languages, advisories: advisoryStore, policyPath });
    // The fingerprint with a Copy button, a prefilled report link and https-only external links, made before the checks read the page.
    eleventyConfig.addPlugin(decorate, { run, checked, languages, policyPath });
  }

  // Fingerprints, keyserver links, mailto links (as published and as written), link text, encoding and anchors, on every page before it is written.
  eleventyConfig.addPlugin(pageChecks, { run, checked, dataFile });

  // security.txt (signed when SECURITY_TXT_SIGNING_KEY is set), public keys, Web Key Directory, _headers and CSAF, from the checked data;
  // robots.txt and the sitemap for our own site only (another site has its own); then no private key in the output.
  eleventyConfig.addPlugin(publish, { run, checked, languages, advisories: advisoryStore, dataFile, policyPath, discovery: site });

  // `npm start` only: the development policy that lets live reload connect, and the findings panel on every page.
  if (site) eleventyConfig.addPlugin(devServer, { run });

  // Last: the findings, printed once after each build where the command does not print them itself; an error fails a one-off build.
  eleventyConfig.addPlugin(reportFindings, { run });
}
