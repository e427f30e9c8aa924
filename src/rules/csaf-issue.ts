/** What the csaf rules (src/rules/csaf/) report, before src/rules/csaf.ts places it. */
import type { Problem } from "../findings/finding.ts";

/** A problem of a csaf rule: in a served file (its path under the output folder), or in the advisory a document is made from. */
export type CsafIssue = { problem: Problem } & ({ path: string } | { file: string });

/** Which advisory made which document: for the findings an author fixes in the advisory. */
export interface DocumentSource {
  id: string;
  /** The advisory's file, as findings name it. */
  file: string;
  /** The document's path under the output folder. */
  path: string;
}
