/**
 * The `_headers` file of Netlify and Cloudflare Pages, read back: each rule a URL pattern and
 * the headers it sets, in order. Pure.
 */

export interface HeaderRule {
  /** `/*`, `/.well-known/security.txt`, `/security/keys/*` */
  pattern: string;
  headers: Array<[name: string, value: string]>;
}

/** The rules of a `_headers` file; throws on a header line before any pattern, naming the line. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers line ${i + 1}: ${JSON.stringify(line.trim())} is neither a URL pattern nor an indented "Name: value" header under one`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  });
  return rules;
}
