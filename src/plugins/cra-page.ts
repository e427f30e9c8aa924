/**
 * The EU Cyber Resilience Act page (/security/cra/, where the site has one): each item of user
 * information the Regulation asks a manufacturer to give, with links to where the site states
 * it. The items come from src/rules/data/cra-information-missing.ts, which also warns, once per
 * build, of each item the site data does not supply.
 */
import type { UserConfig } from "@11ty/eleventy";
import { placed } from "../findings/finding.ts";
import { ADVISORIES_PATH, DEFAULT_POLICY_PATH } from "../formats/site-paths.ts";
import { CRA_ITEMS, craInformationMissing, craStated, type CraItemId } from "../rules/data/cra-information-missing.ts";
import type { Advisories } from "./advisories.ts";
import type { Languages } from "./languages.ts";
import type { CheckedData } from "./policy-data.ts";
import { reportPageUrl } from "./report-page.ts";
import type { SiteRun } from "./site-run.ts";

/** One row of the page: the item, where the Regulation asks for it, and the links to where the site states it (none where it does not). */
export interface CraRow {
  id: CraItemId;
  reference: string;
  links: Array<{ url: string; text: string }>;
}

export default function craPage(eleventyConfig: UserConfig, options: { run: SiteRun; checked: CheckedData; languages: Languages; advisories: Advisories; policyPath?: string }): void {
  const { run, checked, languages, advisories, policyPath = DEFAULT_POLICY_PATH } = options;
  const url = `${policyPath}cra/`;
  let warned = false;
  eleventyConfig.on("eleventy.before", () => {
    warned = false;
  });

  // The CRA page's URL in the page's language, where the site has one: the policy page links to it.
  eleventyConfig.addFilter("craPageUrl", (lang: string) => (languages.pageAt(url) ? languages.localeUrl(url, lang) : ""));

  // The rows of the CRA page in `lang`; the first time in a build, the warnings for what the data does not supply.
  eleventyConfig.addFilter("craRows", (lang: string): CraRow[] => {
    const { data, dataFile, locate } = checked.get();
    if (!data || dataFile === undefined || !locate) return [];
    const say = (key: string) => languages.text(lang, key);
    // Advisories are published where the site has their list, even before the first one.
    const source = { ...data, advisories: languages.pageAt(ADVISORIES_PATH) !== undefined };
    if (!warned) {
      warned = true;
      const at = data.products ? locate("products") : { line: 1, column: 1 };
      run.findings.add(...craInformationMissing(source).map((p) => placed(p, dataFile, at)));
    }
    const stated = craStated(source);
    const policy = languages.localeUrl(policyPath, lang);
    const securityTxt = { url: "/.well-known/security.txt", text: "security.txt" };
    const report = reportPageUrl(languages, checked, lang, policyPath);
    const links: Record<CraItemId, CraRow["links"]> = {
      manufacturer: [{ url: policy, text: say("craLinkPolicy") }, securityTxt],
      contact: [{ url: policy, text: say("craLinkPolicy") }, ...(report ? [{ url: report, text: say("craLinkReport") }] : []), securityTxt],
      cvd: [{ url: `${policy}#disclosure-facts`, text: say("craLinkDisclosure") }],
      support: [{ url: `${policy}#support-periods`, text: say("craLinkSupport") }],
      sbom: (data.products ?? []).flatMap((p) => (p.releases ?? []).flatMap((r) => (r.sbom ? [{ url: r.sbom, text: `${p.name} ${r.version}` }] : []))),
      // The OSV index is written once there is a record to list.
      advisories: [{ url: languages.localeUrl(ADVISORIES_PATH, lang), text: say("craLinkAdvisories") }, ...(advisories.list.length > 0 ? [{ url: `${ADVISORIES_PATH}all.json`, text: say("craLinkOsv") }] : [])],
    };
    return CRA_ITEMS.map((i) => ({ id: i.id, reference: i.reference, links: stated[i.id] ? links[i.id] : [] }));
  });
}
