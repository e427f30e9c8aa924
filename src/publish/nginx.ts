/**
 * The headers the build writes to `_headers`, as nginx configuration: a snippet with the
 * headers every response gets, and a server block that sets each file type's Content-Type
 * and the Web Key Directory's CORS header. Made from the built `_headers`, so the two cannot
 * drift apart; the README's nginx section is this output, and a test serves a build with it.
 * Pure: the rules in, configuration text out.
 */
import type { HeaderRule } from "../formats/headers-file.ts";

export interface NginxOptions {
  /** The site's host, e.g. ballerina.io. */
  serverName: string;
  /** The folder nginx serves: the build's public/. */
  root: string;
  /** Where the snippet is included from, as nginx names it (relative to its configuration folder, or absolute). */
  snippetPath: string;
  /** `listen` values, e.g. ["443 ssl"]. */
  listen: string[];
  /** TLS certificate and key files, when the server block should name them. */
  certificate?: { cert: string; key: string };
}

export interface NginxConfig {
  /** The headers of the `/*` rule, one `add_header … always;` each. */
  snippet: string;
  server: string;
}

/** A header value as an nginx string: double-quoted, with `"` and `\` escaped. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function nginxConfig(rules: HeaderRule[], options: NginxOptions): NginxConfig {
  const all = rules.find((r) => r.pattern === "/*");
  if (!all) throw new Error('nginxConfig: the _headers rules have no "/*" rule; build the site again so that _headers holds one');
  const snippet = `${all.headers.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`).join("\n")}\n`;

  const locations = rules
    .filter((r) => r !== all)
    .map((rule) => {
      const prefix = rule.pattern.endsWith("*");
      const match = prefix ? `^~ ${rule.pattern.slice(0, -1)}` : `= ${rule.pattern}`;
      const contentType = rule.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
      const others = rule.headers.filter(([name]) => name.toLowerCase() !== "content-type");
      const body = [
        ...(others.length > 0 ? ["# A location with an add_header of its own inherits none from the server: repeat them.", `include ${options.snippetPath};`] : []),
        ...others.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`),
        ...(contentType === undefined ? [] : ["types { }", `default_type ${quoted(contentType)};`]),
      ];
      return [`location ${match} {`, ...body.map((l) => `    ${l}`), "}"];
    });

  const server = [
    "server {",
    ...options.listen.map((l) => `    listen ${l};`),
    `    server_name ${options.serverName};`,
    `    root ${options.root};`,
    ...(options.certificate ? [`    ssl_certificate ${options.certificate.cert};`, `    ssl_certificate_key ${options.certificate.key};`] : []),
    "",
    `    include ${options.snippetPath};`,
    ...locations.flatMap((lines) => ["", ...lines.map((l) => `    ${l}`)]),
    "",
    "    # _headers is for Netlify and Cloudflare Pages; nginx does not serve it.",
    "    location = /_headers { return 404; }",
    "}",
  ].join("\n");
  return { snippet, server: `${server}\n` };
}
