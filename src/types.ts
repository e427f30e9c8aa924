/** The vocabulary the checks share: where a problem is, how bad, and which rule found it. */

export type Severity = "error" | "warning";

/** One line of build output: `file:line:column: severity: message [rule]`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

/**
 * What a pure check reports before the glue knows the file: a rule, a message and,
 * where it helps to point at it, the offset of the offending text in the string checked.
 */
export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  /** Offset in the checked string, 0-based. */
  index?: number;
}

/** An OpenPGP fingerprint: v4 is 40 hex digits, v6 is 64. `hex` is upper case, unbroken. */
export interface Fingerprint {
  version: 4 | 6;
  hex: string;
}

/** A security contact as the site data declares it. */
export interface Contact {
  email: string;
  fingerprint: Fingerprint;
}
