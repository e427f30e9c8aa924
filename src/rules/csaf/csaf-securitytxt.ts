/**
 * csaf-securitytxt: CSAF 2.0 requirement 8, security.txt names the provider metadata in a CSAF
 * field. Requirements 8, 9 and 10 are three ways to find it, of which a provider needs one; the
 * build publishes two (this and the well-known URL, csaf-well-known), and holds each to its word.
 */
import { PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import { parseSecurityTxt, SECURITY_TXT_PATH } from "../../formats/security-txt.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-securitytxt",
  severity: "error",
  family: "csaf",
  summary: "The site publishes CSAF provider metadata, but its security.txt has no CSAF field with that URL (requirement 8).",
  disable: "no",
  messages: {
    noField: "has no CSAF field with {{url}}, the provider metadata this site publishes; CSAF 2.0 requirement 8 lets a client find it there: add the URL to the site data's \"csaf\" list, or set \"csafProvider\", which adds it",
  },
});

export default rule;

export function checkSecurityTxtField(d: Distribution): CsafIssue[] {
  const path = SECURITY_TXT_PATH.slice(1);
  const text = d.text(path);
  if (d.metadata === undefined || text === undefined) return [];
  const url = `${d.site}${PROVIDER_METADATA}`;
  const named = parseSecurityTxt(text).fields.some((f) => f.name.toLowerCase() === "csaf" && f.value === url);
  return named ? [] : [{ path, problem: rule.problem("noField", { url }) }];
}
