/**
 * What the suppression rules' cases are written in: a Markdown page's text and the findings
 * the other rules made in it. `runSuppressions` applies the page's comments to them
 * (src/rules/suppressions.ts, applySuppressions) and returns what it reports of the comments.
 */
import type { Finding } from "../../../src/findings/finding.ts";
import { applySuppressions } from "../../../src/rules/suppressions.ts";

export const FILE = "content/security.md";

export interface PageWithFindings {
  /** The page's lines. */
  lines: string[];
  /** The other rules' findings in it. */
  reported?: Finding[];
}

/** A finding of `rule` at `line` of the page (or of `file`), as another rule made it. */
export function reported(rule: string, line: number, file = FILE): Finding {
  return { file, line, column: 3, severity: "error", rule, message: `a ${rule} finding` };
}

export function page(lines: string[], ...found: Finding[]): PageWithFindings {
  return { lines, reported: found };
}

/** A page of this text, where no other rule reports anything. */
export function pageText(text: string): PageWithFindings {
  return { lines: text.replace(/\n$/, "").split("\n") };
}

export function runSuppressions(input: PageWithFindings): Finding[] {
  return applySuppressions(FILE, `${input.lines.join("\n")}\n`, input.reported ?? []).findings;
}
