/**
 * The one vocabulary for "something is wrong": a Problem is what a pure check returns about
 * the text it was given; a Finding is a problem placed in a file, as the reporter prints it.
 */
import { RULES, type RuleId, type Severity } from "../rules/registry.ts";

export type { RuleId, Severity };

/** One finding: `content/security.md:17:27: error: fingerprint … does not match … [fingerprint-mismatch]`. */
export interface Finding {
  /** The file as the author names it, relative to the build's root; or what stands in for one (`SECURITY_TXT_SIGNING_KEY`). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
}

/**
 * What a pure check reports before its caller knows the file: the rule, its severity (the
 * registry's), the message and, where it helps to point at it, where in the checked text.
 */
export interface Problem {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Offset in the checked string, 0-based. */
  index?: number;
  /** Line in the checked text, 1-based, for checks that read line by line. */
  line?: number;
  /** Texts as the author may have written them, best first, to find the line in a page's source. */
  needles?: string[];
}

/** A problem of a registered rule, at the rule's severity. */
export function problem(rule: RuleId, message: string, where: Omit<Problem, "rule" | "severity" | "message"> = {}): Problem {
  return { rule, severity: severityOf(rule), message, ...where };
}

/** A finding of a registered rule, at the rule's severity. */
export function finding(rule: RuleId, file: string, at: { line: number; column: number }, message: string): Finding {
  return { file, line: at.line, column: at.column, severity: severityOf(rule), rule, message };
}

/** The type check keeps ids registered; this keeps a caller in plain JavaScript honest too. */
function severityOf(rule: RuleId): Severity {
  if (!Object.hasOwn(RULES, rule)) throw new Error(`"${rule}" is not a registered rule id; the rules are listed in src/rules/registry.ts`);
  return RULES[rule].severity;
}

/** A problem placed in a file, at its rule's severity: the registry decides how bad a finding is. */
export function placed(p: Problem, file: string, at: { line: number; column: number }): Finding {
  return { file, line: at.line, column: at.column, severity: severityOf(p.rule), rule: p.rule, message: p.message };
}
