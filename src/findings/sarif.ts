/**
 * The SARIF 2.1.0 reporter (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/), beside
 * text, json and github: one log with one run, which code scanning (GitHub's, among others)
 * shows as alerts on the lines they are about. What each rule is comes from the caller, as this
 * layer knows findings, not rules.
 */
import type { Report } from "./collector.ts";
import type { Finding, Severity } from "./finding.ts";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The tool as SARIF's `tool.driver` names it. */
export interface SarifTool {
  name: string;
  version: string;
  /** Where the tool is described: an absolute URI. */
  informationUri: string;
}

/** What a rule is, for `tool.driver.rules`. */
export interface SarifRule {
  id: string;
  /** One line: what the rule catches. */
  summary: string;
  /** Its documentation page: an absolute URI. */
  helpUri: string;
}

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", notice: "note" };

/** A finding's file as SARIF's artifactLocation.uri: relative to the working folder, each segment percent-encoded. */
function artifactUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** The report as a SARIF log: each finding a result at its file, line and column; each notice a tool execution notification. */
export function formatSarif(report: Report, tool: SarifTool, describe: (rule: string) => SarifRule | undefined): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => describe(id) ?? { id, summary: id, helpUri: tool.informationUri });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((r) => ({ id: r.id, shortDescription: { text: r.summary }, helpUri: r.helpUri })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notices.map((n) => ({
              level: "note",
              message: { text: n.message },
              ...(n.at ? { locations: [location({ file: n.at.file, line: n.at.line, column: n.at.column })] } : {}),
            })),
          },
        ],
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: LEVELS[f.severity],
          message: { text: f.message },
          locations: [location(f)],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(f: Pick<Finding, "file" | "line" | "column">) {
  return { physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) } } };
}
