import type { UserConfig } from "@11ty/eleventy";
import { decorateMarkdown, type DecorateOptions } from "../markdown/decorate.ts";
import { DEFAULT_POLICY_PATH } from "../formats/site-paths.ts";
import type { Languages } from "./languages.ts";
import type { CheckedData } from "./policy-data.ts";
import { reportPageUrl } from "./report-page.ts";
import type { SiteRun } from "./site-run.ts";

/**
 * Decorates every Markdown page for its reader (src/markdown/decorate.ts): the contacts at a
 * glance atop the policy and its translations, the fingerprint with its Copy button and key
 * link, the prefilled report links, and `rel` and `https:` on external links, in the page's
 * language; an insecure link's finding goes to the run's collector.
 */
export default function decorate(
  eleventyConfig: UserConfig,
  options: Partial<Omit<DecorateOptions, "findings" | "text" | "isPolicyPage" | "reportPage">> & { run: SiteRun; checked: CheckedData; languages: Languages; policyPath?: string },
): void {
  const { run, checked, languages, policyPath = DEFAULT_POLICY_PATH, ...rest } = options;
  // The policy page, or a page in a language folder whose original is the policy page.
  const isPolicyPage = (page: { url?: string; inputPath?: string }) => {
    if (page.url === policyPath) return true;
    const original = page.inputPath === undefined ? undefined : languages.page(page.inputPath)?.original;
    return original !== undefined && languages.page(original)?.url === policyPath;
  };
  eleventyConfig.amendLibrary("md", (md) =>
    md.use(decorateMarkdown, {
      ...rest,
      text: (lang, key, values) => languages.text(lang, key, values),
      defaultLanguage: languages.defaultLanguage,
      isPolicyPage,
      reportPage: (lang) => reportPageUrl(languages, checked, lang, policyPath),
      findings: run.findings,
    }),
  );
}
