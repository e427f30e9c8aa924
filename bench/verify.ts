/**
 * How long `npm run verify` takes on the real site's sources: the real site built and served
 * by nginx over HTTPS on 127.0.0.1 (a test CA's certificate for its names), the keyservers its
 * page links to served by sks behind the same nginx, keys.openpgp.org's answers as files.
 * Each run is `npm run verify`'s own command in a fresh process, timed from spawn to exit.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseHeadersFile } from "../src/formats/headers-file.ts";
import { nginxConfig } from "../src/publish/nginx.ts";
import { makeCertificate, requireNginx, startNginx } from "../tests/support/nginx.ts";
import { requireSks, startSks } from "../tests/support/sks.ts";
import { freePort } from "./dev-server.ts";
import { BIN, COMPILED_CONFIG, compiled } from "../tests/support/runtime.ts";
import { ROOT } from "./site.ts";

export interface VerifyTimings {
  ms: number[];
  /** The exit code of the last run (0 agree, 1 disagree, 2 could not check). */
  code: number | null;
  sources: number;
}

export function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ ms: performance.now() - started, code, out }));
  });
}

export async function measureVerify(runs: number, tmp: string): Promise<VerifyTimings> {
  requireNginx();
  requireSks();
  const dir = path.join(tmp, "verify-site");
  mkdirSync(dir, { recursive: true });
  for (const folder of ["content", "_includes", "assets"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  const quiet = { stdout: () => {}, stderr: () => {} };
  const { buildSite } = await compiled<typeof import("../src/build/build.ts")>("src/build/build.ts");
  const build = await buildSite({ input: "content", output: "public", root: dir, configPath: COMPILED_CONFIG, strict: false, streams: quiet });
  if (!build.ok) throw new Error("the real site does not build, so its sources cannot be served");

  const site = new URL((JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8")) as { url: string }).url).hostname;
  const page = readFileSync(path.join(dir, "public/security/index.html"), "utf8");
  const keyservers = [...new Set([...page.matchAll(/href="https:\/\/([^/"]+)\/pks\/lookup/g)].map((m) => m[1]!))];
  const names = [site, "keys.openpgp.org", ...keyservers];
  const ca = makeCertificate(names);
  const port = await freePort();
  const sksPort = await freePort();
  const sks = await startSks([readFileSync(path.join(ROOT, "tests/fixtures/keys/ed25519.asc"), "utf8")], sksPort);
  const vks = mkdtempSync(path.join(tmp, "vks-"));
  const snippet = path.join(ca.dir, "security-headers.conf");
  const config = nginxConfig(parseHeadersFile(readFileSync(path.join(dir, "public/_headers"), "utf8")), {
    serverName: site,
    root: path.join(dir, "public"),
    snippetPath: snippet,
    listen: [`127.0.0.1:${port} ssl`],
    certificate: { cert: ca.cert, key: ca.key },
  });
  writeFileSync(snippet, config.snippet);
  const tls = [`    listen 127.0.0.1:${port} ssl;`, `    ssl_certificate ${ca.cert};`, `    ssl_certificate_key ${ca.key};`];
  const blocks = [
    config.server,
    ["server {", ...tls, "    server_name keys.openpgp.org;", `    root ${vks};`, "}"].join("\n"),
    ...keyservers.map((host) => ["server {", ...tls, `    server_name ${host};`, `    location /pks/ { proxy_pass http://127.0.0.1:${sksPort}; }`, "}"].join("\n")),
  ];
  const nginx = await startNginx(blocks, port);
  try {
    const args = [BIN, "verify", ...names.flatMap((n) => ["--connect-to", `${n}:443:127.0.0.1:${port}`])];
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(ca.dir, "ca.pem") };
    // One untimed run: the disk cache (and Node 22's compile cache) is then as warm as for any later run.
    await timed(args, dir, env);
    const ms: number[] = [];
    let last: { ms: number; code: number | null; out: string } = { ms: 0, code: null, out: "" };
    for (let i = 0; i < runs; i++) {
      last = await timed(args, dir, env);
      ms.push(last.ms);
    }
    const sources = last.out.split("\n").filter((l) => /^(ok|differs|not checked) /.test(l)).length;
    return { ms, code: last.code, sources };
  } finally {
    await nginx.stop();
    await sks.stop();
  }
}
