/**
 * The nginx configuration `npm run nginx-config` makes from a build's `_headers`, served by a
 * real nginx over HTTPS on 127.0.0.1 (a test CA's certificate for the site's own name), and
 * every header read back; and the README's nginx section is that configuration, to the letter.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../bench/dev-server.ts";
import { parseHeadersFile } from "../src/formats/headers-file.ts";
import { hashLocalPart } from "../src/formats/wkd.ts";
import { nginxConfig } from "../src/publish/nginx.ts";
import { buildDir, buildFixture, layOutFixture, ROOT } from "./support/fixture-site.ts";
import { makeCertificate, requireNginx, startNginx, type Nginx, type TestCa } from "./support/nginx.ts";

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to `https://example.org<urlPath>`, connected to 127.0.0.1:port: the name and TLS server name stay the site's. */
function get(port: number, ca: string, urlPath: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: urlPath, servername: "example.org", headers: { host: "example.org" }, ca, timeout: 5000 }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from nginx for ${urlPath} within 5 s`)));
    req.on("error", reject);
    req.end();
  });
}

describe("nginx, configured from the build's _headers", () => {
  let ca: TestCa;
  let nginx: Nginx | undefined;
  let port: number;
  let policy: string;

  beforeAll(async () => {
    requireNginx();
    const build = await buildFixture("_base");
    expect(build.ok).toBe(true);
    ca = makeCertificate(["example.org"]);
    port = await freePort();
    const rules = parseHeadersFile(readFileSync(path.join(build.output, "_headers"), "utf8"));
    const snippet = path.join(ca.dir, "security-headers.conf");
    const config = nginxConfig(rules, { serverName: "example.org", root: build.output, snippetPath: snippet, listen: [`127.0.0.1:${port} ssl`], certificate: { cert: ca.cert, key: ca.key } });
    writeFileSync(snippet, config.snippet);
    nginx = await startNginx([config.server], port);
    policy = rules.find((r) => r.pattern === "/*")!.headers.find(([name]) => name === "Content-Security-Policy")![1];
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  it("serves the policy page with the pages' Content-Security-Policy and the security headers", async () => {
    const page = await get(port, ca.caPem, "/security/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toBe(policy);
    expect(policy).toMatch(/frame-ancestors 'none'$/);
    expect(page.headers).toMatchObject({ "referrer-policy": "no-referrer", "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
    expect(page.body).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy.replace("; frame-ancestors 'none'", "")}">`);
  });

  it("serves security.txt as UTF-8 text, the key as application/pgp-keys, each with the security headers", async () => {
    const txt = await get(port, ca.caPem, "/.well-known/security.txt");
    expect(txt.status).toBe(200);
    expect(txt.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(txt.body).toMatch(/^Contact: mailto:security@example\.org$/m);
    const key = await get(port, ca.caPem, "/security/keys/security@example.org.asc");
    expect(key.headers["content-type"]).toBe("application/pgp-keys");
    expect(key.headers["content-security-policy"]).toBe(policy);
  });

  it("serves the Web Key Directory as binary, to any origin, without losing the security headers", async () => {
    const wkd = await get(port, ca.caPem, `/.well-known/openpgpkey/hu/${hashLocalPart("security")}?l=security`);
    expect(wkd.status).toBe(200);
    expect(wkd.headers).toMatchObject({ "content-type": "application/octet-stream", "access-control-allow-origin": "*", "x-frame-options": "DENY" });
    expect(wkd.headers["content-security-policy"]).toBe(policy);
    expect(wkd.body.startsWith("-----BEGIN")).toBe(false);
    expect((await get(port, ca.caPem, "/.well-known/openpgpkey/policy")).status).toBe(200);
  });

  it("does not serve _headers itself", async () => {
    expect((await get(port, ca.caPem, "/_headers")).status).toBe(404);
  });

  it("the README's nginx section is what npm run nginx-config prints for a site (the base fixture: the README's example, whatever content/ holds)", async () => {
    const real = await buildDir(layOutFixture("_base"), { output: path.join(ca.dir, "real") });
    expect(real.ok).toBe(true);
    const config = nginxConfig(parseHeadersFile(readFileSync(path.join(real.output, "_headers"), "utf8")), {
      serverName: "example.org",
      root: "/srv/security-policy-site/public",
      snippetPath: "snippets/security-headers.conf",
      listen: ["443 ssl"],
    });
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### The same with nginx"), readme.indexOf("## Rules"));
    const blocks = [...section.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks, "the README's nginx section is out of date: paste in what npm run nginx-config -- --root /srv/security-policy-site/public prints").toEqual([
      `# snippets/security-headers.conf: the "/*" rule of public/_headers\n${config.snippet}`,
      config.server,
    ]);
  });
});

describe("reading _headers back", () => {
  it("reads each rule's pattern and headers, and says which line is neither", async () => {
    expect(parseHeadersFile("# comment\n/*\n  X-Frame-Options: DENY\n\n/a\n  Content-Type: text/plain\n")).toEqual([
      { pattern: "/*", headers: [["X-Frame-Options", "DENY"]] },
      { pattern: "/a", headers: [["Content-Type", "text/plain"]] },
    ]);
    expect(() => parseHeadersFile("  X-Frame-Options: DENY\n")).toThrow('_headers line 1: "X-Frame-Options: DENY" is neither a URL pattern nor an indented "Name: value" header under one');
  });
});
