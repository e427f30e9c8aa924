/**
 * csaf-hash: CSAF 2.0 requirement 18, a hash file beside each document (<file>.sha256 or
 * <file>.sha512, as sha256sum writes it: the hex digest, then the file's name) that matches the
 * document's bytes as the site serves them.
 */
import { createHash } from "node:crypto";
import type { Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-hash",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document without a .sha256 or .sha512 file beside it, or whose hash file does not match it (requirement 18).",
  disable: "no",
  messages: {
    missing: "has neither {{name}}.sha256 nor {{name}}.sha512 beside it (CSAF 2.0 requirement 18): publish its SHA-256 or SHA-512 hash file",
    mismatch: "says the {{algorithm}} of {{document}} is {{stated}}, but the document hashes to {{actual}} (CSAF 2.0 requirement 18): write the hash file from the document as published",
  },
});

export default rule;

const ALGORITHMS = [
  { suffix: ".sha256", algorithm: "sha256", name: "SHA-256" },
  { suffix: ".sha512", algorithm: "sha512", name: "SHA-512" },
] as const;

export function checkHashes(d: Distribution): CsafIssue[] {
  const issues: CsafIssue[] = [];
  for (const doc of d.documents) {
    const name = doc.path.slice(doc.path.lastIndexOf("/") + 1);
    const present = ALGORITHMS.filter((a) => d.has(`${doc.path}${a.suffix}`));
    if (present.length === 0) issues.push({ path: doc.path, problem: rule.problem("missing", { name }) });
    for (const a of present) {
      const path = `${doc.path}${a.suffix}`;
      const stated = (d.text(path) ?? "").trim().split(/\s+/)[0] ?? "";
      const actual = createHash(a.algorithm).update(doc.bytes).digest("hex");
      if (stated.toLowerCase() !== actual) issues.push({ path, problem: rule.problem("mismatch", { algorithm: a.name, document: name, stated: stated || "nothing", actual }) });
    }
  }
  return issues;
}
