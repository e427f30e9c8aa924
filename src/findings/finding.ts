/**
 * The one vocabulary for "something is wrong": a Problem is what a rule reports about the text
 * it was given; a Finding is a problem placed in a file, as the reporter prints it. Which rules
 * exist, and how bad each is, the rules decide (src/rules/registry.ts).
 */

/**
 * How bad a finding is: an error fails the build, a warning fails it under --strict, and a
 * notice never does: it says what the checks could not read (GitHub's annotation levels).
 */
export type Severity = "error" | "warning" | "notice";

/** One finding: `content/security.md:17:27: error: fingerprint … does not match … [fingerprint-mismatch]`. */
export interface Finding {
  /** The file as the author names it, relative to the build's root; or what stands in for one (`SECURITY_TXT_SIGNING_KEY`). */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** The rule's id. */
  rule: string;
  /** Which of the rule's messages this is. */
  messageId?: string;
  message: string;
}

/** Where in the checked text a problem is, as far as the check knows. */
export interface Where {
  /** Offset in the checked string, 0-based. */
  index?: number;
  /** Line in the checked text, 1-based, for checks that read line by line. */
  line?: number;
  /** Texts as the author may have written them, best first, to find the line in a page's source. */
  needles?: string[];
}

/** What a rule reports before its caller knows the file: the rule, its severity, the message and where. */
export interface Problem extends Where {
  rule: string;
  messageId?: string;
  severity: Severity;
  message: string;
}

/** A problem placed in a file. */
export function placed(p: Problem, file: string, at: { line: number; column: number }): Finding {
  return { file, line: at.line, column: at.column, severity: p.severity, rule: p.rule, ...(p.messageId !== undefined ? { messageId: p.messageId } : {}), message: p.message };
}
