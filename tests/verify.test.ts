/**
 * `npm run verify` against a deployed site: a fixture build served by Debian's nginx over
 * HTTPS on 127.0.0.1 with a test CA's certificate for example.org, reached under its real name
 * through --connect-to, and trusted through NODE_EXTRA_CA_CERTS as the README says. Every
 * agreement, each drift and each fault is judged by the exit code and the lines.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../bench/dev-server.ts";
import { parseHeadersFile } from "../src/formats/headers-file.ts";
import { hashLocalPart } from "../src/formats/wkd.ts";
import { nginxConfig } from "../src/publish/nginx.ts";
import { buildDir, layOutFixture, ROOT } from "./support/fixture-site.ts";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { makeCertificate, requireNginx, startNginx, type Nginx, type TestCa } from "./support/nginx.ts";
import { requireSks, startSks, type Sks } from "./support/sks.ts";
import { BIN } from "./support/runtime.ts";
import { siteWithAdvisories } from "./support/advisory-site.ts";
import { sourceVersion } from "../src/rules/translation.ts";
import { WORK } from "./support/work.ts";
import { gpg } from "./support/gnupg.ts";

const EMAIL = "security@example.org";

/** The contact's key, made by GnuPG: its public part, and the same key revoked (for a keyserver that has the revocation). */
function makeContactKey(): { hex: string; armored: string; revoked: string; secret: string } {
  mkdirSync(WORK, { recursive: true });
  const home = mkdtempSync(path.join(WORK, "gnupg-"));
  gpg(home, ["--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "cert,sign", "2y"]);
  const hex = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ["--with-colons", "--list-keys", EMAIL]))![1]!;
  gpg(home, ["--quick-add-key", hex, "cv25519", "encr", "2y"]);
  const armored = gpg(home, ["--export", "--armor", hex]);
  const secret = gpg(home, ["--export-secret-keys", "--armor", hex]);
  gpg(home, ["--import"], readFileSync(path.join(home, "openpgp-revocs.d", `${hex}.rev`), "utf8").replace(/^:-----BEGIN/m, "-----BEGIN"));
  return { hex, armored, revoked: gpg(home, ["--export", "--armor", hex]), secret };
}

describe("npm run verify", () => {
  let dir: string;
  let served: string;
  let pristine: string;
  let ca: TestCa;
  let port: number;
  /** The same build served over plain http, as a local preview. */
  let httpPort: number;
  let sksPort: number;
  let nginx: Nginx | undefined;
  let sks: Sks | undefined;
  let key: { hex: string; armored: string; revoked: string; secret: string };
  let vks: string;

  beforeAll(async () => {
    requireNginx();
    requireSks();
    key = makeContactKey();
    dir = layOutFixture("_base");
    // The fixture with the key GnuPG made: declared, in its file, shown, and linked at two keyservers.
    writeFileSync(path.join(dir, `content/keys/${EMAIL}.asc`), key.armored);
    const data = path.join(dir, "content/_data/security.json");
    writeFileSync(data, readFileSync(data, "utf8").replace("7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91", formatFingerprint({ version: 4, hex: key.hex })));
    const page = path.join(dir, "content/security.md");
    writeFileSync(
      page,
      readFileSync(page, "utf8")
        .replace("7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91", formatFingerprint({ version: 4, hex: key.hex }))
        .replace("7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", key.hex)
        .replace("## Handling", `Also on [pgp.example.net](https://pgp.example.net/pks/lookup?op=get&search=0x${key.hex}).\n\n## Handling`),
    );
    const build = await buildDir(dir);
    expect(build.ok).toBe(true);
    pristine = build.output;
    served = path.join(dir, "served");
    cpSync(pristine, served, { recursive: true });
    ca = makeCertificate(["example.org", "openpgpkey.example.org", "keys.openpgp.org", "pgp.example.net"]);
    port = await freePort();
    httpPort = await freePort();
    sksPort = await freePort();
    sks = await startSks([key.armored], sksPort);
    // No server of keys.openpgp.org's kind is packaged: its VKS answers are files laid out as its API has them.
    vks = path.join(dir, "vks");
    publishOnVks(key.armored);
    const snippet = path.join(ca.dir, "security-headers.conf");
    const config = nginxConfig(parseHeadersFile(readFileSync(path.join(pristine, "_headers"), "utf8")), {
      serverName: "example.org",
      root: served,
      snippetPath: snippet,
      listen: [`127.0.0.1:${port} ssl`],
      certificate: { cert: ca.cert, key: ca.key },
    });
    writeFileSync(snippet, config.snippet);
    const tls = [`    listen 127.0.0.1:${port} ssl;`, `    ssl_certificate ${ca.cert};`, `    ssl_certificate_key ${ca.key};`];
    const vksServer = ["server {", ...tls, "    server_name keys.openpgp.org;", `    root ${vks};`, "    default_type application/pgp-keys;", "}"].join("\n");
    const hkpServer = ["server {", ...tls, "    server_name pgp.example.net;", `    location /pks/ { proxy_pass http://127.0.0.1:${sksPort}; }`, "}"].join("\n");
    const preview = nginxConfig(parseHeadersFile(readFileSync(path.join(pristine, "_headers"), "utf8")), { serverName: "example.org", root: served, snippetPath: snippet, listen: [`127.0.0.1:${httpPort}`] });
    nginx = await startNginx([config.server, vksServer, hkpServer, preview.server], port);
  });

  afterAll(async () => {
    await nginx?.stop();
    await sks?.stop();
  });

  /** What keys.openpgp.org answers, by fingerprint and by address. */
  function publishOnVks(byFingerprint: string, byEmail = byFingerprint): void {
    rmSync(vks, { recursive: true, force: true });
    mkdirSync(path.join(vks, "vks/v1/by-fingerprint"), { recursive: true });
    mkdirSync(path.join(vks, "vks/v1/by-email"), { recursive: true });
    writeFileSync(path.join(vks, "vks/v1/by-fingerprint", key.hex), byFingerprint);
    writeFileSync(path.join(vks, "vks/v1/by-email", EMAIL), byEmail);
  }

  /** Serves the build as it is (or another build), then lets a test change what is deployed. */
  function deploy(change?: (root: string) => void, build = pristine): void {
    rmSync(served, { recursive: true, force: true });
    cpSync(build, served, { recursive: true });
    change?.(served);
  }

  /**
   * verify's own command, every host the site names reached on 127.0.0.1 (at one port, or each
   * at its own), the test CA trusted unless `env` says otherwise.
   */
  function verifyVia(to: number | Record<string, number>, args: string[], env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: path.join(ca.dir, "ca.pem") }, cwd = dir) {
    const connect = ["example.org", "keys.openpgp.org", "pgp.example.net"].flatMap((host) => ["--connect-to", `${host}:443:127.0.0.1:${typeof to === "number" ? to : to[host]}`]);
    const run = spawnSync(process.execPath, [BIN, "verify", ...connect, ...args], {
      cwd,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, ...env },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, lines: `${run.stdout}${run.stderr}`.split("\n").filter(Boolean) };
  }

  function verify(...args: string[]) {
    return verifyVia(port, ["--timeout", "5", ...args]);
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
      `https://keys.openpgp.org/vks/v1/by-fingerprint/${key.hex}`,
      `https://keys.openpgp.org/vks/v1/by-email/security%40example.org`,
      `https://pgp.example.net/pks/lookup?op=get&options=mr&search=0x${key.hex}`,
    ]) {
      expect(run.lines).toContain(`ok ${source}`);
    }
    // The advanced method's host does not exist here: a notice, not an error.
    expect(run.stdout).toMatch(/notice: https:\/\/openpgpkey\.example\.org\/.*the advanced method's host is not there/);
  });

  it("a site with a translation, advisories, a thanks page, CSAF and a signed security.txt, deployed as built, agrees: exit 0", async () => {
    const site = siteWithAdvisories();
    // The policy in Spanish too, made from the original as it is: the same facts, its body not yet translated.
    const original = readFileSync(path.join(site.dir, "content/security.md"), "utf8");
    const body = original.replace(/^---\n[\s\S]*?\n---\n/, "");
    mkdirSync(path.join(site.dir, "content/es"), { recursive: true });
    writeFileSync(path.join(site.dir, "content/es/security.md"), `---\ntitle: Política de seguridad\npermalink: /es/security/\ntranslatedFrom: ${sourceVersion(original)}\n---\n${body}`);
    process.env.SECURITY_TXT_SIGNING_KEY = site.secret;
    let build: Awaited<ReturnType<typeof buildDir>>;
    try {
      build = await buildDir(site.dir, { output: path.join(site.dir, "signed") });
    } finally {
      delete process.env.SECURITY_TXT_SIGNING_KEY;
    }
    expect(build.ok, build.lines.join("\n")).toBe(true);
    const published = readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8");
    // What a second derivation of security.txt from the data alone got wrong.
    expect(published).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----/);
    expect(published).toMatch(/^Preferred-Languages: en, es$/m);
    expect(published).toMatch(/^Acknowledgments: https:\/\/example\.org\/security\/thanks\/$/m);
    expect(published).toMatch(/^CSAF: https:\/\/example\.org\/\.well-known\/csaf\/provider-metadata\.json$/m);
    deploy(undefined, build.output);
    try {
      const run = verifyVia(port, ["--timeout", "5", "--offline"], undefined, site.dir);
      expect(run.stderr, run.lines.join("\n")).not.toMatch(/: (error|warning): /);
      expect(run.code, run.lines.join("\n")).toBe(0);
      expect(run.lines).toContain("ok https://example.org/.well-known/security.txt");
      expect(run.lines).toContain("ok https://example.org/security/");
      // The CSAF distribution, walked from its metadata through the ROLIE feed: each document, hash and signature.
      for (const file of [".well-known/csaf/provider-metadata.json", ".well-known/csaf/feed-tlp-white.json", ".well-known/csaf/white/2026/ghsa-w8qv-6jwh-64r5.json", ".well-known/csaf/white/2026/ghsa-w8qv-6jwh-64r5.json.sha512", ".well-known/csaf/white/2026/ghsa-w8qv-6jwh-64r5.json.asc"]) {
        expect(run.lines).toContain(`ok https://example.org/${file}`);
      }
      // A signature from another build is a disagreement at its URL.
      deploy((root) => {
        const signature = path.join(root, ".well-known/csaf/white/2026/ghsa-w8qv-6jwh-64r5.json.asc");
        writeFileSync(signature, readFileSync(path.join(root, ".well-known/csaf/white/2025/cve-2025-31337.json.asc"), "utf8"));
      }, build.output);
      const drifted = verifyVia(port, ["--timeout", "5", "--offline"], undefined, site.dir);
      expect(drifted.code, drifted.lines.join("\n")).toBe(1);
      expect(drifted.stderr).toMatch(/^https:\/\/example\.org\/\.well-known\/csaf\/white\/2026\/ghsa-w8qv-6jwh-64r5\.json\.asc:1:1: error: does not verify the document https:\/\/example\.org\/\.well-known\/csaf\/white\/2026\/ghsa-w8qv-6jwh-64r5\.json with a published key .*\[deployed-csaf\]$/m);
    } finally {
      deploy();
    }
  });

  it("--offline asks no keyserver, says so, and still checks the site", () => {
    deploy();
    const run = verify("--offline");
    expect(run.code, run.lines.join("\n")).toBe(0);
    expect(run.lines).toContain("ok https://example.org/.well-known/security.txt");
    expect(run.lines).toContain("ok https://example.org/security/");
    expect(run.lines.filter((l) => /keys\.openpgp\.org|pgp\.example\.net/.test(l) && !l.includes("notice:"))).toEqual([]);
    expect(run.stdout).toMatch(/notice: --offline: no keyserver was asked, neither keys\.openpgp\.org nor those the page links to/);

    const both = verify("--offline", "--keyserver", "pgp.example.net");
    expect(both.code).toBe(2);
    expect(both.stderr.split("\n")[0]).toBe("--offline asks no keyserver, and --keyserver names one: give one or the other");
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
      const shown = formatFingerprint({ version: 4, hex: key.hex });
      writeFileSync(file, readFileSync(file, "utf8").replaceAll(`${shown}</code>`, `${shown.slice(0, -1)}${shown.endsWith("0") ? "1" : "0"}</code>`));
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
    const run = verifyVia(9, ["--timeout", "5"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^https:\/\/example\.org\/\.well-known\/security\.txt:1:1: error: could not be checked: connection refused by example\.org \[deployed-unreachable\]$/m);
    expect(run.lines.join("\n")).not.toMatch(/^\s+at /m);
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
    const run = verifyVia(9, ["--format", "json"]);
    expect(run.code).toBe(2);
    const found = Object.values(rules(run)).flat();
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((r) => r !== "deployed-unreachable")).toEqual([]);
  });

  it("a certificate the machine does not trust is a clear line that says why, not a stack trace: exit 2", () => {
    deploy();
    const run = verifyVia(port, ["--timeout", "5"], { NODE_EXTRA_CA_CERTS: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^https:\/\/example\.org\/\.well-known\/security\.txt:1:1: error: could not be checked: the TLS certificate of example\.org is issued by a CA this machine does not know \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): serve the full chain \(the intermediate certificates too\); for a private CA, give its certificate in NODE_EXTRA_CA_CERTS \[deployed-unreachable\]$/m,
    );
    expect(run.lines.join("\n")).not.toMatch(/^\s+at /m);
  });

  it("an https URL answered in plain HTTP says so, and suggests --site for this machine: exit 2", () => {
    deploy();
    const run = verifyVia(httpPort, ["--timeout", "5", "--offline"]);
    expect(run.code, run.lines.join("\n")).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^https://example\\.org/\\.well-known/security\\.txt:1:1: error: could not be checked: example\\.org answered in plain HTTP, not TLS: the server at 127\\.0\\.0\\.1:${httpPort} speaks http where the URL asks for https; to check a local preview served over http, give --site http://127\\.0\\.0\\.1:${httpPort}/ \\[deployed-unreachable\\]$`, "m"),
    );
    expect(run.stderr).not.toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it("--site http://127.0.0.1:PORT checks a local preview against the site's own URL, and says so first and last: exit 0", () => {
    deploy();
    const origin = `http://127.0.0.1:${httpPort}`;
    const run = verify("--site", origin, "--offline");
    expect(run.stderr, run.stdout).not.toMatch(/: (error|warning): /);
    expect(run.code, run.lines.join("\n")).toBe(0);
    const said = `a local preview at ${origin}/, not the deployed site: security.txt's Canonical and the pages' URLs are compared with https://example.org/; TLS, the advanced Web Key Directory host and contacts' domains other than the site's host are not asked`;
    expect(run.stdout.split("\n")[0]).toBe(`checking ${said}`);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`checked ${said}`);
    for (const file of ["/.well-known/security.txt", "/security/", "/security/keys/security@example.org.asc", `/.well-known/openpgpkey/hu/${hashLocalPart("security")}?l=security`]) {
      expect(run.lines).toContain(`ok ${origin}${file}`);
    }
    expect(run.lines).toContain(`not asked https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/${hashLocalPart("security")}?l=security: the advanced method's host openpgpkey.example.org: a copy of the site serves only the site's own host: verify the deployed site to check it`);
    expect(run.stdout).toMatch(new RegExp(`^notice: --site ${origin}/: TLS is not checked, as the preview is served over plain http; verify the deployed site to check its certificate$`, "m"));
  });

  it("a preview is held to the site's URL: a security.txt whose Canonical names the preview differs", () => {
    const origin = `http://127.0.0.1:${httpPort}`;
    deploy((root) => {
      const file = path.join(root, ".well-known/security.txt");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^Canonical: .*$/m, `Canonical: ${origin}/.well-known/security.txt`));
    });
    const run = verify("--site", origin, "--offline");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${origin.replace(/[.]/g, "\\.")}/\\.well-known/security\\.txt:\\d+:1: error: Canonical should be https://example\\.org/\\.well-known/security\\.txt, but the deployed file says ${origin.replace(/[.]/g, "\\.")}/\\.well-known/security\\.txt: deploy a fresh build \\[deployed-securitytxt\\]$`, "m"));
  });

  it("--site with plain http to another machine is refused before anything is asked: exit 2", () => {
    for (const site of ["http://192.0.2.7:8080", "http://example.org", "http://127.0.0.1.example.net:8080"]) {
      const run = verify("--site", site, "--offline");
      expect(run.code, site).toBe(2);
      expect(run.stderr.split("\n")[0]).toBe(
        `--site ${site} is plain http to ${new URL(site).hostname}, which is not this machine: a deployed policy must be served over https (RFC 9116, section 3), so verify it at its https URL; plain http is taken only for a local preview on 127.0.0.0/8, ::1 or localhost`,
      );
      expect(run.stdout).toBe("");
    }
    const withPath = verify("--site", `http://127.0.0.1:${httpPort}/security/`);
    expect(withPath.code).toBe(2);
    expect(withPath.stderr.split("\n")[0]).toBe(`--site http://127.0.0.1:${httpPort}/security/ is more than an origin: give the scheme, host and port only (e.g. --site http://127.0.0.1:${httpPort}); the site's own paths are added to it`);
  });

  it("keys.openpgp.org giving another key for the address is a disagreement", () => {
    deploy();
    publishOnVks(key.armored, readFileSync(path.join(ROOT, "tests/fixtures/keys/rsa.asc"), "utf8"));
    try {
      const run = verify("--format", "json");
      expect(run.code).toBe(1);
      expect(rules(run)["https://keys.openpgp.org/vks/v1/by-email/security%40example.org"]).toEqual(["deployed-keyserver"]);
      expect(run.stdout).toMatch(/gives another key for security@example\.org/);
    } finally {
      publishOnVks(key.armored);
    }
  });

  it("a revocation uploaded to the keyserver but not to the repository is caught there", async () => {
    deploy();
    await sks!.stop();
    sks = await startSks([key.revoked], sksPort);
    try {
      const run = verify("--format", "json");
      expect(run.code).toBe(1);
      const hkp = `https://pgp.example.net/pks/lookup?op=get&options=mr&search=0x${key.hex}`;
      expect(rules(run)[hkp]).toEqual(["deployed-keyserver"]);
      expect(run.stdout).toMatch(/was revoked on \d{4}-\d{2}-\d{2}.*\[key-revoked\]/);
    } finally {
      await sks!.stop();
      sks = await startSks([key.armored], sksPort);
    }
  });

  it("a keyserver the page links to that has no such key is a disagreement", async () => {
    deploy();
    await sks!.stop();
    sks = await startSks([readFileSync(path.join(ROOT, "tests/fixtures/keys/rsa.asc"), "utf8")], sksPort);
    try {
      const run = verify();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/pks\/lookup.*: error: has no key .* of security@example\.org, which the page sends researchers to look up/);
    } finally {
      await sks!.stop();
      sks = await startSks([key.armored], sksPort);
    }
  });

  it("--security-md checks a repository's SECURITY.md, from a file or a URL, against the same data", () => {
    deploy((root) => writeFileSync(path.join(root, "SECURITY.md"), `# Security\n\nWrite to ${EMAIL}.\n\n${EMAIL}: ${formatFingerprint({ version: 4, hex: key.hex })}\n`));
    const file = path.join(dir, "SECURITY.md");
    writeFileSync(file, `# Security\n\nWrite to ${EMAIL}.\n\n${EMAIL}: 0168 DA26 2989 0DB9 4ACD  8367 E683 061E 2F85 C381\n`);
    const run = verify("--security-md", file, "--security-md", "https://example.org/SECURITY.md", "--security-md", "https://example.org/NOPE.md");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:5:23: error: fingerprint 0168 DA26 .* is not the declared fingerprint of security@example\\.org .* \\[fingerprint-mismatch\\]$`, "m"));
    expect(run.lines).toContain("ok https://example.org/SECURITY.md");
    expect(run.stderr).toMatch(/^https:\/\/example\.org\/NOPE\.md:1:1: error: answers 404, not the file \[deployed-security-md\]$/m);
    expect(rules(verify("--security-md", "https://example.org/NOPE.md", "--format", "json"))["https://example.org/NOPE.md"]).toEqual(["deployed-security-md"]);
  });

  it("--security-md gives headings GitHub's ids: a table of contents links to its sections, and only a link to no heading is anchor-missing", () => {
    const file = path.join(dir, "SECURITY.md");
    writeFileSync(
      file,
      [
        "# Security policy",
        "",
        "- [Reporting a vulnerability](#reporting-a-vulnerability)",
        "- [Cómo informar](#cómo-informar)",
        "- [Scope & rewards](#scope--rewards)",
        "- [What's in scope?](#whats-in-scope)",
        "- [Supported versions](#supported-versions) and [again](#supported-versions-1)",
        "- [Disclosure](#disclosure-policy)",
        "",
        "## Reporting a vulnerability",
        "",
        `Write to ${EMAIL}.`,
        "",
        "> [!IMPORTANT]",
        "> Do not open a public issue.",
        "",
        "## Cómo informar",
        "",
        "## Scope & rewards",
        "",
        "## What's in scope?",
        "",
        "## Supported versions",
        "",
        "## Supported versions",
        "",
      ].join("\n"),
    );
    const run = verify("--security-md", file, "--format", "json");
    const own = (JSON.parse(run.stdout) as Array<{ file: string; line: number; column: number; rule: string; message: string }>).filter((f) => f.file === file);
    expect(own).toEqual([
      { file, line: 8, column: 16, severity: "error", rule: "anchor-missing", message: 'link to "#disclosure-policy" has no target: no element on this page has id "disclosure-policy"' },
    ]);
  });

  it("--security-md reads its key links: a grouped fingerprint one digit off is an error, a GitHub .gpg link a notice that fails nothing", () => {
    const grouped = formatFingerprint({ version: 4, hex: key.hex });
    const wrong = `${key.hex.slice(0, -1)}${key.hex.endsWith("0") ? "1" : "0"}`;
    const notice = path.join(dir, "SECURITY-notice.md");
    writeFileSync(notice, `# Security\n\nWrite to ${EMAIL}, encrypted to [our key](https://github.com/example-maintainer.gpg).\n\n${EMAIL}: ${grouped}\n`);
    const quiet = verify("--security-md", notice);
    expect(quiet.code, quiet.lines.join("\n")).toBe(0);
    expect(quiet.stderr).toContain(
      `${notice}:3:55: notice: link gets whatever keys the GitHub account example-maintainer holds, and names no fingerprint, so the checks cannot tell whether it is the declared key; link to the key by its fingerprint instead, e.g. https://keys.openpgp.org/vks/v1/by-fingerprint/${key.hex} [key-link-unverifiable]`,
    );
    expect(quiet.lines).toContain(`ok ${notice}`);

    const error = path.join(dir, "SECURITY-error.md");
    writeFileSync(error, `# Security\n\n${EMAIL}: ${grouped}\n\nLook it up on [keys.openpgp.org](https://keys.openpgp.org/search?q=${formatFingerprint({ version: 4, hex: wrong }).replace(/ /g, "+")}).\n`);
    const loud = verify("--security-md", error, "--format", "json");
    expect(loud.code).toBe(1);
    expect((JSON.parse(loud.stdout) as Array<{ file: string }>).filter((f) => f.file === error)).toEqual([
      { file: error, line: 5, column: 34, severity: "error", rule: "keyserver-mismatch", message: `link looks up fingerprint ${wrong}, which is not a declared key; it should be ${key.hex}` },
    ]);
  });

  it("each fault of a server is a clear line: a redirect loop, a 500, an oversized body, a missing CORS header, a server that never answers", async () => {
    deploy();
    const faultPort = await freePort();
    const silentPort = await freePort();
    const big = path.join(dir, "big");
    mkdirSync(path.join(big, "security/keys"), { recursive: true });
    writeFileSync(path.join(big, `security/keys/${EMAIL}.asc`), "x".repeat(2 * 1_048_576));
    const faults = [
      "server {",
      `    listen 127.0.0.1:${faultPort} ssl;`,
      `    ssl_certificate ${ca.cert};`,
      `    ssl_certificate_key ${ca.key};`,
      "    server_name example.org;",
      `    root ${served};`,
      // A relative Location, as most servers send it: the name and port stay the site's.
      "    absolute_redirect off;",
      "    location = /.well-known/security.txt { return 302 /.well-known/security.txt; }",
      "    location = /security/ { return 500; }",
      `    location ^~ /security/keys/ { root ${big}; }`,
      "}",
    ].join("\n");
    const faulty = await startNginx([faults], faultPort);
    // A server that accepts the connection and never says a word.
    const { createServer } = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(silentPort, "127.0.0.1", () => resolve()));
    try {
      // The site's faults at one server, the keyservers at one that never answers.
      const run = verifyVia({ "example.org": faultPort, "keys.openpgp.org": silentPort, "pgp.example.net": silentPort }, ["--timeout", "1"]);
      const out = run.lines.join("\n");
      expect(run.code, out).toBe(1);
      expect(out).toMatch(/security\.txt:1:1: error: could not be checked: a redirect loop: https:\/\/example\.org\/\.well-known\/security\.txt → https:\/\/example\.org\/\.well-known\/security\.txt \(302\) \[deployed-unreachable\]/);
      expect(out).toMatch(/https:\/\/example\.org\/security\/:1:1: error: answers 500, not the policy page/);
      expect(out).toMatch(/security@example\.org\.asc:1:1: error: could not be checked: the answer is larger than 1048576 bytes/);
      expect(out).toMatch(/openpgpkey\/hu\/.*: error: is served without Access-Control-Allow-Origin: \*/);
      expect(out).toMatch(/keys\.openpgp\.org\/vks\/v1\/by-fingerprint\/.*: error: could not be checked: no answer within 1 s/);
      expect(out).not.toMatch(/^\s+at /m);
    } finally {
      await faulty.stop();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("the total deadline ends the verification, whatever each request's own timeout", async () => {
    const silentPort = await freePort();
    const { createServer } = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(silentPort, "127.0.0.1", () => resolve()));
    try {
      // Each request may wait 30 s; the message says the 2-second deadline ended the run instead.
      const run = verifyVia(silentPort, ["--timeout", "30", "--deadline", "2"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/security\.txt:1:1: error: could not be checked: no answer before the verification's deadline \[deployed-unreachable\]/);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("a certificate for another name is a clear line: exit 2", async () => {
    deploy();
    const other = makeCertificate(["www.example.net"]);
    const otherPort = await freePort();
    const server = ["server {", `    listen 127.0.0.1:${otherPort} ssl;`, `    ssl_certificate ${other.cert};`, `    ssl_certificate_key ${other.key};`, `    root ${served};`, "}"].join("\n");
    const wrong = await startNginx([server], otherPort);
    try {
      const run = verifyVia(otherPort, ["--timeout", "5"], { NODE_EXTRA_CA_CERTS: path.join(other.dir, "ca.pem") });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/security\.txt:1:1: error: could not be checked: the TLS certificate of example\.org is not for example\.org: serve a certificate whose names include example\.org \[deployed-unreachable\]/);
    } finally {
      await wrong.stop();
    }
  });

  it("a signed security.txt verifies with the declared key; one changed after signing does not", async () => {
    // A signed build, as the README's signing section makes it: the key through the environment.
    process.env.SECURITY_TXT_SIGNING_KEY = key.secret;
    let signed: string;
    try {
      const build = await buildDir(dir, { output: path.join(dir, "signed") });
      expect(build.ok, build.lines.join("\n")).toBe(true);
      signed = readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8");
    } finally {
      delete process.env.SECURITY_TXT_SIGNING_KEY;
    }
    expect(signed).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----/);
    deploy((root) => writeFileSync(path.join(root, ".well-known/security.txt"), signed));
    expect(verify().code).toBe(0);

    // A comment added on the server: every field the same, the signature no longer good.
    deploy((root) => writeFileSync(path.join(root, ".well-known/security.txt"), signed.replace(/^Contact: /m, "# edited on the server\nContact: ")));
    const run = verify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/security\.txt:1:1: error: is signed, but the signature does not verify with any declared contact's key/);
  });
});

describe("verify --help", () => {
  it("prints the usage and every option, and exits 0", () => {
    const run = spawnSync(process.execPath, [BIN, "verify", "--help"], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^usage: npm run verify -- /);
    for (const option of ["--format", "--site", "--connect-to", "--keyserver", "--offline", "--security-md", "--timeout", "--deadline", "--input", "--help"]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${option} `, "m"));
    }
  });
});

describe("npm run verify, for an address whose domain is not the site's host", () => {
  // The site at www.example.org, its contact at example.org: the build writes the contact's
  // directory into public-wkd/, one folder per host, and nginx serves each folder under its host.
  let dir: string;
  let hosts: string;
  let served: string;
  let ca: TestCa;
  let port: number;
  let nginx: Nginx | undefined;
  const hash = hashLocalPart("security");
  const direct = `https://example.org/.well-known/openpgpkey/hu/${hash}?l=security`;
  const advanced = `https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/${hash}?l=security`;

  beforeAll(async () => {
    requireNginx();
    dir = layOutFixture("publish-other-host");
    const build = await buildDir(dir);
    expect(build.ok, build.lines.join("\n")).toBe(true);
    hosts = path.join(dir, "served-wkd");
    served = path.join(dir, "served");
    cpSync(build.output, served, { recursive: true });
    ca = makeCertificate(["www.example.org", "example.org", "openpgpkey.example.org"]);
    port = await freePort();
    // Each host served as the README says: nginx-config made from the _headers of its folder.
    const blocks = [
      { host: "www.example.org", root: served },
      { host: "example.org", root: path.join(hosts, "example.org") },
      { host: "openpgpkey.example.org", root: path.join(hosts, "openpgpkey.example.org") },
    ].map(({ host, root }, n) => {
      const headers = path.join(host === "www.example.org" ? build.output : path.join(`${build.output}-wkd`, host), "_headers");
      const snippet = path.join(ca.dir, `headers-${n}.conf`);
      const config = nginxConfig(parseHeadersFile(readFileSync(headers, "utf8")), { serverName: host, root, snippetPath: snippet, listen: [`127.0.0.1:${port} ssl`], certificate: { cert: ca.cert, key: ca.key } });
      writeFileSync(snippet, config.snippet);
      return config.server;
    });
    deployHosts();
    nginx = await startNginx(blocks, port);
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  /** Deploys the build's public-wkd/ as it is, then lets a test change it. */
  function deployHosts(change?: (root: string) => void): void {
    rmSync(hosts, { recursive: true, force: true });
    cpSync(path.join(dir, "public-wkd"), hosts, { recursive: true });
    change?.(hosts);
  }

  function verify(...args: string[]) {
    const connect = ["www.example.org", "example.org", "openpgpkey.example.org"].flatMap((host) => ["--connect-to", `${host}:443:127.0.0.1:${port}`]);
    const run = spawnSync(process.execPath, [BIN, "verify", ...connect, "--timeout", "5", "--offline", ...args], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(ca.dir, "ca.pem") },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, lines: `${run.stdout}${run.stderr}`.split("\n").filter(Boolean) };
  }

  it("both methods served from the build's folders, on the contact's domain and on openpgpkey.<domain>: ok for each, exit 0", () => {
    deployHosts();
    const run = verify();
    expect(run.stderr, run.stdout).not.toMatch(/: (error|warning): /);
    expect(run.code, run.lines.join("\n")).toBe(0);
    expect(run.lines).toContain(`ok ${direct}`);
    expect(run.lines).toContain(`ok ${advanced}`);
    expect(run.lines).toContain("ok https://www.example.org/.well-known/security.txt");
  });

  it("no directory on the contact's domain is a disagreement that names the folder to deploy there: exit 1", () => {
    deployHosts((root) => rmSync(path.join(root, "example.org/.well-known"), { recursive: true }));
    const run = verify();
    expect(run.code, run.lines.join("\n")).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${direct.replace(/[.?]/g, "\\$&")}:1:1: error: answers 404, not the key: security@example\\.org is not in the site's host www\\.example\\.org, so clients ask example\\.org; deploy the build's public-wkd/example\\.org/ at https://example\\.org/ \\[deployed-wkd\\]$`,
        "m",
      ),
    );
    expect(run.lines).toContain(`differs ${direct}: 1 error, 0 warnings`);
    expect(run.lines).toContain(`ok ${advanced}`);
  });

  it("another key at the advanced method's host is a disagreement there, as clients ask it first", () => {
    deployHosts((root) => writeFileSync(path.join(root, `openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/${hash}`), readFileSync(path.join(dir, "public/security/keys/security@example.org.asc"), "utf8")));
    const run = verify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${advanced.replace(/[.?]/g, "\\$&")}:1:1: error: holds an armored key`, "m"));
    expect(run.lines).toContain(`ok ${direct}`);
  });

  it("a copy of the site (--site) does not serve the contact's domain: both methods are named as not asked, and nothing disagrees", () => {
    deployHosts((root) => rmSync(path.join(root, "example.org/.well-known"), { recursive: true }));
    const run = verify("--site", "https://www.example.org");
    expect(run.code, run.lines.join("\n")).toBe(0);
    const why = "a copy of the site serves only the site's own host: verify the deployed site to check it";
    expect(run.lines).toContain(`not asked ${direct}: example.org is security@example.org's domain, not the site's host; ${why}`);
    expect(run.lines).toContain(`not asked ${advanced}: the advanced method's host openpgpkey.example.org: ${why}`);
    expect(run.stdout.split("\n")[0]).toMatch(/^checking a copy of the site at https:\/\/www\.example\.org\/, not the deployed site: /);
  });

  it("a missing policy file on the contact's domain names the folder to deploy there", () => {
    deployHosts((root) => rmSync(path.join(root, "example.org/.well-known/openpgpkey/policy")));
    const run = verify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^https:\/\/example\.org\/\.well-known\/openpgpkey\/policy:1:1: error: the directory's policy file is not there \(answered with 404\): deploy the build's public-wkd\/example\.org\/ at https:\/\/example\.org\/ \[deployed-wkd\]$/m);
  });
});
