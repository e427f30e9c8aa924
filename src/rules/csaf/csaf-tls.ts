/**
 * csaf-tls: CSAF 2.0 requirement 3, the distribution served over TLS. A build cannot see the
 * server; it can see that every URL the provider metadata and the ROLIE feeds give a client is
 * an https URL. verify fetches the deployed files over TLS (deployed-csaf).
 */
import { entryLinks, feedEntries, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { PROVIDER_METADATA } from "../../formats/csaf-distribution.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-tls",
  severity: "error",
  family: "csaf",
  summary: "The provider metadata or a ROLIE feed gives a client a URL that is not https (requirement 3).",
  disable: "no",
  messages: {
    notHttps: "gives the URL {{url}}, which is not https; CSAF 2.0 requirement 3 serves the distribution over TLS only: use https URLs (the site data's \"url\" gives the build's own)",
  },
});

export default rule;

const insecure = (url: string) => !url.startsWith("https://");

export function checkTls(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  const m = d.metadataObject;
  if (m) {
    const listed = [...(typeof m.canonical_url === "string" ? [m.canonical_url] : []), ...d.directories, ...d.feeds.map((f) => f.url), ...d.services, ...d.categories, ...d.keys.flatMap((k) => (k.url ? [k.url] : []))];
    for (const url of new Set(listed.filter(insecure))) issues.push({ path: PROVIDER_METADATA.slice(1), problem: rule.problem("notHttps", { url }) });
  }
  for (const feed of d.feeds) {
    const path = d.pathOf(feed.url);
    const read = path === undefined ? undefined : d.json(path);
    const entries = read?.ok ? feedEntries(read.value) : undefined;
    if (path === undefined || entries === undefined) continue;
    const links = entries.flatMap((e) => ["self", "hash", "signature"].flatMap((rel) => entryLinks(e, rel)));
    for (const url of new Set(links.filter(insecure))) issues.push({ path, problem: rule.problem("notHttps", { url }) });
  }
  return issues;
}
