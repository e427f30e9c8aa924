import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJsonWithPositions, positionAt } from "../src/formats/json.ts";

/** The error a text gets, as message and 1-based line:column. */
function syntaxError(text: string): string {
  try {
    parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    expect(error.name).toBe("JsonSyntaxError");
    return `${error.position.line}:${error.position.column} ${error.message}`;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

const ANY_VALUE = "a value (an object, a list, a string, a number, true, false or null)";

describe("JSON syntax errors, where and what in the author's terms", () => {
  it.each([
    ["an empty file", "", `1:1 expected ${ANY_VALUE}, found the end of the file`],
    ["blank lines only", "\n\n", `3:1 expected ${ANY_VALUE}, found the end of the file`],
    ["a comma before }", '{"a": 1,}', '1:9 expected a key in double quotes (a "," before "}" is not allowed), found "}"'],
    ["a comma before } after two members", '{"a": 1, "b": 2, }', '1:18 expected a key in double quotes (a "," before "}" is not allowed), found "}"'],
    ["a comma before ]", "[1,]", '1:4 expected a value (a "," before "]" is not allowed), found "]"'],
    ["a comma before ] in an object", '{"a": [1,]}', '1:10 expected a value (a "," before "]" is not allowed), found "]"'],
    ["two commas in a list", "[1,,2]", '1:4 expected a value, found ","'],
    ["a comma then a value-less end", "[1,  \n", "2:1 expected a value, found the end of the file"],
    ["no colon", '{"a" 1}', '1:6 expected ":" after the key, found a number'],
    ["a comma where the colon goes", '{"a", 1}', '1:5 expected ":" after the key, found ","'],
    ["no comma between members", '{"a": 1 "b": 2}', '1:9 expected "}" or "," after a value, found a string'],
    ["no comma between items", "[1 2]", '1:4 expected "]" or "," after a value, found a number'],
    ["no comma after a closed object in a list", '{"x": [1, {"y": 2} 3]}', '1:20 expected "]" or "," after a value, found a number'],
    ["no comma after a closed list in an object", '{"x": [1] "y": 2}', '1:11 expected "}" or "," after a value, found a string'],
    ["a closed list then a second value", "[1] [2]", '1:5 expected the end of the file after the value, found "["'],
    ["] closing an object", '{"a": 1]', '1:8 expected "}" or "," after a value, found "]"'],
    ["} closing a list", "[1}", '1:3 expected "]" or "," after a value, found "}"'],
    ["} right after [", "[}", '1:2 expected a value or "]", found "}"'],
    ["] right after {", "{]", '1:2 expected a key in double quotes or "}", found "]"'],
    ["a colon in a list", "[1:2]", '1:3 expected "]" or "," after a value, found ":"'],
    ["a leading comma in an object", "{,}", '1:2 expected a key in double quotes or "}", found ","'],
    ["a key without quotes", "{a: 1}", '1:2 expected a key in double quotes or "}", found "a"'],
    ["a number as a key", '{"a": 1, 2: 3}', '1:10 expected a key in double quotes, found a number'],
    ["true as a key", "{true: 1}", '1:2 expected a key in double quotes or "}", found true or false'],
    ["a list as a key", '{"a": 1, []: 3}', '1:10 expected a key in double quotes, found "["'],
    ["no value after the colon", '{"a": }', '1:7 expected a value, found "}"'],
    ["a colon twice", '{"a":: 1}', '1:6 expected a value, found ":"'],
    ["null where a key goes", "{null}", '1:2 expected a key in double quotes or "}", found null'],
    ["a misspelt true", '{"a": tru}', '1:7 expected a value, found "tru"'],
    ["a misspelt false in a list", '{"a": [true, fals]}', '1:14 expected a value, found "fals"'],
    ["a misspelt null alone", "nul", `1:1 expected ${ANY_VALUE}, found "nul"`],
    ["a character that is no JSON", '{"a": @}', '1:7 expected a value, found "@"'],
    ["a lone minus", '{"a": -}', '1:7 expected a value, found "-"'],
    ["an emoji alone", "😀", `1:1 expected ${ANY_VALUE}, found "😀"`],
    ["text after the value", '{"a": 1} x', '1:10 expected the end of the file after the value, found "x"'],
    ["a second value", "1 2", "1:3 expected the end of the file after the value, found a number"],
    ["a second object", '{"a": 1}{', '1:9 expected the end of the file after the value, found "{"'],
    ["a stray bracket lines later", '{"a":1}\n\n  ]', '3:3 expected the end of the file after the value, found "]"'],
    ["an object never closed", "{", '1:2 expected a key in double quotes or "}", found the end of the file'],
    ["a list never closed", "[", '1:2 expected a value or "]", found the end of the file'],
    ["a list never closed after a value", "[1, 2", '1:6 expected "]" or "," after a value, found the end of the file'],
    ["a file that stops after the colon", '{"a":', "1:6 expected a value, found the end of the file"],
    ["a file that stops after the key", '{"a"', '1:5 expected ":" after the key, found the end of the file'],
    ["a file that stops after a comma", '{"a": 1,', "1:9 expected a key in double quotes, found the end of the file"],
    ["a last line without }", '{"a": 1,\n  "b": 2\n', '3:1 expected "}" or "," after a value, found the end of the file'],
    ["a string never closed", '"abc', '1:1 a string that is not closed; end it with "'],
    ["a value string never closed", '{"a": "x', '1:7 a string that is not closed; end it with "'],
    ["a number cut short", "[1.", "1:4 this is not JSON here, found the end of the file"],
    ["a raw tab in a string", '"a\tb"', "1:3 a raw control character in a string; escape it (a line break is \\n)"],
    ["a raw line break in a value", '{"a": "x\ny"}', "1:9 a raw control character in a string; escape it (a line break is \\n)"],
    ["a byte-order mark keeps the columns", '\uFEFF{"a": 1,}', '1:10 expected a key in double quotes (a "," before "}" is not allowed), found "}"'],
    ["columns count UTF-16 units, as the editor's", '{"a": "é😀"  x}', '1:14 expected "}" or "," after a value, found "x"'],
  ])("%s", (_name, text, expected) => {
    expect(syntaxError(text)).toBe(expected);
  });

  it("leaves an error that is not momoa's syntax error alone", () => {
    expect(() => parseJsonWithPositions(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe("JSON with the place of every value", () => {
  it("places every value by its path, keeps the last of a duplicated key and reports the duplicate", () => {
    const parsed = parseJsonWithPositions('{\n  "a": [1, {"b": 2}],\n  "c": [[true]],\n  "a": 3\n}');
    expect(parsed.value).toEqual({ a: 3, c: [[true]] });
    expect([...parsed.positions]).toEqual([
      ["", { line: 1, column: 1 }],
      ["a", { line: 4, column: 8 }],
      ["a.0", { line: 2, column: 9 }],
      ["a.1", { line: 2, column: 12 }],
      ["a.1.b", { line: 2, column: 18 }],
      ["c", { line: 3, column: 8 }],
      ["c.0", { line: 3, column: 9 }],
      ["c.0.0", { line: 3, column: 10 }],
    ]);
    expect(parsed.duplicates).toEqual([{ path: "a", position: { line: 4, column: 3 }, first: { line: 2, column: 3 } }]);
  });

  it("places the items of a list at the root by their index alone", () => {
    const parsed = parseJsonWithPositions('[\n  "x",\n  {"y": null}\n]');
    expect([...parsed.positions.keys()]).toEqual(["", "0", "1", "1.y"]);
    expect(parsed.positions.get("1.y")).toEqual({ line: 3, column: 9 });
  });

  it("reports a key written three times twice, each against the first", () => {
    const parsed = parseJsonWithPositions('{"k": 1, "k": 2, "k": 3}');
    expect(parsed.value).toEqual({ k: 3 });
    expect(parsed.duplicates).toEqual([
      { path: "k", position: { line: 1, column: 10 }, first: { line: 1, column: 2 } },
      { path: "k", position: { line: 1, column: 18 }, first: { line: 1, column: 2 } },
    ]);
  });

  it("reads a byte-order mark as the space it replaces", () => {
    const parsed = parseJsonWithPositions('\uFEFF{"a": "b"}');
    expect(parsed.value).toEqual({ a: "b" });
    expect(parsed.positions.get("a")).toEqual({ line: 1, column: 8 });
  });

  it("finds a raw control character in a key too", () => {
    expect(syntaxError('{"a\u0001": 1}')).toBe("1:4 a raw control character in a string; escape it (a line break is \\n)");
  });
});

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    expect(positionAt("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt("a\n\nb", 3)).toEqual({ line: 3, column: 1 });
  });
});
