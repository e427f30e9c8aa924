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
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import type { Rule } from "../../src/rules/rule.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ExpectedFinding<MessageId extends string = string> = Place & ({ rule?: undefined; messageId: MessageId } | OtherRuleFinding);

/** A finding of another rule, where the case shows two rules reporting one input. */
interface OtherRuleFinding {
  rule: string;
  messageId: string;
}

interface Place {
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
  /**
   * Turns the input block of the rule's doc page (docs/rules/<id>.md, "## Example": a fenced
   * block whose info string is `<language> input <file>`) into this rule's input. The page's
   * findings (the ```text block after the input) must be exactly what the check prints for it,
   * placed in the file the info string names. A page whose rule reads several files has an
   * input block for each, all handed over as `blocks`; a finding the check places in one of
   * their files is printed there.
   */
  example: (text: string, language: string, blocks: ExampleBlock[]) => Input;
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

    it(`the example on docs/rules/${rule.id}.md prints the findings the page shows`, async () => {
      const example = docExample(rule.id);
      const found = await run(cases.example(example.input, example.language, example.blocks));
      expect(found.length, "the example's input must make at least one finding").toBeGreaterThan(0);
      const named = new Set(example.blocks.map((b) => b.file));
      expect(found.map((f) => printed1(named.has(f.file) ? f : { ...f, file: example.file }))).toEqual(example.findings);
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

/** A finding as the build prints it. */
function printed1(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
}

/** An input block of a doc page's example: the text of one file. */
export interface ExampleBlock {
  language: string;
  file: string;
  text: string;
}

/**
 * The example of a rule's doc page: its input blocks (the first is `input`, `language` and
 * `file`), and the findings it shows. The case runner places findings in a file of its own; the
 * page names the file a reader would have (```markdown input content/security.md), and the
 * findings are printed there.
 */
export function docExample(id: string): { input: string; language: string; file: string; blocks: ExampleBlock[]; findings: string[] } {
  const file = path.join(ROOT, "docs/rules", `${id}.md`);
  const page = readFileSync(file, "utf8");
  // The section ends at the next heading of its level, outside a fenced block.
  const start = /^## Example\n/m.exec(page);
  if (start === null) throw new Error(`docs/rules/${id}.md has no "## Example" section`);
  const section = untilNextSection(page.slice(start.index + start[0].length));
  const blocks: ExampleBlock[] = [];
  let rest = section;
  for (let input = /^```(\w+) input ([^\s`]+)\n([\s\S]*?)^```$/m.exec(rest); input !== null; input = /^```(\w+) input ([^\s`]+)\n([\s\S]*?)^```$/m.exec(rest)) {
    blocks.push({ language: input[1]!, file: input[2]!, text: input[3]! });
    rest = rest.slice(input.index + input[0].length);
  }
  const first = blocks[0];
  if (first === undefined) throw new Error(`docs/rules/${id}.md: its Example has no input block; write one as \`\`\`markdown input content/security.md (the language, "input", and the file it stands for)`);
  const output = /^```text\n([\s\S]*?)^```$/m.exec(rest);
  if (output === null) throw new Error(`docs/rules/${id}.md: its Example has no \`\`\`text block of findings after the input`);
  return { language: first.language, file: first.file, input: first.text, blocks, findings: output[1]!.split("\n").filter((line) => line !== "") };
}

/** The text up to the next "## " heading that is not inside a fenced block. */
function untilNextSection(text: string): string {
  let fenced = false;
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    else if (!fenced && line.startsWith("## ")) return text.slice(0, at);
    at += line.length + 1;
  }
  return text;
}

function brief(f: Finding): { rule: string; messageId: string | undefined; line: number; column: number } {
  return { rule: f.rule, messageId: f.messageId, line: f.line, column: f.column };
}

/** Line and column (1-based) of an offset in a text, for checks that report offsets. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
