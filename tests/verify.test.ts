/**
 * `npm run verify` against a deployed site: a fixture build served by Debian's nginx over
 * HTTPS on 127.0.0.1 with a test CA's certificate for example.org, reached under its real name
 * through --connect-to, and trusted through NODE_EXTRA_CA_CERTS as the README says. Every
 * agreement, each drift and each fault is judged by the exit code and the lines.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../bench/dev-server.ts";
import { parseHeadersFile } from "../src/formats/headers-file.ts";
import { hashLocalPart } from "../src/formats/wkd.ts";
import { nginxConfig } from "../src/publish/nginx.ts";
import { buildDir, layOutFixture, ROOT } from "./support/fixture-site.ts";
import { makeCertificate, requireNginx, startNginx, type Nginx, type TestCa } from "./support/nginx.ts";

const TSX = import.meta.resolve("tsx");

describe("npm run verify", () => {
  let dir: string;
  let served: string;
  let pristine: string;
  let ca: TestCa;
  let port: number;
  let nginx: Nginx | undefined;

  beforeAll(async () => {
    requireNginx();
    dir = layOutFixture("_base");
    const build = await buildDir(dir);
    expect(build.ok).toBe(true);
    pristine = build.output;
    served = path.join(dir, "served");
    cpSync(pristine, served, { recursive: true });
    ca = makeCertificate(["example.org", "openpgpkey.example.org"]);
    port = await freePort();
    const snippet = path.join(ca.dir, "security-headers.conf");
    const config = nginxConfig(parseHeadersFile(readFileSync(path.join(pristine, "_headers"), "utf8")), {
      serverName: "example.org",
      root: served,
      snippetPath: snippet,
      listen: [`127.0.0.1:${port} ssl`],
      certificate: { cert: ca.cert, key: ca.key },
    });
    writeFileSync(snippet, config.snippet);
    nginx = await startNginx([config.server], port);
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  /** Serves the build as it is, then lets a test change what is deployed. */
  function deploy(change?: (root: string) => void): void {
    rmSync(served, { recursive: true, force: true });
    cpSync(pristine, served, { recursive: true });
    change?.(served);
  }

  function verify(...args: string[]) {
    const run = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "src/build/verify-command.ts"), "--connect-to", `example.org:443:127.0.0.1:${port}`, "--timeout", "5", ...args], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(ca.dir, "ca.pem") },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, lines: `${run.stdout}${run.stderr}`.split("\n").filter(Boolean) };
  }

  it("a deployed site that agrees with the data: exit 0, and ok for every source", () => {
    deploy();
    const run = verify();
    expect(run.stderr, run.stdout).not.toMatch(/: (error|warning): /);
    expect(run.code, run.lines.join("\n")).toBe(0);
    for (const source of [
      "https://example.org/.well-known/security.txt",
      "https://example.org/security/",
      "https://example.org/security/keys/security@example.org.asc",
      `https://example.org/.well-known/openpgpkey/hu/${hashLocalPart("security")}?l=security`,
    ]) {
      expect(run.lines).toContain(`ok ${source}`);
    }
    // The advanced method's host does not exist here: a notice, not an error.
    expect(run.stdout).toMatch(/notice: https:\/\/openpgpkey\.example\.org\/.*the advanced method's host is not there/);
  });

  it("a stale security.txt is a disagreement at its line: exit 1", () => {
    deploy((root) => {
      const file = path.join(root, ".well-known/security.txt");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^Expires: .*$/m, "Expires: 2026-01-01T00:00:00Z"));
    });
    const run = verify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^https:\/\/example\.org\/\.well-known\/security\.txt:2:1: error: Expires should be \S+, but the deployed file says 2026-01-01T00:00:00Z: deploy a fresh build \[deployed-securitytxt\]$/m);
    expect(run.stderr).toMatch(/Expires 2026-01-01T00:00:00Z has passed/);
    expect(run.lines).toContain("differs https://example.org/.well-known/security.txt: 2 errors, 0 warnings");
  });

  it("a deployed page that shows an old fingerprint fails as the build would, and says the declared one is not shown", () => {
    deploy((root) => {
      const file = path.join(root, "security/index.html");
      writeFileSync(file, readFileSync(file, "utf8").replaceAll("3E91</code>", "3E92</code>"));
    });
    const run = verify("--format", "json");
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; rule: string }>;
    expect(findings.filter((f) => f.file === "https://example.org/security/").map((f) => f.rule)).toEqual(expect.arrayContaining(["fingerprint-mismatch"]));
  });

  it("a Web Key Directory file with another key, or served armored, is a disagreement", () => {
    const wkd = `.well-known/openpgpkey/hu/${hashLocalPart("security")}`;
    deploy((root) => writeFileSync(path.join(root, wkd), readFileSync(path.join(ROOT, "tests/fixtures/keys/rsa.asc"), "utf8")));
    const armored = verify();
    expect(armored.code).toBe(1);
    expect(armored.stderr).toMatch(/holds an armored key; the Web Key Directory serves the binary key/);
  });

  it("nothing listening is 'could not be checked', never agreement nor disagreement: exit 2", () => {
    deploy();
    const run = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "src/build/verify-command.ts"), "--connect-to", "example.org:443:127.0.0.1:9", "--timeout", "5"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(ca.dir, "ca.pem") },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^https:\/\/example\.org\/\.well-known\/security\.txt:1:1: error: could not be checked: connection refused by example\.org \[deployed-unreachable\]$/m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
  });

  /** The rules the JSON report names, by source. */
  function rules(run: { stdout: string }): Record<string, string[]> {
    const by: Record<string, string[]> = {};
    for (const f of JSON.parse(run.stdout) as Array<{ file: string; rule: string }>) (by[f.file] ??= []).push(f.rule);
    return by;
  }

  it("each kind of drift has its rule: a security.txt about to expire, a missing page, another key, a directory file armored", () => {
    const wkd = `.well-known/openpgpkey/hu/${hashLocalPart("security")}`;
    deploy((root) => {
      const txt = path.join(root, ".well-known/security.txt");
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
      writeFileSync(txt, readFileSync(txt, "utf8").replace(/^Expires: .*$/m, `Expires: ${soon}`));
      rmSync(path.join(root, "security/index.html"));
      writeFileSync(path.join(root, "security/keys/security@example.org.asc"), readFileSync(path.join(ROOT, "tests/fixtures/keys/rsa.asc"), "utf8"));
      writeFileSync(path.join(root, wkd), readFileSync(path.join(ROOT, "tests/fixtures/keys/rsa.asc"), "utf8"));
    });
    const run = verify("--format", "json");
    expect(run.code).toBe(1);
    const found = rules(run);
    expect(found["https://example.org/.well-known/security.txt"]).toEqual(["deployed-securitytxt", "deployed-securitytxt-expiring"]);
    expect(found["https://example.org/security/"]).toEqual(["deployed-page"]);
    // Another key fails more than one of the key checks, each its own line.
    expect(new Set(found["https://example.org/security/keys/security@example.org.asc"])).toEqual(new Set(["deployed-key"]));
    expect(found[`https://example.org/${wkd}?l=security`]).toEqual(["deployed-wkd"]);
  });

  it("in JSON, a source that could not be checked is deployed-unreachable", () => {
    deploy();
    const run = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "src/build/verify-command.ts"), "--connect-to", "example.org:443:127.0.0.1:9", "--format", "json"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(Object.values(rules(run)).flat().every((r) => r === "deployed-unreachable")).toBe(true);
  });

  it("a certificate the machine does not trust is a clear line, not a stack trace: exit 2", () => {
    deploy();
    const run = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "src/build/verify-command.ts"), "--connect-to", `example.org:443:127.0.0.1:${port}`, "--timeout", "5"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: "" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not be checked: TLS to example\.org failed \(\w+\): the certificate is not trusted; a private CA goes in NODE_EXTRA_CA_CERTS/);
  });
});
