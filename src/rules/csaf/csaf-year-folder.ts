/**
 * csaf-year-folder: CSAF 2.0 requirement 11, each document in a folder named for "the year given
 * in the value of /document/tracking/initial_release_date": the year as written, in the date's
 * own zone, inside its TLP folder: white/2026/example-2026-001.json.
 */
import { CSAF_PATH, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-year-folder",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document that is not in the folder of the year of its initial release (requirement 11).",
  disable: "no",
  messages: {
    wrongFolder: "was first released on {{date}}, so CSAF 2.0 requirement 11 puts it in the folder {{year}}: move it to {{expected}}",
  },
});

export default rule;

export function checkYearFolders(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  for (const doc of d.documents) {
    const year = /^(\d{4})-\d{2}-\d{2}T/.exec(doc.initialReleaseDate ?? "")?.[1];
    // A date that is not one is the schema's to report (csaf-document-invalid).
    if (year === undefined) continue;
    // .well-known/csaf/<tlp folder>/<year>/<file>
    const [folder, ...rest] = doc.path.slice(CSAF_PATH.length - 1).split("/");
    const name = rest.at(-1)!;
    if (rest.length === 2 && rest[0] === year) continue;
    issues.push({ path: doc.path, problem: rule.problem("wrongFolder", { date: doc.initialReleaseDate!, year, expected: `${CSAF_PATH}${folder}/${year}/${name}` }) });
  }
  return issues;
}
