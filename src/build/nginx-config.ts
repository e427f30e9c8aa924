/**
 * `npm run nginx-config [-- --out nginx/]`: nginx configuration for the built site, made from
 * its `public/_headers` (see src/publish/nginx.ts). Without --out it prints the snippet and
 * the server block; with it, it writes security-headers.conf and site.conf there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseHeadersFile } from "../formats/headers-file.ts";
import { nginxConfig } from "../publish/nginx.ts";

const USAGE = "usage: npm run nginx-config -- [--headers public/_headers] [--server-name HOST] [--root DIR] [--snippet snippets/security-headers.conf] [--out DIR]";

/** `nginx-config`: resolves with the exit code. */
export function nginxConfigCommand(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        headers: { type: "string", default: "public/_headers" },
        "server-name": { type: "string" },
        root: { type: "string" },
        snippet: { type: "string", default: "snippets/security-headers.conf" },
        listen: { type: "string", multiple: true },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(values.headers)) {
    process.stderr.write(`${values.headers} does not exist: run npm run build first; the configuration is made from the headers it writes\n`);
    return 2;
  }
  const serverName = values["server-name"] ?? siteHost();
  const config = nginxConfig(parseHeadersFile(readFileSync(values.headers, "utf8")), {
    serverName,
    root: values.root ?? path.resolve(path.dirname(values.headers)),
    snippetPath: values.snippet,
    listen: values.listen ?? ["443 ssl"],
  });
  if (values.out === undefined) {
    process.stdout.write(`# ${values.snippet}: the "/*" rule of ${values.headers}\n${config.snippet}\n${config.server}`);
    return 0;
  }
  mkdirSync(values.out, { recursive: true });
  writeFileSync(path.join(values.out, "security-headers.conf"), config.snippet);
  writeFileSync(path.join(values.out, "site.conf"), config.server);
  process.stdout.write(`Wrote ${path.join(values.out, "security-headers.conf")} and ${path.join(values.out, "site.conf")} for ${serverName}.\n`);
  return 0;
}

/** The host of the site data's url, the name nginx serves. */
function siteHost(): string {
  const data = JSON.parse(readFileSync("content/_data/security.json", "utf8")) as { url?: string };
  if (typeof data.url !== "string") throw new Error('content/_data/security.json has no "url": give --server-name');
  return new URL(data.url).hostname;
}
