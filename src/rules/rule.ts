/**
 * What a rule module is: its id, how bad a finding of it is by default, its family, a one-line
 * summary, who may turn it off, and its messages by message id, as ESLint's `meta.messages`.
 * A message's placeholders are written `{{name}}`; the type of `problem()` and `finding()`
 * asks for exactly the values a message names, so a missing value does not compile.
 */
import type { Finding, Problem, Severity, Where } from "../findings/finding.ts";
import type { FormatProblem } from "../formats/problem.ts";

export type { Severity };

export type RuleFamily =
  | "fingerprint"
  | "key"
  | "keyserver"
  | "mailto"
  | "link"
  | "text"
  | "anchor"
  | "page"
  | "data"
  | "security.txt"
  | "signing"
  | "publish"
  | "build"
  | "deployed"
  | "translation"
  | "advisory"
  | "csaf"
  | "suppression";

/**
 * Who may turn a rule off: a comment in the page where it reports ("page"), nobody ("no"), and
 * nobody ever, because the rule keeps a secret from being published ("secret").
 */
export type Disable = "page" | "no" | "secret";

/** The names between `{{` and `}}` in a message. */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type Values<S extends string> = [Placeholders<S>] extends [never] ? Record<string, never> : { readonly [K in Placeholders<S>]: string | number };

export interface RuleDefinition<Id extends string, Messages extends Record<string, string>> {
  id: Id;
  severity: Severity;
  family: RuleFamily;
  /** One line: what the rule catches (the rules table and the doc page's first paragraph). */
  summary: string;
  disable: Disable;
  messages: Messages;
}

export interface Rule<Id extends string = string, Messages extends Record<string, string> = Record<string, string>> extends RuleDefinition<Id, Messages> {
  /** Whether `<!-- policy-checks-disable … -->` in a page may turn the rule off. */
  canDisable: boolean;
  /** The rule keeps a secret from being published: a comment that names it is an error. */
  keepsSecret: boolean;
  /** The message `messageId` with its values put in. */
  message<M extends keyof Messages & string>(messageId: M, values: Values<Messages[M]>): string;
  /** A problem of this rule, before its caller knows the file. */
  problem<M extends keyof Messages & string>(messageId: M, values: Values<Messages[M]>, where?: Where): Problem;
  /** A finding of this rule in `file`, at `at`. */
  finding<M extends keyof Messages & string>(messageId: M, values: Values<Messages[M]>, file: string, at: { line: number; column: number }): Finding;
  /** A parser's problem, told in this rule's words: its code is one of the rule's message ids. */
  fromFormat(p: FormatProblem<keyof Messages & string>): Problem;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** `{{name}}` replaced by `values.name`; a placeholder without a value is a mistake in our code, and throws. */
export function fill(template: string, values: Readonly<Record<string, string | number>>, where: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`${where}: no value for {{${name}}}`);
    return String(values[name]);
  });
}

export function defineRule<const Id extends string, const Messages extends Record<string, string>>(definition: RuleDefinition<Id, Messages>): Rule<Id, Messages> {
  const { id, severity, disable, messages } = definition;
  const message = (messageId: string, values: Readonly<Record<string, string | number>>): string => {
    if (!Object.hasOwn(messages, messageId)) throw new Error(`rule ${id} has no message "${messageId}"; its messages are ${Object.keys(messages).join(", ")}`);
    return fill(messages[messageId]!, values, `rule ${id}, message ${messageId}`);
  };
  const problem = (messageId: string, values: Readonly<Record<string, string | number>>, where: Where = {}): Problem => ({
    rule: id,
    messageId,
    severity,
    message: message(messageId, values),
    ...where,
  });
  return {
    ...definition,
    canDisable: disable === "page",
    keepsSecret: disable === "secret",
    message,
    problem,
    finding: (messageId, values, file, at) => ({ file, line: at.line, column: at.column, severity, rule: id, messageId, message: message(messageId, values) }),
    fromFormat: (p) => problem(p.code, p.values, { ...(p.index !== undefined ? { index: p.index } : {}), ...(p.line !== undefined ? { line: p.line } : {}) }),
  } as Rule<Id, Messages>;
}
