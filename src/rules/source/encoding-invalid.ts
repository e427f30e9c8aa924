/**
 * encoding-invalid: a page file that is not UTF-8, at its first bad byte, which the finding
 * names in hex.
 */
import type { Finding } from "../../findings/finding.ts";
import { firstInvalidUtf8 } from "../../findings/locate.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "encoding-invalid",
  severity: "error",
  family: "text",
  summary: "A page file that is not UTF-8, at its first bad byte.",
  disable: "no",
  messages: {
    notUtf8: "byte 0x{{byte}} is not UTF-8: the file was saved in another encoding (Windows-1252 or Latin-1, most likely); save it as UTF-8",
  },
});

export default rule;

/** A finding at the first byte of `bytes` that is not UTF-8; none when all of them are. */
export function invalidEncoding(file: string, bytes: Uint8Array): Finding | undefined {
  const bad = firstInvalidUtf8(bytes);
  if (!bad) return undefined;
  const byte = bad.byte.toString(16).toUpperCase().padStart(2, "0");
  return rule.finding("notUtf8", { byte }, file, { line: bad.line, column: bad.column });
}
