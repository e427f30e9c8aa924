/**
 * What a parser found wrong, in neutral terms: a code, the values that describe it, and where
 * in the text it was given. A parser does not know which rule reports it, how bad it is or how
 * to word it; the rule that uses the parser does (src/rules/<family>/<id>.ts, whose message
 * ids are these codes).
 */
export interface FormatProblem<Code extends string = string> {
  code: Code;
  values: Readonly<Record<string, string | number>>;
  /** Offset in the text parsed, 0-based. */
  index?: number;
  /** Line in the text parsed, 1-based, for parsers that read line by line. */
  line?: number;
}
