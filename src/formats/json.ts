/**
 * JSON with the place of every value, so that a message about a bad field in the site data
 * can name its line and column. Parsed by @humanwhocodes/momoa (ESLint's JSON parser), which
 * keeps every member, so a key written twice in one object is found instead of the last
 * one silently winning as with JSON.parse. Its syntax errors are put in the author's terms.
 */
import { evaluate, parse, tokenize, type AnyNode, type DocumentNode, type Token } from "@humanwhocodes/momoa";

export interface Position {
  line: number;
  column: number;
}

/** A key written a second time in one object: where, and where it was first. */
export interface DuplicateKey {
  /** The member's path: "contacts.0.fingerprint". */
  path: string;
  /** The second key. */
  position: Position;
  first: Position;
}

export interface LocatedJson {
  value: unknown;
  /** Where each value starts, by path: "" is the root, "contacts.0.email" a nested field. */
  positions: Map<string, Position>;
  duplicates: DuplicateKey[];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

/** The line and column (1-based) of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

export function parseJsonWithPositions(source: string): LocatedJson {
  // A byte-order mark is no JSON, but editors write one; a space in its place keeps every column.
  const text = source.startsWith("\uFEFF") ? ` ${source.slice(1)}` : source;
  let document: DocumentNode;
  try {
    document = parse(text, { mode: "json", ranges: true });
  } catch (error) {
    const { line, column, offset } = error as { line?: number; column?: number; offset?: number };
    if (line === undefined || column === undefined || offset === undefined) throw error;
    throw new JsonSyntaxError(explainSyntaxError(text, offset), { line, column });
  }

  const positions = new Map<string, Position>();
  const duplicates: DuplicateKey[] = [];
  const at = (node: AnyNode): Position => ({ line: node.loc.start.line, column: node.loc.start.column });
  const visit = (node: AnyNode, path: string) => {
    positions.set(path, at(node));
    if (node.type === "String") {
      // momoa lets a raw control character through; JSON (RFC 8259 section 7) does not.
      const raw = text.slice(node.range![0], node.range![1]);
      const control = raw.search(/[\u0000-\u001f]/);
      if (control >= 0) throw new JsonSyntaxError("a raw control character in a string; escape it (a line break is \\n)", positionAt(text, node.range![0] + control));
    } else if (node.type === "Object") {
      const seen = new Map<string, Position>();
      for (const member of node.members) {
        const key = member.name.type === "String" ? member.name.value : member.name.name;
        const child = path === "" ? key : `${path}.${key}`;
        const first = seen.get(key);
        if (first) duplicates.push({ path: child, position: at(member.name), first });
        else seen.set(key, at(member.name));
        visit(member.value, child);
      }
    } else if (node.type === "Array") {
      node.elements.forEach((element, n) => visit(element.value, path === "" ? String(n) : `${path}.${n}`));
    }
  };
  visit(document.body, "");
  // The value of a duplicated key is the last one's, as JSON.parse would have it; the duplicate itself is reported.
  return { value: evaluate(document.body), positions, duplicates };
}

const TOKEN_NAMES: Record<string, string> = {
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  Colon: '":"',
  Comma: '","',
  String: "a string",
  Number: "a number",
  Boolean: "true or false",
  Null: "null",
};

/**
 * What the parser expected where it stopped, from the tokens before it: `expected "," or "}"
 * after a value, found a string`, rather than "Unexpected token String".
 */
function explainSyntaxError(text: string, offset: number): string {
  const rest = text.slice(offset);
  const found = rest === "" ? "the end of the file" : describeNext(rest);
  let tokens: Token[];
  try {
    tokens = tokenize(text.slice(0, offset), { mode: "json", ranges: true });
  } catch {
    return `this is not JSON here, found ${found}`;
  }
  // What may come next, from the containers open before the error.
  const stack: Array<{ kind: "object" | "array"; state: "start" | "key" | "colon" | "value" | "after" }> = [];
  let done = false;
  for (const token of tokens) {
    const top = stack.at(-1);
    const value = () => {
      if (top) top.state = "after";
      else done = true;
    };
    switch (token.type) {
      case "LBrace":
      case "LBracket":
        stack.push({ kind: token.type === "LBrace" ? "object" : "array", state: "start" });
        break;
      case "RBrace":
      case "RBracket":
        stack.pop();
        value();
        break;
      case "Comma":
        if (top) top.state = top.kind === "object" ? "key" : "value";
        break;
      case "Colon":
        if (top) top.state = "value";
        break;
      default:
        if (top?.kind === "object" && (top.state === "start" || top.state === "key")) top.state = "colon";
        else value();
    }
  }
  const top = stack.at(-1);
  const expected =
    done || (!top && tokens.length > 0)
      ? "the end of the file after the value"
      : !top
        ? "a value (an object, a list, a string, a number, true, false or null)"
        : top.state === "after"
          ? `"${top.kind === "object" ? "}" : "]"}" or "," after a value`
          : top.state === "colon"
            ? '":" after the key'
            : top.kind === "object" && top.state !== "value"
              ? `a key in double quotes${top.state === "key" ? ' (a "," before "}" is not allowed)' : ' or "}"'}`
              : `a value${top.state === "value" && tokens.at(-1)?.type === "Comma" ? ' (a "," before "]" is not allowed)' : ""}`;
  return `expected ${expected}, found ${found}`;
}

function describeNext(rest: string): string {
  try {
    const [next] = tokenize(rest, { mode: "json" });
    if (next) return TOKEN_NAMES[next.type] ?? `"${rest.slice(0, 1)}"`;
  } catch {
    // Not a token at all: show the character.
  }
  return `"${String.fromCodePoint(rest.codePointAt(0) ?? 0)}"`;
}
