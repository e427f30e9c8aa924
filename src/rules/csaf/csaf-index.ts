/**
 * csaf-index: CSAF 2.0 requirement 12, an index.txt in each TLP folder listing every document in
 * it by its path below the folder ("2026/example-2026-001.json"), one per line, and nothing else.
 */
import { tlpFolders, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-index",
  severity: "error",
  family: "csaf",
  summary: "A folder of CSAF documents without an index.txt, or whose index.txt leaves out a document or lists one that is not there (requirement 12).",
  disable: "no",
  messages: {
    missing: "is not published, though {{folder}} holds CSAF documents; CSAF 2.0 requirement 12 lists them in it, one per line",
    unlisted: "does not list {{document}}, which the folder holds (CSAF 2.0 requirement 12): add the line {{line}}, or take the document out of the folder",
    notThere: "lists {{line}}, but the folder has no such document (CSAF 2.0 requirement 12): remove the line",
  },
});

export default rule;

export function checkIndex(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  for (const [folder, docs] of tlpFolders(d)) {
    const path = `${folder}index.txt`;
    const text = d.text(path);
    if (text === undefined) {
      issues.push({ path, problem: rule.problem("missing", { folder: `/${folder}` }) });
      continue;
    }
    const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
    const listed = new Set(lines);
    for (const { relative } of docs) if (!listed.has(relative)) issues.push({ path, problem: rule.problem("unlisted", { document: `/${folder}${relative}`, line: relative }) });
    const held = new Set(docs.map((x) => x.relative));
    lines.forEach((line, i) => {
      if (line !== "" && !held.has(line)) issues.push({ path, problem: rule.problem("notThere", { line }, { line: i + 1 }) });
    });
  }
  return issues;
}
