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
    const { offset } = error as { offset?: number };
    if (offset === undefined) throw error;
    const explained = explainSyntaxError(text, offset);
    throw new JsonSyntaxError(explained.message, positionAt(text, explained.offset));
  }

  const positions = new Map<string, Position>();
  const duplicates: DuplicateKey[] = [];
  const at = (node: AnyNode): Position => ({ line: node.loc.start.line, column: node.loc.start.column });
  // momoa lets a raw control character through, in a value or a key; JSON (RFC 8259 section 7) does not.
  const checkString = (node: AnyNode) => {
    const raw = text.slice(node.range![0], node.range![1]);
    const control = raw.search(/[\u0000-\u001f]/);
    if (control >= 0) throw new JsonSyntaxError("a raw control character in a string; escape it (a line break is \\n)", positionAt(text, node.range![0] + control));
  };
  const visit = (node: AnyNode, path: string) => {
    positions.set(path, at(node));
    if (node.type === "String") {
      checkString(node);
    } else if (node.type === "Object") {
      const seen = new Map<string, Position>();
      for (const member of node.members) {
        checkString(member.name);
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

type Container = { kind: "object" | "array"; state: "start" | "key" | "colon" | "value" | "after" };

/**
 * Where the text stops being JSON and what should have come there: `expected "," or "}" after a
 * value, found a string`, rather than "Unexpected token String". The place is found here, from
 * the tokens, because the parser's own is 1:1 for a file that ends inside an object.
 * `stopped` is where the parser stopped, used only where the tokens cannot tell.
 */
function explainSyntaxError(text: string, stopped: number): { message: string; offset: number } {
  let tokens: Token[];
  // Where a character that is no JSON token stands, if one does.
  let badAt: number | undefined;
  try {
    tokens = tokenize(text, { mode: "json", ranges: true });
  } catch (error) {
    badAt = (error as { offset?: number }).offset ?? stopped;
    try {
      tokens = tokenize(text.slice(0, badAt), { mode: "json", ranges: true });
    } catch {
      const opened = unclosedString(text, badAt);
      if (opened !== undefined) return { message: 'a string that is not closed; end it with "', offset: opened };
      return { message: `this is not JSON here, found ${describeAt(text, badAt)}`, offset: badAt };
    }
  }
  // The containers open before each token, and what each expects next.
  const stack: Container[] = [];
  let done = false;
  for (const token of tokens) {
    const top = stack.at(-1);
    if (!allowed(token.type, top, done)) {
      return { message: `expected ${expectation(top, done, tokens, token)}, found ${TOKEN_NAMES[token.type]}`, offset: token.range![0] };
    }
    switch (token.type) {
      case "LBrace":
      case "LBracket":
        stack.push({ kind: token.type === "LBrace" ? "object" : "array", state: "start" });
        break;
      case "RBrace":
      case "RBracket": {
        stack.pop();
        const parent = stack.at(-1);
        if (parent) parent.state = "after";
        else done = true;
        break;
      }
      case "Comma":
        top!.state = top!.kind === "object" ? "key" : "value";
        break;
      case "Colon":
        top!.state = "value";
        break;
      default:
        if (top?.kind === "object" && top.state !== "value") top.state = "colon";
        else if (top) top.state = "after";
        else done = true;
    }
  }
  const top = stack.at(-1);
  if (badAt === undefined && done) return { message: `this is not JSON here, found ${describeAt(text, stopped)}`, offset: stopped };
  const at = badAt ?? text.length;
  return { message: `expected ${expectation(top, done, tokens)}, found ${describeAt(text, at)}`, offset: at };
}

/** Whether a token may come next, in the innermost open container (or at the top level). */
function allowed(type: string, top: Container | undefined, done: boolean): boolean {
  const isValue = type === "LBrace" || type === "LBracket" || type === "String" || type === "Number" || type === "Boolean" || type === "Null";
  if (!top) return !done && isValue;
  if (top.kind === "object") {
    if (top.state === "start") return type === "String" || type === "RBrace";
    if (top.state === "key") return type === "String";
    if (top.state === "colon") return type === "Colon";
    if (top.state === "value") return isValue;
    return type === "Comma" || type === "RBrace";
  }
  if (top.state === "start") return isValue || type === "RBracket";
  if (top.state === "value") return isValue;
  return type === "Comma" || type === "RBracket";
}

/** What may come next, in the author's terms. */
function expectation(top: Container | undefined, done: boolean, tokens: Token[], next?: Token): string {
  if (!top) return done ? "the end of the file after the value" : "a value (an object, a list, a string, a number, true, false or null)";
  if (top.state === "after") return `"${top.kind === "object" ? "}" : "]"}" or "," after a value`;
  if (top.state === "colon") return '":" after the key';
  if (top.kind === "object" && top.state !== "value") {
    const trailingComma = top.state === "key" && next?.type === "RBrace";
    return `a key in double quotes${trailingComma ? ' (a "," before "}" is not allowed)' : top.state === "start" ? ' or "}"' : ""}`;
  }
  const trailingComma = top.kind === "array" && top.state === "value" && next?.type === "RBracket";
  return `a value${trailingComma ? ' (a "," before "]" is not allowed)' : top.state === "start" ? ' or "]"' : ""}`;
}

/** What stands at an offset: a token by its kind, else the character, else the end of the file. */
function describeAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  if (rest.trim() === "") return "the end of the file";
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest.trimStart());
  try {
    const [next] = tokenize(rest, { mode: "json" });
    if (next) return TOKEN_NAMES[next.type] ?? `"${rest.slice(0, 1)}"`;
  } catch {
    // Not a token at all: show the word or the character.
  }
  if (word) return `"${word[0]}"`;
  return `"${String.fromCodePoint(rest.codePointAt(0) ?? 0)}"`;
}

/**
 * Where a string starts that runs to the end of the text, if that is why it stopped: the last
 * double quote before `stopped` with sound JSON before it, if the text from it does not end.
 * Tried a few quotes back at most: an open string stops the parser near its end.
 */
function unclosedString(text: string, stopped: number): number | undefined {
  let quote = text.lastIndexOf('"', stopped);
  for (let tries = 0; quote >= 0 && tries < 20; tries += 1) {
    if (tokenizeError(text.slice(0, quote)) === undefined) {
      const inside = tokenizeError(text.slice(quote));
      return inside !== undefined && quote + inside >= text.length - 1 ? quote : undefined;
    }
    quote = text.lastIndexOf('"', quote - 1);
  }
  return undefined;
}

/** Where momoa's tokenizer stops in a text, or undefined if every character belongs to a token. */
function tokenizeError(text: string): number | undefined {
  try {
    tokenize(text, { mode: "json" });
    return undefined;
  } catch (error) {
    return (error as { offset?: number }).offset ?? 0;
  }
}
