/**
 * csaf-rolie-service: CSAF 2.0 requirement 16, a ROLIE service document, listed in the provider
 * metadata, whose workspaces' collections name every feed the metadata lists.
 */
import { isObject, list, PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-rolie-service",
  severity: "error",
  family: "csaf",
  summary: "The provider metadata lists ROLIE feeds but no service document, or one that is not served or does not name every feed (requirement 16).",
  disable: "no",
  messages: {
    noService: "lists ROLIE feeds but no service document (CSAF 2.0 requirement 16): list one under \"rolie\".\"services\"",
    notService: "is listed in provider-metadata.json as a ROLIE service document, but {{reason}} (CSAF 2.0 requirement 16): let the build write it (\"csafProvider\" in the site data), or take the copied one out of the site",
    feedUnlisted: "names no collection for the feed {{feed}}, which provider-metadata.json lists (CSAF 2.0 requirement 16): add it to a workspace's collections",
  },
});

export default rule;

export function checkServices(d: Distribution): CsafIssue[] {
  if (d.feeds.length === 0) return [];
  if (d.services.length === 0) return [{ path: PROVIDER_METADATA.slice(1), problem: rule.problem("noService", {}) }];
  const issues: CsafIssue[] = [];
  const named = new Set<string>();
  const own: string[] = [];
  for (const url of d.services) {
    const path = d.pathOf(url);
    if (path === undefined) continue;
    own.push(path);
    const read = d.json(path);
    const service = read?.ok && isObject(read.value) && isObject(read.value.service) ? read.value.service : undefined;
    if (service === undefined) {
      issues.push({ path, problem: rule.problem("notService", { reason: read === undefined ? "the site does not serve it" : read.ok ? 'it has no "service" object' : `it is not JSON (${read.reason})` }) });
      continue;
    }
    for (const workspace of list(service.workspace).filter(isObject)) {
      for (const collection of list(workspace.collection).filter(isObject)) if (typeof collection.href === "string") named.add(collection.href);
    }
  }
  // Each feed of this site is named by a service document of this site.
  const first = own.find((p) => !issues.some((i) => "path" in i && i.path === p));
  if (first !== undefined) {
    for (const feed of d.feeds) if (d.pathOf(feed.url) !== undefined && !named.has(feed.url)) issues.push({ path: first, problem: rule.problem("feedUnlisted", { feed: feed.url }) });
  }
  return issues;
}
