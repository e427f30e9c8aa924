/**
 * csaf-tlp-white: CSAF 2.0 requirement 4, the TLP:WHITE documents where anyone can read them.
 * Everything a static site serves is public; what a build can check is that each TLP:WHITE
 * document is in a folder the provider metadata lists, so a client finds it, and that such a
 * folder holds TLP:WHITE documents only. verify fetches them without credentials.
 */
import { folderOf, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-tlp-white",
  severity: "error",
  family: "csaf",
  summary: "A TLP:WHITE CSAF document outside the folders the provider metadata lists, or a folder of them that holds a document labelled otherwise (requirement 4).",
  disable: "no",
  messages: {
    unlisted: "is labelled TLP:WHITE, but provider-metadata.json lists no folder it is in ({{folders}}), so no client finds it (CSAF 2.0 requirement 4): move it into a listed folder, or take it out of the site",
    /** `label`: the document's label, or "no label". */
    mixed: "is in {{folder}}, with the TLP:WHITE documents, but is labelled {{label}} (CSAF 2.0 requirement 4): label it WHITE if anyone may read it, or take it out of the site",
  },
});

export default rule;

/** TLP labels that requirement 5 keeps from the public: csaf-tlp-restricted reports them. */
export const RESTRICTED = new Set(["AMBER", "RED"]);

export function checkWhite(d: Distribution): CsafIssue[] {
  const folders = d.directories.flatMap((url) => {
    const path = d.pathOf(url);
    return path === undefined ? [] : [path.endsWith("/") ? path : `${path}/`];
  });
  const issues: CsafIssue[] = [];
  for (const doc of d.documents.filter((x) => x.read.ok)) {
    const folder = folders.find((f) => doc.path.startsWith(f));
    if (doc.label === "WHITE" && folder === undefined) {
      issues.push({ path: doc.path, problem: rule.problem("unlisted", { folders: folders.length > 0 ? folders.map((f) => `/${f}`).join(", ") : "it lists none" }) });
    } else if (doc.label !== "WHITE" && folder !== undefined && !RESTRICTED.has(doc.label ?? "")) {
      issues.push({ path: doc.path, problem: rule.problem("mixed", { folder: `/${folderOf(doc.path)}`, label: doc.label === undefined ? "no label" : `TLP:${doc.label}` }) });
    }
  }
  return issues;
}
