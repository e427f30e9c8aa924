/**
 * csaf-changes: CSAF 2.0 requirement 13, a changes.csv in each TLP folder: for every document its
 * path below the folder and its current_release_date, each in double quotes, the newest change
 * first. A client that mirrors the folder reads it to fetch only what changed.
 */
import { tlpFolders, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-changes",
  severity: "error",
  family: "csaf",
  summary: "A folder of CSAF documents without a changes.csv, or whose changes.csv has a line that is not a path and a date, leaves out a document, gives it another date, lists one that is not there, or is not newest first (requirement 13).",
  disable: "no",
  messages: {
    missing: "is not published, though {{folder}} holds CSAF documents; CSAF 2.0 requirement 13 lists each with its current_release_date in it, newest first",
    unlisted: "does not list {{document}}, which the folder holds (CSAF 2.0 requirement 13): add the line {{line}}",
    wrongDate: "gives {{document}} the date {{listed}}, but its current_release_date is {{date}} (CSAF 2.0 requirement 13): write {{date}}",
    notThere: "lists {{document}}, but the folder has no such document (CSAF 2.0 requirement 13): remove the line",
    /** `text`: the line as written, JSON-quoted. */
    malformed: "has the line {{text}}, which is not a document's path and date, each in double quotes and separated by a comma (CSAF 2.0 requirement 13): write it as \"2025/example-2025-001.json\",\"2025-03-04T10:00:00Z\"",
    order: "lists {{document}} ({{date}}) after {{previous}}, which changed earlier; CSAF 2.0 requirement 13 lists the newest change first: sort the lines by date, newest first",
  },
});

export default rule;

/** A line of changes.csv: `"2026/x.json","2026-12-01T10:00:00.000Z"`. */
const LINE = /^"([^"]*)","([^"]*)"$/;

export function checkChanges(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  for (const [folder, docs] of tlpFolders(d)) {
    const path = `${folder}changes.csv`;
    const text = d.text(path);
    if (text === undefined) {
      issues.push({ path, problem: rule.problem("missing", { folder: `/${folder}` }) });
      continue;
    }
    const rows: Array<{ line: number; relative: string; date: string }> = [];
    text.split("\n").forEach((raw, i) => {
      const line = raw.replace(/\r$/, "");
      const m = LINE.exec(line);
      if (m) rows.push({ line: i + 1, relative: m[1]!, date: m[2]! });
      else if (line !== "") issues.push({ path, problem: rule.problem("malformed", { text: JSON.stringify(line) }, { line: i + 1 }) });
    });
    const byPath = new Map(docs.map((x) => [x.relative, x.doc]));
    for (const { relative, doc } of docs) {
      if (!rows.some((r) => r.relative === relative)) issues.push({ path, problem: rule.problem("unlisted", { document: `/${folder}${relative}`, line: `"${relative}","${doc.currentReleaseDate ?? ""}"` }) });
    }
    let previous: { relative: string; time: number } | undefined;
    for (const row of rows) {
      const doc = byPath.get(row.relative);
      const at = { line: row.line };
      if (doc === undefined) {
        issues.push({ path, problem: rule.problem("notThere", { document: row.relative }, at) });
        continue;
      }
      if (doc.currentReleaseDate !== undefined && Date.parse(row.date) !== Date.parse(doc.currentReleaseDate)) {
        issues.push({ path, problem: rule.problem("wrongDate", { document: row.relative, listed: row.date, date: doc.currentReleaseDate }, at) });
      }
      const time = Date.parse(row.date);
      if (previous !== undefined && time > previous.time) issues.push({ path, problem: rule.problem("order", { document: row.relative, date: row.date, previous: previous.relative }, at) });
      if (!Number.isNaN(time)) previous = { relative: row.relative, time };
    }
  }
  return issues;
}
