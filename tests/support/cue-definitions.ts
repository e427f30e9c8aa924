/**
 * The definitions of a CUE schema as far as OpenSSF Security Insights' schema.cue writes them:
 * `#Name: <regular expression or time.Format>` and `#Name: { field: type, optional?: type }`,
 * one field a line, comments on lines of their own, Go annotations `@go(...)` after the type. Enough to
 * hold a JSON Schema translation to the published CUE field by field; not a CUE evaluator.
 */

export interface CueField {
  name: string;
  optional: boolean;
  /** The type as written, annotations taken off: `string`, `bool`, `#URL`, `[#Contact, ...]`, `[...string]`. */
  type: string;
}

export type CueDefinition = { kind: "struct"; fields: CueField[] } | { kind: "regexp"; pattern: string } | { kind: "time"; layout: string } | { kind: "other"; text: string };

/** The top-level definitions, by name without `#`. A struct nested in a field is its type's text (`{`), not read further. */
export function cueDefinitions(text: string): Map<string, CueDefinition> {
  // A comment is a line of its own here; a // inside a regular expression (https?://) is not one.
  const lines = text.split("\n").map((l) => l.replace(/^\s*\/\/.*$/, "").replace(/\s*@go\([^)]*\)\s*$/, "").trimEnd());
  const definitions = new Map<string, CueDefinition>();
  for (let i = 0; i < lines.length; i++) {
    const head = /^#(\w+):\s*(.*)$/.exec(lines[i]!);
    if (!head) continue;
    const [, name, rest] = head as unknown as [string, string, string];
    if (rest === "{") {
      const fields: CueField[] = [];
      let depth = 1;
      for (i++; i < lines.length && depth > 0; i++) {
        const line = lines[i]!.trim();
        if (depth === 1) {
          const field = /^("[^"]+"|[\w-]+)(\?)?:\s*(.+)$/.exec(line);
          if (field) fields.push({ name: field[1]!.replace(/^"|"$/g, ""), optional: field[2] === "?", type: field[3]!.trim() });
        }
        depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      }
      i--;
      definitions.set(name, { kind: "struct", fields });
    } else if (rest.startsWith('=~"')) {
      // A CUE string escapes a backslash as JSON does.
      definitions.set(name, { kind: "regexp", pattern: JSON.parse(rest.slice(2)) as string });
    } else if (rest.startsWith("time.Format(")) {
      definitions.set(name, { kind: "time", layout: JSON.parse(rest.slice("time.Format(".length, -1)) as string });
    } else {
      definitions.set(name, { kind: "other", text: rest });
    }
  }
  return definitions;
}
