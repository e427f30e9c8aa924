/**
 * The project's security-insights.yml (OpenSSF Security Insights 2.1.0): the header and the
 * project section, from the site data: the administrators, each product's repository, how
 * vulnerabilities are reported (the first address that takes reports, the policy page, its key,
 * the bug bounty, the disclosure facts in a sentence) and the support policy. The repository
 * section describes a repository's own settings, which the site data does not hold, and is left
 * to the repository. Pure: the same data always gives the same text.
 */
import { Document, isScalar, visit } from "yaml";
import { DEFAULT_KEYS_PATH, DEFAULT_POLICY_PATH, keyUrlPath } from "../formats/site-paths.ts";
import { reportAddress, type Administrator, type Contact, type Disclosure, type Product } from "../types.ts";

/** The schema version the file is written to. */
export const SECURITY_INSIGHTS_VERSION = "2.1.0";

export interface SecurityInsightsSource {
  site: { url: string; name: string; reviewed: string; products?: Product[]; disclosure?: Disclosure; administrators?: Administrator[] };
  contacts: Array<Contact & { published: boolean }>;
  keysPath?: string;
  policyPath?: string;
}

/** The file's text; or what the data lacks that the schema requires. */
export function securityInsights(source: SecurityInsightsSource): { text: string } | { missing: string[] } {
  const { site } = source;
  const missing = [
    ...((site.administrators ?? []).length === 0 ? ['"administrators": the people with administrative access to the project\'s resources'] : []),
    ...((site.products ?? []).length === 0 ? ['"products": each with its source "repository"'] : []),
  ];
  if (missing.length > 0) return { missing };
  const policyUrl = `${site.url}${source.policyPath ?? DEFAULT_POLICY_PATH}`;
  const first = source.contacts[0];
  const to = first ? reportAddress(first) : undefined;
  const keyed = source.contacts.find((c) => c.published && to !== undefined && reportAddress(c).toLowerCase() === to.toLowerCase());
  const facts = site.disclosure;
  const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
  const document = {
    header: {
      "schema-version": SECURITY_INSIGHTS_VERSION,
      "last-updated": site.reviewed,
      "last-reviewed": site.reviewed,
      url: site.url,
      comment: "Written by npm run security-insights from the site data: change the data and run it again, rather than editing this file.",
    },
    project: {
      name: site.name,
      homepage: site.url,
      administrators: site.administrators!.map((a, i) => ({ name: a.name, primary: i === 0, ...(a.affiliation ? { affiliation: a.affiliation } : {}), ...(a.email ? { email: a.email } : {}) })),
      repositories: site.products!.map((p) => ({ name: p.name, url: p.repository, comment: `The source of ${p.name}.` })),
      "vulnerability-reporting": {
        "reports-accepted": true,
        "bug-bounty-available": facts?.bugBounty !== undefined,
        ...(facts?.bugBounty ? { "bug-bounty-program": facts.bugBounty } : {}),
        ...(to ? { contact: { name: `${site.name} security team`, primary: true, email: to } } : {}),
        "security-policy": policyUrl,
        ...(keyed ? { "pgp-key": `${site.url}${keyUrlPath(source.keysPath ?? DEFAULT_KEYS_PATH, keyed.email)}` } : {}),
        ...(facts
          ? {
              comment: `A report is acknowledged within ${days(facts.acknowledgeDays)}; a fixed vulnerability is disclosed within ${days(facts.disclosureDays)} of the report. ${facts.accountRequired ? "Reporting needs an account." : "Reporting needs no account."}`,
            }
          : {}),
      },
      ...((site.products ?? []).some((p) => (p.releases ?? []).length > 0) ? { documentation: { "support-policy": `${policyUrl}#support-periods` } } : {}),
    },
  };
  const yaml = new Document(document);
  // A day in quotes, as the specification's own templates write it: a YAML 1.1 reader would otherwise take it for a date, not the string the schema asks for.
  visit(yaml, { Scalar: (_key, node) => void (isScalar(node) && typeof node.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(node.value) && (node.type = "QUOTE_SINGLE")) });
  return { text: yaml.toString({ lineWidth: 0 }) };
}
