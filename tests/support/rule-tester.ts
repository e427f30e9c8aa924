/**
 * Valid and invalid cases of one rule, in the shape of ESLint's RuleTester: each invalid case
 * lists every finding the check makes of it (rule, message id, line, column), so an extra or
 * a missing finding fails, and every message of the rule is shown by at least one case.
 *
 *     testRule(keyExpired, (input) => checkKeyFile(input), {
 *       valid: [{ name: "a key valid for a year", input: … }],
 *       invalid: [{ name: "a key that expired yesterday", input: …, findings: [{ messageId: "expired", line: 1, column: 1 }] }],
 *     });
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import type { Rule } from "../../src/rules/rule.ts";

export interface ExpectedFinding<MessageId extends string = string> {
  /** Another rule's id, where the case shows two rules reporting one input; the rule under test when left out. */
  rule?: string;
  messageId: MessageId;
  line: number;
  column: number;
  /** The exact message, where the case is about its wording. */
  message?: string;
}

export interface Case<Input> {
  name: string;
  input: Input;
}

export interface InvalidCase<Input, MessageId extends string> extends Case<Input> {
  findings: ExpectedFinding<MessageId>[];
}

export interface Cases<Input, MessageId extends string> {
  valid: Case<Input>[];
  invalid: InvalidCase<Input, MessageId>[];
}

/** What a check reports of one input, as placed findings. */
export type RunCheck<Input> = (input: Input) => Finding[] | Promise<Finding[]>;

export function testRule<Input, Messages extends Record<string, string>>(rule: Rule<string, Messages>, run: RunCheck<Input>, cases: Cases<Input, keyof Messages & string>): void {
  describe(`rule ${rule.id}`, () => {
    it("has at least one valid and one invalid case, and a case for each of its messages", () => {
      expect(cases.valid.length, "add a valid case").toBeGreaterThan(0);
      expect(cases.invalid.length, "add an invalid case").toBeGreaterThan(0);
      const shown = new Set(cases.invalid.flatMap((c) => c.findings.filter((f) => (f.rule ?? rule.id) === rule.id).map((f) => f.messageId)));
      expect(Object.keys(rule.messages).filter((id) => !shown.has(id)), "messages no invalid case shows").toEqual([]);
    });

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const found = (await run(c.input)).filter((f) => f.rule === rule.id);
        expect(found.map(brief)).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await run(c.input);
        const expected = c.findings.map((f) => ({ rule: f.rule ?? rule.id, messageId: f.messageId, line: f.line, column: f.column }));
        expect(found.map(brief)).toEqual(expected);
        for (const [i, f] of c.findings.entries()) {
          if (f.message !== undefined) expect(found[i]?.message).toBe(f.message);
          if ((f.rule ?? rule.id) === rule.id) expect(found[i]?.severity).toBe(rule.severity);
        }
      });
    }
  });
}

function brief(f: Finding): { rule: string; messageId: string | undefined; line: number; column: number } {
  return { rule: f.rule, messageId: f.messageId, line: f.line, column: f.column };
}

/** Line and column (1-based) of an offset in a text, for checks that report offsets. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
