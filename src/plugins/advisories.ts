/**
 * Advisories, written once in Markdown (content/advisories/<id>.md) and published from that one
 * source: each checked (src/rules/advisory.ts) before any page is rendered, then shown as pages
 * (the list, each advisory, the latest few on the policy, the thanks page). The Atom feed is a
 * template with the feed plugin's filters; the publisher (src/publish/plan.ts) writes each
 * advisory's OSV record and, where the data asks, CSAF.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import rss from "@11ty/eleventy-plugin-rss";
import type { Advisory } from "../formats/advisory.ts";
import { upgradeTargets } from "../publish/upgrade.ts";
import { productOf } from "../rules/advisory/advisory-product-unknown.ts";
import type { Languages } from "./languages.ts";
import type { CheckedData } from "./policy-data.ts";
import type { SiteRun } from "./site-run.ts";

/** This build's advisories, checked: filled in `eleventy.before`, read by the layouts, the feed and the publisher. */
export class Advisories {
  #list: Advisory[] = [];

  set(list: Advisory[]): void {
    this.#list = list;
  }

  /** Newest first. */
  get list(): Advisory[] {
    return this.#list;
  }
}

/** Each person credited, once, with the advisories they are credited in, in order of first credit. */
export function creditedPeople(advisories: Advisory[]): Array<{ name: string; credits: Array<{ id: string; type?: string }> }> {
  const people = new Map<string, { name: string; credits: Array<{ id: string; type?: string }> }>();
  // Oldest first, so that the list reads as the history of the reports.
  for (const advisory of [...advisories].reverse()) {
    for (const credit of advisory.credits) {
      const key = credit.name.trim().toLowerCase();
      const person = people.get(key) ?? { name: credit.name.trim(), credits: [] };
      person.credits.push({ id: advisory.id, ...(credit.type ? { type: credit.type } : {}) });
      people.set(key, person);
    }
  }
  return [...people.values()];
}

/** "2.0.0 to before 2.0.1", in the page's language: what a reader checks their version against. */
export function affectedText(pkg: Advisory["affected"][number], say: (key: string, values?: Record<string, string>) => string): string {
  const parts = pkg.ranges.map((r) => {
    const shown = (version: string) => versionText(version, r.type, say);
    const from = r.introduced === "0" ? undefined : shown(r.introduced);
    if (r.fixed) return from ? say("rangeFromBefore", { from, to: shown(r.fixed) }) : say("rangeBefore", { to: shown(r.fixed) });
    if (r.lastAffected) return from ? say("rangeFromThrough", { from, to: shown(r.lastAffected) }) : say("rangeThrough", { to: shown(r.lastAffected) });
    return from ? say("rangeFrom", { from }) : say("rangeAll");
  });
  return [...parts, ...pkg.versions].join("; ");
}

/** The versions that fix it, or "none yet". */
export function fixedText(pkg: Advisory["affected"][number], say: (key: string, values?: Record<string, string>) => string): string {
  const fixed = pkg.ranges.flatMap((r) => (r.fixed ? [versionText(r.fixed, r.type, say)] : []));
  return fixed.length > 0 ? fixed.join(", ") : say("fixedNone");
}

/**
 * A version as a reader reads it: a commit by the first 12 digits of its hash, as git shows one,
 * which also keeps a 40-digit hash from reading as a key's fingerprint on the page.
 */
function versionText(version: string, type: string, say: (key: string, values?: Record<string, string>) => string): string {
  return type === "GIT" && /^[0-9a-f]{40,64}$/.test(version) ? say("commit", { hash: version.slice(0, 12) }) : version;
}

export default function advisories(eleventyConfig: UserConfig, options: { run: SiteRun; checked: CheckedData; languages: Languages; store: Advisories; folder?: string }): void {
  const { run, checked, languages, store, folder = "advisories" } = options;

  // The feed plugin's filters (dateToRfc3339, absoluteUrl) for content/en/security/advisories-feed.njk.
  eleventyConfig.addPlugin(rss);

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    const dir = path.join(directories.input, folder);
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".md"))
          .sort()
          .map((f) => ({ file: run.findings.relative(path.join(dir, f)), text: readFileSync(path.join(dir, f), "utf8") }))
      : [];
    if (files.length === 0) {
      store.set([]);
      return;
    }
    // Their YAML parser and CVSS calculator are loaded only by a site that has advisories.
    const { checkAdvisories } = await import("../rules/advisory.ts");
    // Held to the declared products once the site data was read; where it was not, its findings say why.
    const { data, dataFile } = checked.get();
    const checkedAdvisories = checkAdvisories(files, new Date(), data && dataFile !== undefined ? { file: dataFile, ...(data.products ? { products: data.products } : {}) } : undefined);
    run.findings.add(...checkedAdvisories.findings);
    store.set(checkedAdvisories.advisories);
  });

  // Read lazily by Eleventy, after eleventy.before has checked this build's advisories.
  eleventyConfig.addGlobalData("advisories", () => store.list);
  eleventyConfig.addFilter("advisoryById", (list: Advisory[], id: string) => list.find((a) => a.id === id));
  eleventyConfig.addFilter("advisoryCredits", (list: Advisory[]) => creditedPeople(list));
  eleventyConfig.addFilter("affectedText", (pkg: Advisory["affected"][number], lang: string) => affectedText(pkg, (key, values) => languages.text(lang, key, values)));
  eleventyConfig.addFilter("fixedText", (pkg: Advisory["affected"][number], lang: string) => fixedText(pkg, (key, values) => languages.text(lang, key, values)));
  // The declared product an affected package is, for its name and repository link.
  eleventyConfig.addFilter("productOfPackage", (pkg: Advisory["affected"][number]) => productOf(pkg.ecosystem, pkg.name, checked.global().site?.products ?? []));
  // "Upgrade @example/options to 3.0.1 or 2.4.2": the product's supported releases the advisory does not affect, on the day of the build; "" where none is known.
  eleventyConfig.addFilter("upgradeText", (pkg: Advisory["affected"][number], lang: string) => {
    const product = productOf(pkg.ecosystem, pkg.name, checked.global().site?.products ?? []);
    const targets = upgradeTargets(pkg, product?.releases ?? [], new Date());
    if (targets.length === 0) return "";
    const versions = new Intl.ListFormat(lang, { type: "disjunction" }).format(targets.map((r) => r.version));
    return languages.text(lang, "upgradeTo", { package: pkg.name, versions });
  });
  // A reference's address as its link text, a commit's hash cut to 12 digits as git shows it (a full one would read as a fingerprint).
  eleventyConfig.addFilter("referenceText", (url: string) => url.replace(/\b([0-9a-f]{12})[0-9a-f]{28,52}\b/g, "$1…"));
  // CVSS scores are written with one decimal, as FIRST's calculators print them.
  eleventyConfig.addFilter("cvssScore", (score: number) => score.toFixed(1));
  eleventyConfig.addFilter("asDate", (text: string) => new Date(text));
  eleventyConfig.addFilter("newestModified", (list: Advisory[]) => {
    const times = list.map((a) => Date.parse(a.modified));
    // With no advisory, the feed was last updated when the policy was last reviewed.
    return times.length > 0 ? new Date(Math.max(...times)) : new Date(`${checked.global().site?.reviewed ?? "1970-01-01"}T00:00:00Z`);
  });
}
