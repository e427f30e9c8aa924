/**
 * csaf-well-known: CSAF 2.0 requirement 9, provider-metadata.json at
 * https://<domain>/.well-known/csaf/provider-metadata.json, and its canonical_url saying so. A
 * site published under a path cannot serve the host's well-known folder.
 */
import { PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-well-known",
  severity: "error",
  family: "csaf",
  summary: "The provider metadata is not at the host's /.well-known/csaf/provider-metadata.json, or its canonical_url names another URL (requirement 9).",
  disable: "no",
  messages: {
    notAtRoot: "is served at {{url}}, not at {{expected}}, where CSAF 2.0 requirement 9 has clients look: publish the site at the root of its host and set the site data's \"url\" to {{origin}}",
    canonical: "says its canonical_url is {{stated}}, but it is served at {{url}} (CSAF 2.0 requirement 9): set canonical_url to {{url}}",
  },
});

export default rule;

/** Whether two URLs name the same place; a URL that does not parse names none. */
function sameUrl(a: string, b: string): boolean {
  return URL.canParse(a) && new URL(a).href === new URL(b).href;
}

export function checkWellKnown(d: Distribution): CsafIssue[] {
  if (d.metadata === undefined) return [];
  const path = PROVIDER_METADATA.slice(1);
  const url = `${d.site}${PROVIDER_METADATA}`;
  const origin = new URL(d.site).origin;
  const expected = `${origin}${PROVIDER_METADATA}`;
  // Compared as URLs: a host in capitals or the default port written out is the same place.
  if (new URL(url).href !== new URL(expected).href) return [{ path, problem: rule.problem("notAtRoot", { url, expected, origin }) }];
  const stated = d.metadataObject?.canonical_url;
  // A canonical_url that is missing or no string is the schema's to report (csaf-provider-metadata).
  return typeof stated === "string" && !sameUrl(stated, url) ? [{ path, problem: rule.problem("canonical", { stated, url: expected }) }] : [];
}
