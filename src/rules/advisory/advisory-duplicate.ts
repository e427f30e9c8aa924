/**
 * advisory-duplicate: an id or alias that an advisory read before (or the same one) already
 * uses. The ids and aliases are registered file by file, in the order the files are checked.
 */
import type { Position } from "../../formats/json.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-duplicate",
  severity: "error",
  family: "advisory",
  summary: "An id or alias that another advisory (or the same one) already uses.",
  disable: "no",
  messages: {
    alreadyId: "{{value}} is already the id of the advisory in {{file}}:{{line}}: an id or alias names one advisory",
    alreadyAlias: "{{value}} is already the alias of the advisory in {{file}}:{{line}}: an id or alias names one advisory",
  },
});

export default rule;

/** Each id and alias, with where it was first written, to find one written twice. */
export class AdvisoryNames {
  readonly #seen = new Map<string, { file: string; at: Position; as: "id" | "alias" }>();

  /** Registers `value`, written at `at` in `file` as an id or an alias; a finding where it was written before. */
  add(value: string, as: "id" | "alias", file: string, at: Position): Finding | undefined {
    const first = this.#seen.get(value);
    if (!first) {
      this.#seen.set(value, { file, at, as });
      return undefined;
    }
    return rule.finding(first.as === "id" ? "alreadyId" : "alreadyAlias", { value, file: first.file, line: first.at.line }, file, at);
  }
}
