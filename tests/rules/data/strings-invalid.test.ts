/**
 * strings-invalid on the text of a language's interface strings file: JSON syntax, one object,
 * each key once, each value a text with words in it. A key written twice is reported where it
 * is written again; a value that is not a text, at its key.
 */
import { readStringsFile } from "../../../src/data/strings.ts";
import stringsInvalid from "../../../src/rules/data/strings-invalid.ts";
import { testRule } from "../../support/rule-tester.ts";

const FILE = "content/_data/strings/es.json";
const run = (text: string) => readStringsFile("es", FILE, text).findings;
const lines = (...l: string[]) => `${l.join("\n")}\n`;

testRule(stringsInvalid, run, {
  example: (text) => text,
  valid: [
    { name: "an object of texts", input: lines("{", '  "copy": "Copiar",', '  "copied": "Copiado"', "}") },
    { name: "an empty object", input: "{}" },
    { name: "a text with spaces around its words, and one with placeholders", input: lines("{", '  "copy": " Copiar ",', '  "keyFor": "Clave de {email}"', "}") },
  ],
  invalid: [
    {
      name: "a comma missing between two keys",
      input: lines("{", '  "copy": "Copiar"', '  "copied": "Copiado"', "}"),
      findings: [{ messageId: "notJson", line: 3, column: 3, message: 'content/_data/strings/es.json is not valid JSON: expected "}" or "," after a value, found a string' }],
    },
    {
      name: "a file cut off in the middle",
      input: '{ "copy": "Copiar",',
      findings: [{ messageId: "notJson", line: 1, column: 20, message: "content/_data/strings/es.json is not valid JSON: expected a key in double quotes, found the end of the file" }],
    },
    {
      name: "a key written twice, and a value that is a list",
      input: lines("{", '  "copy": "Copiar",', '  "copy": "Copia",', '  "copied": ["Copiada"]', "}"),
      findings: [
        { messageId: "duplicateKey", line: 3, column: 3, message: '"copy" is written twice (first at line 2); keep one, so it is clear which text the pages show' },
        { messageId: "notText", line: 4, column: 13, message: '"copied" must be a text, not ["Copiada"]; write the words the page shows' },
      ],
    },
    {
      name: "a list of texts instead of an object",
      input: '["Copiar", "Copiado"]',
      findings: [{ messageId: "notObject", line: 1, column: 1, message: 'content/_data/strings/es.json must be one object of interface strings, e.g. { "copy": "Copy" }' }],
    },
    { name: "a text instead of an object", input: '"Copiar"', findings: [{ messageId: "notObject", line: 1, column: 1 }] },
    { name: "null instead of an object", input: "null", findings: [{ messageId: "notObject", line: 1, column: 1 }] },
    {
      name: "a list holding an object that writes a key twice",
      input: lines("[", '  { "copy": "a", "copy": "b" }', "]"),
      findings: [
        { messageId: "duplicateKey", line: 2, column: 18 },
        { messageId: "notObject", line: 1, column: 1 },
      ],
    },
    {
      name: "a number, an empty text, a text of spaces, null and an object as values",
      input: lines("{", '  "copy": 3,', '  "copied": "",', '  "close": "   ",', '  "open": null,', '  "menu": { "es": "Menú" }', "}"),
      findings: [
        { messageId: "notText", line: 2, column: 11, message: '"copy" must be a text, not 3; write the words the page shows' },
        { messageId: "notText", line: 3, column: 13, message: '"copied" must be a text, not ""; write the words the page shows' },
        { messageId: "notText", line: 4, column: 12, message: '"close" must be a text, not "   "; write the words the page shows' },
        { messageId: "notText", line: 5, column: 11, message: '"open" must be a text, not null; write the words the page shows' },
        { messageId: "notText", line: 6, column: 11, message: '"menu" must be a text, not {"es":"Menú"}; write the words the page shows' },
      ],
    },
  ],
});
