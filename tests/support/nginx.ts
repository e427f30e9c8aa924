/**
 * Real nginx for the tests, on 127.0.0.1 over HTTPS with a certificate from a test CA made
 * here with openssl: a fresh prefix folder per server, and a stop that waits for it to go.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { accepts } from "./ports.ts";
import { WORK } from "./work.ts";

const NGINX = "/usr/sbin/nginx";

export function requireNginx(): void {
  if (!existsSync(NGINX)) throw new Error(`nginx is not on this machine at ${NGINX}: install it with apt-get install -y nginx (as .ci/run does)`);
  if (spawnSync("openssl", ["version"]).error) throw new Error("openssl is not on this machine: install it with apt-get install -y openssl (as .ci/run does)");
}

export interface TestCa {
  dir: string;
  /** The CA's certificate, PEM: what a client trusts. */
  caPem: string;
  cert: string;
  key: string;
}

/** A CA and a certificate it signed for the names, valid for two days. */
export function makeCertificate(names: string[]): TestCa {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, "ca-"));
  const run = (...args: string[]) => {
    const r = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${r.stderr}`);
  };
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=security-policy-site test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
  run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "site.key", "-out", "site.csr", "-subj", `/CN=${names[0]}`);
  writeFileSync(path.join(dir, "ext.cnf"), `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}\nextendedKeyUsage=serverAuth\n`);
  run("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "site.pem", "-days", "2", "-extfile", "ext.cnf");
  return { dir, caPem: readFileSync(path.join(dir, "ca.pem"), "utf8"), cert: path.join(dir, "site.pem"), key: path.join(dir, "site.key") };
}

export interface Nginx {
  prefix: string;
  stop(): Promise<void>;
}

/** Starts nginx with `serverBlocks` (each a `server { … }`) in a fresh prefix; resolves once `port` accepts connections. */
export async function startNginx(serverBlocks: string[], port: number): Promise<Nginx> {
  const prefix = mkdtempSync(path.join(WORK, "nginx-"));
  const conf = [
    // As root (in CI), workers as root too: the served folders are private temporary ones.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes 1;",
    "daemon off;",
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    "events { worker_connections 64; }",
    "http {",
    "    include /etc/nginx/mime.types;",
    "    access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `    ${t}_temp_path ${prefix}/${t};`),
    ...serverBlocks.map((b) => b.replace(/^/gm, "    ")),
    "}",
  ].join("\n");
  writeFileSync(path.join(prefix, "nginx.conf"), `${conf}\n`);
  const test = spawnSync(NGINX, ["-t", "-p", prefix, "-c", path.join(prefix, "nginx.conf")], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration: ${test.stderr}`);
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (d) => (errors += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const until = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not start on port ${port}: ${errors}${existsSync(path.join(prefix, "error.log")) ? readFileSync(path.join(prefix, "error.log"), "utf8") : ""}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    prefix,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGQUIT");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!stopped) child.kill("SIGKILL");
    },
  };
}
