/**
 * The one reporter: prints a build's findings and notices in the format asked for, as
 * linters' formatters do. `text` is one line per finding on standard error; `json` is one
 * JSON array on standard output (notices go to standard error, so the output parses);
 * `github` is GitHub Actions workflow commands on standard output, which put each finding
 * on the pull request's diff.
 */
import type { Finding } from "./finding.ts";
import type { Notice, Report } from "./collector.ts";

export const OUTPUT_FORMATS = ["text", "json", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Where the reporter writes: standard output and standard error, or a test's own. */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `content/security.md:17:27: error: fingerprint … does not match … [fingerprint-mismatch]` */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
}

/** `notice: …`, or `content/security.md:17:27: notice: fingerprint-malformed turned off here by …` */
export function formatNotice(n: Notice): string {
  return n.at ? `${n.at.file}:${n.at.line}:${n.at.column}: notice: ${n.message}` : `notice: ${n.message}`;
}

/** The findings as JSON: an array of { file, line, column, severity, rule, message }. */
export function formatJson(findings: Finding[]): string {
  return `${JSON.stringify(findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })), null, 2)}\n`;
}

/** `::error file=…,line=…,col=…,title=<rule>::<message>`, escaped as the runner reads them. */
export function formatGithub(f: Finding): string {
  return `::${f.severity} file=${property(f.file)},line=${f.line},col=${f.column},title=${property(f.rule)}::${data(f.message)}`;
}

export function formatGithubNotice(n: Notice): string {
  const where = n.at ? ` file=${property(n.at.file)},line=${n.at.line},col=${n.at.column},title=${property("turned off")}` : "";
  return `::notice${where}::${data(n.message)}`;
}

// The runner's escapes for workflow commands: in the message, "%", CR and LF; in a property also ":" and ",".
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function summarize(report: Pick<Report, "errors" | "warnings">): string {
  const { errors, warnings } = report;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Prints one build's report once, in one format. */
export function printReport(report: Report, format: OutputFormat, streams: Streams): void {
  const lines = (list: string[]) => (list.length === 0 ? "" : `${list.join("\n")}\n`);
  if (format === "json") {
    streams.stdout(formatJson(report.findings));
    const notices = lines(report.notices.map(formatNotice));
    if (notices) streams.stderr(notices);
    return;
  }
  if (format === "github") {
    const out = lines([...report.findings.map(formatGithub), ...report.notices.map(formatGithubNotice)]);
    if (out) streams.stdout(out);
    return;
  }
  const findings = lines(report.findings.map(formatFinding));
  if (findings) streams.stderr(findings);
  // Notices go where the build's own progress goes: standard output.
  const notices = lines(report.notices.map(formatNotice));
  if (notices) streams.stdout(notices);
}
