/**
 * The repository's SECURITY.md, written from the site data: where to report and the keys to
 * encrypt to, each product's supported versions, how a report is handled, and the way to the
 * full policy on the site. GitHub-flavoured Markdown: an alert, headings GitHub gives anchors,
 * tables. Pure: the same data always gives the same text, so a CI job can compare the committed
 * file with it. Nothing in it depends on the day it is written.
 */
import { formatFingerprint } from "../formats/fingerprint.ts";
import { ADVISORIES_PATH, DEFAULT_KEYS_PATH, DEFAULT_POLICY_PATH, keyUrlPath } from "../formats/site-paths.ts";
import { reportAddresses, reportAddress, type Contact, type Disclosure, type Product } from "../types.ts";

export interface SecurityMdSource {
  site: { url: string; name: string; products?: Product[]; disclosure?: Disclosure };
  /** The key holders, in the declared order; `published` where the site publishes the key file. */
  contacts: Array<Contact & { published: boolean }>;
  /** Whether the site publishes advisories (and so their list and OSV index). */
  advisories: boolean;
  keysPath?: string;
  policyPath?: string;
  /** How the file names its source, for the note at its top. */
  dataFile: string;
}

/** The file's text, ending with a line break. */
export function securityMd(source: SecurityMdSource): string {
  const { site } = source;
  const policyUrl = `${site.url}${source.policyPath ?? DEFAULT_POLICY_PATH}`;
  const keyUrl = (email: string) => `${site.url}${keyUrlPath(source.keysPath ?? DEFAULT_KEYS_PATH, email)}`;
  const lines: string[] = [
    "# Security policy",
    "",
    `<!-- Written by npm run security-md from ${source.dataFile}: change the data and run it again, rather than editing this file. -->`,
    "",
    `This is how to report a vulnerability in ${site.name}. The full policy, with the public keys and the advisories, is at <${policyUrl}>.`,
    "",
    "> [!IMPORTANT]",
    "> Do not report a vulnerability in a public issue, pull request or discussion: write to the address below, encrypted to its key.",
    "",
    "## Reporting a vulnerability",
    "",
  ];
  for (const address of reportAddresses(source.contacts)) {
    const holders = source.contacts.filter((c) => reportAddress(c).toLowerCase() === address.toLowerCase());
    const team = holders.some((c) => c.team !== undefined);
    lines.push(`Send reports to [${address}](mailto:${address}), encrypted to ${team ? "the keys of the people who read them" : holders.length > 1 ? "one of these keys" : "this key"}:`, "");
    for (const c of holders) {
      const who = c.team !== undefined && c.name !== undefined ? `${c.name}, ${c.email}` : c.email;
      const link = c.published ? ` ([public key](${keyUrl(c.email)}))` : "";
      lines.push(`- ${who}: \`${formatFingerprint(c.fingerprint)}\`${link}`);
    }
    lines.push("");
  }
  const products = (site.products ?? []).filter((p) => (p.releases ?? []).length > 0);
  if (products.length > 0) {
    lines.push("## Supported versions", "", "Each release gets security fixes until the end of the month or the day given.", "", "| Product | Version | Released | Security fixes until |", "| --- | --- | --- | --- |");
    for (const p of products) for (const r of p.releases!) lines.push(`| [${cell(p.name)}](${p.repository}) | ${cell(r.version)} | ${r.released} | ${r.supportedUntil} |`);
    lines.push("");
  }
  const facts = site.disclosure;
  if (facts) {
    const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);
    lines.push(
      "## How a report is handled",
      "",
      `- A report is acknowledged within ${days(facts.acknowledgeDays)}.`,
      `- A fixed vulnerability is disclosed within ${days(facts.disclosureDays)} of the report.`,
      `- ${facts.accountRequired ? "Reporting needs an account." : "Reporting needs no account: an email is enough."}`,
      `- ${facts.credit ? "Reporters are credited in the advisory, by the name they choose, unless they ask not to be." : "Advisories do not name reporters."}`,
      "",
    );
    if (facts.safeHarbor !== undefined) lines.push("### Safe harbour", "", facts.safeHarbor, "");
  }
  if (source.advisories) {
    lines.push("## Advisories", "", `Published advisories are listed at <${site.url}${ADVISORIES_PATH}>, with an Atom feed and their OSV records (<${site.url}${ADVISORIES_PATH}all.json>).`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Text for a table cell: a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
