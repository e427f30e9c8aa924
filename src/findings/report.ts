import path from "node:path";
import type { Finding } from "../types.ts";

/** How a finding names a file: relative to where the build runs, as the author types it. */
export function findingPath(p: string): string {
  return path.relative(process.cwd(), path.resolve(p)) || p;
}

/** `content/security.md:17:27: error: fingerprint … does not match … [fingerprint-mismatch]` */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** With `strict`, a warning fails the build like an error, and says so. */
export function applyStrict(findings: Finding[], strict: boolean): Finding[] {
  if (!strict) return findings;
  return findings.map((f) => (f.severity === "warning" ? { ...f, severity: "error", message: `${f.message} (a warning, failing the build under --strict)` } : f));
}

export function summarize(findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Thrown when the checks found errors: the build stops, and nothing it made is kept. */
export class ChecksFailed extends Error {
  constructor(readonly findings: Finding[]) {
    super(`the policy checks found ${summarize(findings)}`);
    this.name = "ChecksFailed";
  }
}
