/**
 * strings-invalid: reads one language's interface strings (`content/_data/strings/<lang>.json`),
 * which must be one JSON object from key to a text that is not empty, each key written once.
 * Pure: the file's text in, its strings and findings out.
 */
import { JsonSyntaxError, parseJsonWithPositions, type Position } from "../../formats/json.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "strings-invalid",
  severity: "error",
  family: "translation",
  summary: "An interface strings file that is not valid JSON, writes a key twice, or holds something other than texts.",
  disable: "no",
  messages: {
    notJson: "{{file}} is not valid JSON: {{error}}",
    duplicateKey: '"{{key}}" is written twice (first at line {{line}}); keep one, so it is clear which text the pages show',
    notObject: '{{file}} must be one object of interface strings, e.g. { "copy": "Copy" }',
    notText: '"{{key}}" must be a text, not {{value}}; write the words the page shows',
  },
});

export default rule;

export interface StringsFile {
  lang: string;
  /** As findings name it. */
  file: string;
  strings: Record<string, string>;
  /** Where each key stands. */
  positions: Map<string, Position>;
}

/** Reads one language's strings: an object of strings, each key once. */
export function readStringsFile(lang: string, file: string, text: string): { strings?: StringsFile; findings: Finding[] } {
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { findings: [rule.finding("notJson", { file, error: error.message }, file, error.position)] };
  }
  const { value, positions, duplicates } = located;
  const findings: Finding[] = duplicates.map((d) => rule.finding("duplicateKey", { key: d.path, line: d.first.line }, file, d.position));
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { findings: [...findings, rule.finding("notObject", { file }, file, { line: 1, column: 1 })] };
  }
  const strings: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text === "string" && text.trim() !== "") strings[key] = text;
    else findings.push(rule.finding("notText", { key, value: JSON.stringify(text) }, file, positions.get(key) ?? { line: 1, column: 1 }));
  }
  return { strings: { lang, file, strings, positions }, findings };
}
