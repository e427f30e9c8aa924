import type { Finding } from "../../src/findings/finding.ts";
import { RULES, type RuleId } from "../../src/rules/registry.ts";

/** A finding of a registered rule with a message of the test's own, for tests of what handles findings (reporter, collector, suppressions). */
export function findingOf(rule: RuleId, file: string, at: { line: number; column: number }, message: string): Finding {
  return { file, line: at.line, column: at.column, severity: RULES[rule].severity, rule, message };
}
