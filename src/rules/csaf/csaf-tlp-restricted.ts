/**
 * csaf-tlp-restricted: CSAF 2.0 requirement 5, TLP:AMBER and TLP:RED documents only behind
 * access control. A static site serves every file to anyone, so such a document in its output
 * has leaked as soon as it is deployed.
 */
import type { Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";
import { RESTRICTED } from "./csaf-tlp-white.ts";

const rule = defineRule({
  id: "csaf-tlp-restricted",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document labelled TLP:AMBER or TLP:RED in the site's output, which anyone could read (requirement 5).",
  disable: "no",
  messages: {
    published: "is labelled TLP:{{label}}, which CSAF 2.0 requirement 5 serves only behind access control, and everything this site publishes can be read by anyone: take it out of the site and serve it from a protected place",
  },
});

export default rule;

export function checkRestricted(d: Distribution): CsafIssue[] {
  return d.documents.filter((doc) => RESTRICTED.has(doc.label ?? "")).map((doc) => ({ path: doc.path, problem: rule.problem("published", { label: doc.label! }) }));
}
