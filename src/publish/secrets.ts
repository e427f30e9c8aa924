/**
 * The last guard before the staged output is published: no file in it may hold private key
 * material, whatever put it there (a key file copied with the assets, a page that quotes a
 * secret key, a mistake in the publisher). Armored OpenPGP, PEM and OpenSSH private keys
 * all start with a line no public file needs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A private key's first line, then its body: armor headers, a blank line, base64. The body is
 * what sets a key apart from code that merely writes the line, as openpgp.js, which the report
 * page serves, does. Line breaks count written out too (`\n` in a JSON or JavaScript string),
 * so a key quoted in a data file is found as well.
 */
const BREAK = String.raw`(?:\r?\n|(?:\\r)?\\n)`;
const PRIVATE_KEY = new RegExp(
  String.raw`-----BEGIN (PGP PRIVATE KEY BLOCK|(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----[ \t]*` +
    String.raw`${BREAK}(?:[^\r\n:"'\\]+: [^\r\n"'\\]*${BREAK})*(?:[ \t]*${BREAK})?[ \t]*[A-Za-z0-9+/]{4,}`,
);

/** The kind of private key the text holds, or undefined. */
export function privateKeyIn(text: string): string | undefined {
  return PRIVATE_KEY.exec(text)?.[1];
}

/**
 * Every file under `dir` that holds private key material, by its path in the folder. `known`
 * holds the text of files already in memory (the rendered pages), which are not read again.
 */
export function filesWithSecrets(dir: string, known: Map<string, string> = new Map()): Array<{ file: string; kind: string }> {
  const found: Array<{ file: string; kind: string }> = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const text = known.get(path.resolve(full)) ?? readFileSync(full, "latin1");
    const kind = privateKeyIn(text);
    if (kind) found.push({ file: path.relative(dir, full).split(path.sep).join("/"), kind });
  }
  return found;
}
