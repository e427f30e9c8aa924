/**
 * csaf-filename: CSAF 2.0 requirement 2, each document's file named after its tracking id as
 * section 5.1 says: in lower case, every run of characters other than letters, digits, "+" and
 * "-" written "_", then ".json". The build names its own documents so; a document copied into
 * the folder may not be. (Two advisories cannot make one file: their ids follow OSV's prefixes
 * and are unique, which advisory-id and advisory-duplicate see to.)
 */
import { csafFileName, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-filename",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document whose file is not named after its tracking id (requirement 2).",
  disable: "no",
  messages: {
    mismatch: "is named {{name}}, but its tracking id {{id}} names it {{expected}} (CSAF 2.0 section 5.1, requirement 2): rename the file {{expected}}",
  },
});

export default rule;

export function checkFileNames(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  for (const doc of d.documents) {
    if (doc.id === undefined) continue;
    const name = doc.path.slice(doc.path.lastIndexOf("/") + 1);
    const expected = csafFileName(doc.id);
    if (name !== expected) issues.push({ path: doc.path, problem: rule.problem("mismatch", { name, id: doc.id, expected }) });
  }
  return issues;
}
