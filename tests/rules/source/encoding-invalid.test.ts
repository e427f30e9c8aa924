/**
 * encoding-invalid on page files: a byte that is not UTF-8 is named in hex at its line and
 * column (counted in characters, as an editor does); UTF-8 of any script is no finding.
 */
import encodingInvalid from "../../../src/rules/source/encoding-invalid.ts";
import { testRule } from "../../support/rule-tester.ts";
import { bytesOf, runPageFile, utf8, type PageFileInput } from "./page-file-input.ts";

/** A page file of this text saved in Latin-1, a byte for each character, as the doc page's example says it was. */
function latin1(text: string): PageFileInput {
  return {
    bytes: Uint8Array.from(text, (c) => {
      const code = c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`"${c}" has no Latin-1 byte`);
      return code;
    }),
  };
}

const message = (hex: string) => `byte 0x${hex} is not UTF-8: the file was saved in another encoding (Windows-1252 or Latin-1, most likely); save it as UTF-8`;

testRule(encodingInvalid, runPageFile, {
  example: (text) => latin1(text),
  valid: [
    { name: "a page in UTF-8 with accents, other scripts and an emoji", input: utf8("---\ntitle: Seguridad\n---\n\nEnvíe su informe. Безопасность. 安全 🔐\n") },
    { name: "a page in UTF-8 after a byte order mark", input: utf8("\uFEFF# Política\n") },
  ],
  invalid: [
    {
      name: "an é saved in Latin-1 on the third line",
      input: bytesOf("---\ntitle: x\n---\nPol", 0xe9, "tica\n"),
      findings: [{ messageId: "notUtf8", line: 4, column: 4, message: message("E9") }],
    },
    {
      name: "a Windows-1252 quote at the start of the file",
      input: bytesOf(0x93, "quoted", 0x94),
      findings: [{ messageId: "notUtf8", line: 1, column: 1, message: message("93") }],
    },
    {
      name: "a bad byte after characters of two and four bytes, counted as an editor counts them",
      input: bytesOf("é🔐 ", 0x80),
      findings: [{ messageId: "notUtf8", line: 1, column: 5, message: message("80") }],
    },
    {
      name: "a character cut off at the end of the file, named by its first byte",
      input: bytesOf("text\n", 0xc3),
      findings: [{ messageId: "notUtf8", line: 2, column: 1, message: message("C3") }],
    },
    {
      name: "two bad bytes, of which only the first is reported",
      input: bytesOf("a", 0xe9, "b", 0xe8),
      findings: [{ messageId: "notUtf8", line: 1, column: 2, message: message("E9") }],
    },
  ],
});
