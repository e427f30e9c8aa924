/**
 * csaf-rolie-feed: CSAF 2.0 requirement 15, a ROLIE feed for the documents, listed in the
 * provider metadata with its TLP label, with an entry per document of that label whose links
 * (the document, its hashes, its signature) lead to files the site serves.
 */
import { entryLinks, feedEntries, isObject, PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";
import { RESTRICTED } from "./csaf-tlp-white.ts";

const rule = defineRule({
  id: "csaf-rolie-feed",
  severity: "error",
  family: "csaf",
  summary: "The provider metadata lists no ROLIE feed for the documents of a TLP label, or a feed that is not served, leaves out a document or links a file the site does not serve (requirement 15).",
  disable: "no",
  messages: {
    noFeed: "lists no ROLIE feed for the TLP:{{label}} documents the site serves ({{document}} and any others); CSAF 2.0 requirement 15 lists them in one: set \"csafProvider\" in the site data, and the build writes it",
    notFeed: "is listed in provider-metadata.json as a ROLIE feed, but {{reason}} (CSAF 2.0 requirement 15): let the build write the feed (\"csafProvider\" in the site data), or take the copied one out of the site",
    unlisted: "has no entry for {{document}}, a TLP:{{label}} document the site serves (CSAF 2.0 requirement 15): add one, or take the document out of the site",
    /** `rel`: the link's relation (self, hash, signature). */
    broken: "links {{url}} as the {{rel}} of {{id}}, but the site serves no such file (CSAF 2.0 requirement 15): publish the file, or take the link out of the entry",
  },
});

export default rule;

export function checkFeeds(d: Distribution): CsafIssue[] {
  if (d.metadataObject === undefined) return [];
  const issues: CsafIssue[] = [];
  const listed = new Map<string, Set<string>>();
  for (const feed of d.feeds) {
    const path = d.pathOf(feed.url);
    // A feed elsewhere is another host's to serve; verify fetches it.
    if (path === undefined) continue;
    const read = d.json(path);
    const entries = read?.ok ? feedEntries(read.value) : undefined;
    if (entries === undefined) {
      issues.push({ path, problem: rule.problem("notFeed", { reason: read === undefined ? "the site does not serve it" : read.ok ? 'it has no "feed" with a list of "entry"' : `it is not JSON (${read.reason})` }) });
      continue;
    }
    const label = feed.label ?? "";
    const selves = listed.get(label) ?? new Set<string>();
    listed.set(label, selves);
    for (const entry of entries) {
      if (!isObject(entry)) {
        issues.push({ path, problem: rule.problem("notFeed", { reason: "an entry is not an object" }) });
        continue;
      }
      const id = typeof entry.id === "string" ? entry.id : "(an entry without an id)";
      for (const rel of ["self", "hash", "signature"]) {
        for (const url of entryLinks(entry, rel)) {
          const target = d.pathOf(url);
          if (rel === "self" && target !== undefined) selves.add(target);
          if (target !== undefined && !d.has(target)) issues.push({ path, problem: rule.problem("broken", { url, rel, id }) });
        }
      }
    }
  }
  const feedless = new Set<string>();
  // A TLP:AMBER or TLP:RED document has no place on the site at all (csaf-tlp-restricted).
  for (const doc of d.documents.filter((x) => x.label !== undefined && !RESTRICTED.has(x.label))) {
    const label = doc.label!;
    const feed = d.feeds.find((f) => f.label === label && d.pathOf(f.url) !== undefined);
    if (feed === undefined) {
      if (!feedless.has(label)) issues.push({ path: PROVIDER_METADATA.slice(1), problem: rule.problem("noFeed", { label, document: `/${doc.path}` }) });
      feedless.add(label);
      continue;
    }
    const selves = listed.get(label);
    if (selves !== undefined && !selves.has(doc.path)) issues.push({ path: d.pathOf(feed.url)!, problem: rule.problem("unlisted", { document: `/${doc.path}`, label }) });
  }
  return issues;
}
