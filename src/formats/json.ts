/**
 * A JSON reader that remembers where each value stands, so that a message about a bad
 * field in the site data can name its line and column. JSON.parse gives neither, and its
 * syntax-error wording differs between Node versions.
 */

export interface Position {
  line: number;
  column: number;
}

export interface LocatedJson {
  value: unknown;
  /** Where each value starts, by path: "" is the root, "contacts.0.email" a nested field. */
  positions: Map<string, Position>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonWithPositions(text: string): LocatedJson {
  const positions = new Map<string, Position>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string): never => {
    const found = i < text.length ? `"${text[i]}"` : "the end of the file";
    throw new JsonSyntaxError(`${what}, found ${found}`, positionAt(text, i));
  };
  const skip = () => {
    while (i < text.length && " \t\r\n".includes(text[i] as string)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail(`expected "${c}"`);
    i++;
  };

  const string = (): string => {
    const start = i;
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail("a raw control character in a string; escape it");
      i++;
    }
    expect('"');
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail("a bad escape in this string");
    }
  };

  const value = (path: string): unknown => {
    skip();
    positions.set(path, positionAt(text, i));
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        skip();
        const key = string();
        skip();
        expect(":");
        obj[key] = value(path === "" ? key : `${path}.${key}`);
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("}");
        return obj;
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      skip();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(path === "" ? String(arr.length) : `${path}.${arr.length}`));
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("]");
        return arr;
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return fail("expected a value (a string, number, object, array, true, false or null)");
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const result = value("");
  skip();
  if (i < text.length) fail("expected the end of the file after the value");
  return { value: result, positions };
}
