import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKey, readKey, readPrivateKey } from "openpgp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { normalizeOptions } from "../src/plugins/publish.ts";
import { formatHeaders, pagePolicies } from "../src/publish/headers.ts";
import { keyUrlPath } from "../src/formats/site-paths.ts";
import { planPublication, type PublicationInput } from "../src/publish/plan.ts";
import { filesWithSecrets, privateKeyIn } from "../src/publish/secrets.ts";
import { checkSecurityTxt, DEFAULT_EXPIRES, formatExpires, parseSecurityTxt, resolveExpires } from "../src/formats/security-txt.ts";
import { SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE, verifySecurityTxt } from "../src/publish/sign.ts";
import type { Fingerprint } from "../src/types.ts";
import { hashLocalPart } from "../src/formats/wkd.ts";
import { parseHeadersFile } from "../src/formats/headers-file.ts";
import { buildDir, buildFixture, type FixtureBuild, layOutFixture, ROOT, snapshot } from "./support/fixture-site.ts";

const DAY = 86_400_000;
const BASE_FINGERPRINT = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
const BASE_WKD = `.well-known/openpgpkey/hu/${hashLocalPart("security")}`;

const read = (build: FixtureBuild, file: string) => readFileSync(path.join(build.output, file), "utf8");
const field = (text: string, name: string) => parseSecurityTxt(text).fields.filter((f) => f.name === name).map((f) => f.value);


// ---------------------------------------------------------------------------
// GnuPG, for checks independent of openpgp.js. Missing GnuPG fails these tests; it never skips them.

const INSTALL_GNUPG = "install gnupg (apt-get install gnupg, as .ci/run does) to run the GnuPG cross-checks";

function requireGpg(): void {
  const run = spawnSync("gpg", ["--version"], { encoding: "utf8" });
  if (run.error || run.status !== 0) throw new Error(`gpg is not on this machine: ${INSTALL_GNUPG}`);
}

/** gpg-wks-client is not on PATH in Debian: it lives in GnuPG's libexec folder. */
function wksClient(): string {
  const libexec = spawnSync("gpgconf", ["--list-dirs", "libexecdir"], { encoding: "utf8" }).stdout?.trim();
  const candidates = ["gpg-wks-client", ...(libexec ? [path.join(libexec, "gpg-wks-client")] : []), "/usr/lib/gnupg/gpg-wks-client"];
  const found = candidates.find((c) => !spawnSync(c, ["--version"]).error);
  if (!found) throw new Error(`gpg-wks-client is not on this machine: ${INSTALL_GNUPG}`);
  return found;
}

/** gpg with a keyring of its own in a temporary folder, removed afterwards. */
function withGnupgHome<T>(use: (gpg: (...args: string[]) => { status: number | null; stdout: string; stderr: string }) => T): T {
  requireGpg();
  const home = mkdtempSync(path.join(tmpdir(), "gnupg-"));
  try {
    return use((...args) => {
      const run = spawnSync("gpg", ["--batch", "--no-tty", "--no-autostart", ...args], { encoding: "utf8", env: { ...process.env, GNUPGHOME: home } });
      if (run.error) throw run.error;
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The primary fingerprints gpg holds after importing the file. */
function gpgImport(file: string): string[] {
  return withGnupgHome((gpg) => {
    const imported = gpg("--import", file);
    expect(imported.status, imported.stderr).toBe(0);
    const listed = gpg("--with-colons", "--list-keys");
    const lines = listed.stdout.split("\n");
    return lines.flatMap((l, i) => (l.startsWith("pub:") ? [lines.slice(i + 1).find((n) => n.startsWith("fpr:"))!.split(":")[9]!] : []));
  });
}

/** `gpg --verify` of a cleartext-signed file against a public key file: its exit status and status lines. */
function gpgVerify(signedFile: string, keyFile: string): { status: number | null; lines: string[] } {
  return withGnupgHome((gpg) => {
    expect(gpg("--import", keyFile).status).toBe(0);
    const run = gpg("--status-fd", "1", "--verify", signedFile);
    return { status: run.status, lines: run.stdout.split("\n").filter((l) => l.startsWith("[GNUPG:] ")) };
  });
}

// Builds here sign only where a test says so, whatever the shell running the tests has set.
const saved = { key: process.env[SIGNING_KEY_VARIABLE], passphrase: process.env[SIGNING_PASSPHRASE_VARIABLE] };
beforeAll(() => {
  delete process.env[SIGNING_KEY_VARIABLE];
  delete process.env[SIGNING_PASSPHRASE_VARIABLE];
});
afterAll(() => {
  if (saved.key !== undefined) process.env[SIGNING_KEY_VARIABLE] = saved.key;
  if (saved.passphrase !== undefined) process.env[SIGNING_PASSPHRASE_VARIABLE] = saved.passphrase;
});

describe("an unsigned build of the base site", () => {
  let build: FixtureBuild;
  let started: Date;
  let source: string;

  beforeAll(async () => {
    started = new Date();
    build = await buildFixture("_base");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    source = readFileSync(path.join(build.dir, "content/keys/security@example.org.asc"), "utf8");
  });

  it("writes security.txt that keeps every RFC 9116 rule when read back", () => {
    const text = read(build, ".well-known/security.txt");
    expect(checkSecurityTxt(text, { now: new Date(), canonical: "https://example.org/.well-known/security.txt" })).toEqual([]);
    expect(parseSecurityTxt(text).signed).toBe(false);
  });

  it("says in it what the site data says: contact, key, policy, canonical URL, language, and an Expires 180 days on", () => {
    const text = read(build, ".well-known/security.txt");
    expect(field(text, "Contact")).toEqual(["mailto:security@example.org"]);
    expect(field(text, "Encryption")).toEqual(["https://example.org/security/keys/security@example.org.asc"]);
    expect(field(text, "Policy")).toEqual(["https://example.org/security/"]);
    expect(field(text, "Canonical")).toEqual(["https://example.org/.well-known/security.txt"]);
    expect(field(text, "Preferred-Languages")).toEqual(["en"]);
    // The build may cross midnight UTC between `started` and its own clock.
    const possible = [started, new Date()].map((d) => formatExpires(resolveExpires(DEFAULT_EXPIRES, d).expires!));
    expect(possible).toContain(field(text, "Expires")[0]);
  });

  it("prints one notice, on standard output and not as a finding, that security.txt is unsigned", () => {
    expect(build.findings).toEqual([]);
    expect(build.lines.filter((l) => l.startsWith("notice:"))).toEqual([
      "notice: /.well-known/security.txt is not signed: set SECURITY_TXT_SIGNING_KEY (and SECURITY_TXT_SIGNING_PASSPHRASE) to a contact's private key to sign it",
    ]);
  });

  it("publishes the contact's key as its public part, re-armored from the parsed key", async () => {
    const published = read(build, "security/keys/security@example.org.asc");
    expect(published).toBe((await readKey({ armoredKey: source })).toPublic().armor());
    expect(published).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    expect(published).not.toMatch(/PRIVATE/);
    expect((await readKey({ armoredKey: published })).getFingerprint().toUpperCase()).toBe(BASE_FINGERPRINT);
  });

  it("the page's download link goes to the key security.txt names, and the file is there", () => {
    const html = read(build, "security/index.html");
    // One from the glance atop the page, one beside the fingerprint in the text: the same file.
    const links = [...new Set([...html.matchAll(/href="(\/security\/keys\/[^"]+)"/g)].map((m) => m[1]!))];
    expect(links).toEqual([keyUrlPath("/security/keys/", "security@example.org")]);
    expect(field(read(build, ".well-known/security.txt"), "Encryption")).toEqual([`https://example.org${links[0]}`]);
    expect(existsSync(path.join(build.output, decodeURIComponent(links[0]!)))).toBe(true);
  });

  it("publishes the binary key in the Web Key Directory under the hash of the local part, with an empty policy", async () => {
    const binary = readFileSync(path.join(build.output, BASE_WKD));
    const expected = (await readKey({ armoredKey: source })).toPublic().write();
    expect(new Uint8Array(binary)).toEqual(expected);
    expect(readFileSync(path.join(build.output, ".well-known/openpgpkey/policy"))).toHaveLength(0);
    expect(readdirSync(path.join(build.output, ".well-known/openpgpkey/hu"))).toEqual([hashLocalPart("security")]);
  });

  it("gpg --import of the Web Key Directory file gives the declared fingerprint", () => {
    expect(gpgImport(path.join(build.output, BASE_WKD))).toEqual([BASE_FINGERPRINT]);
  });

  it("gpg-wks-client --print-wkd-hash names the same file for the contact, and agrees on the draft's example", () => {
    const run = spawnSync(wksClient(), ["--print-wkd-hash", "security@example.org", "Joe.Doe@Example.ORG", "Security.Team+Web@example.org"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const hashes = run.stdout.trim().split("\n").map((l) => l.split(" ")[0]);
    expect(hashes).toEqual([path.basename(BASE_WKD), "iy9q119eutrkn8s1mk4r39qejnbu3n5q", hashLocalPart("Security.Team+Web")]);
  });

  it("writes _headers with the base layout's Content-Security-Policy, the security headers, and each file's type", () => {
    const layout = readFileSync(path.join(ROOT, "_includes/layouts/base.njk"), "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(layout)?.[1];
    expect(csp).toBeDefined();
    expect(read(build, "_headers")).toBe(
      [
        "# Written by the build: the pages' own Content-Security-Policy and referrer policy, and the content types of security.txt, the keys and the Web Key Directory.",
        "",
        "/*",
        `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "",
        "/.well-known/security.txt",
        "  Content-Type: text/plain; charset=utf-8",
        "",
        "/security/keys/*",
        "  Content-Type: application/pgp-keys",
        "",
        "/assets/openpgp/*",
        "  Content-Type: text/javascript; charset=utf-8",
        "",
        "/.well-known/openpgpkey/*",
        "  Content-Type: application/octet-stream",
        "  Access-Control-Allow-Origin: *",
        "",
      ].join("\n"),
    );
  });

  it("no file in the output holds private key material", async () => {
    for (const file of Object.keys(snapshot(build.output))) {
      const bytes = readFileSync(path.join(build.output, file));
      expect(bytes.toString("latin1"), file).not.toMatch(/PRIVATE KEY/);
    }
    expect((await readKey({ binaryKey: new Uint8Array(readFileSync(path.join(build.output, BASE_WKD))) })).isPrivate()).toBe(false);
  });
});

describe("_headers, from the pages", () => {
  it("reads the Content-Security-Policy and referrer policy from a page's meta tags, entities decoded and white space folded", () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src 'none';\n   img-src &apos;self&apos;"><meta name="referrer" content="same-origin"></head>`;
    expect(pagePolicies(html)).toEqual({ contentSecurityPolicy: "default-src 'none'; img-src 'self'", referrerPolicy: "same-origin" });
    expect(pagePolicies("<p>no policy</p>")).toEqual({});
  });

  it("reads only live <meta> tags: not one in a comment or a script, the first of a repeated attribute, references decoded", () => {
    const head = `<head><!-- <meta http-equiv="Content-Security-Policy" content="commented"> --><script>"<meta name=referrer content=scripted>"</script><META NAME="Referrer" CONTENT="no-referrer" content="second"><meta http-equiv=content-security-policy content="default-src 'none';&#10; img-src &apos;self&apos;"/></head><body><meta name="referrer" content="in the body"></body>`;
    expect(pagePolicies(head)).toEqual({ contentSecurityPolicy: "default-src 'none'; img-src 'self'", referrerPolicy: "no-referrer" });
  });

  it("keeps a frame-ancestors the page's policy already has", () => {
    const text = formatHeaders({ contentSecurityPolicy: "default-src 'self'; frame-ancestors 'self'", referrerPolicy: "no-referrer", keysPath: "/keys/" });
    expect(text).toContain("  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n");
    expect(text).toContain("\n/keys/*\n");
  });

  it("sets no header in two rules that match the same path, so that no host sends it twice", () => {
    const text = formatHeaders({ contentSecurityPolicy: "default-src 'none'", referrerPolicy: "no-referrer", keysPath: "/security/keys/" });
    const blocks = text
      .split("\n\n")
      .slice(1)
      .map((b) => b.trim().split("\n"))
      .map(([pattern, ...headers]) => ({ pattern: pattern!, names: headers.map((h) => h.trim().split(":")[0]!) }));
    expect(blocks.map((b) => b.pattern)).toEqual(["/*", "/.well-known/security.txt", "/security/keys/*", "/assets/openpgp/*", "/.well-known/openpgpkey/*"]);
    // "/*" matches every path; the other three match none in common.
    const everywhere = new Set(blocks[0]!.names);
    for (const block of blocks.slice(1)) expect(block.names.filter((n) => everywhere.has(n)), block.pattern).toEqual([]);
  });
});

describe("planning what to publish, without a build", () => {
  const DATA = '{\n  "url": "https://example.org/security-site",\n  "name": "Example",\n  "contacts": [\n    { "email": "a/b@example.org", "fingerprint": "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91" }\n  ]\n}\n';
  const input = (url: string, email: string): PublicationInput => ({
    site: { url, name: "Example", language: "en", reviewed: new Date().toISOString().slice(0, 10), contacts: [{ email, fingerprint: { version: 4, hex: BASE_FINGERPRINT } }] },
    contacts: [{ email, fingerprint: { version: 4, hex: BASE_FINGERPRINT }, grouped: "", key: { userIds: [], problems: [], publicArmored: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n", publicBinary: new Uint8Array([1]) } }],
    pages: [{ inputPath: "content/security.md", outputPath: "/out/security/index.html", url: "/security/", content: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` }],
    outputDir: "/out",
    dataFile: "content/_data/security.json",
    dataText: DATA,
    options: normalizeOptions({ signingKey: undefined, signingPassphrase: undefined }),
    now: new Date(),
  });

  it("a site URL with a path is refused: security.txt and the Web Key Directory belong at the root of the host", async () => {
    const plan = await planPublication(input("https://example.org/security-site", "security@example.org"));
    expect(plan.files).toEqual([]);
    expect(plan.findings).toMatchObject([{ rule: "securitytxt-url", line: 2, message: expect.stringMatching(/set "url" to https:\/\/example\.org$/) }]);
  });

  it("an address with a \"/\" (valid in an address, not in a file name) cannot name a key file, and says so at its line", async () => {
    const plan = await planPublication(input("https://example.org", "a/b@example.org"));
    expect(plan.findings).toMatchObject([{ rule: "publish-key-path", line: 5, message: expect.stringMatching(/^a\/b@example\.org holds a character that cannot be in a file name/) }]);
  });

  it("a good plan writes security.txt, the key, the directory entry, its policy, _headers, robots.txt and the sitemap, and nothing else", async () => {
    const plan = await planPublication(input("https://example.org", "security@example.org"));
    expect(plan.findings).toEqual([]);
    expect(plan.files.map((f) => f.file).sort()).toEqual(
      [".well-known/openpgpkey/hu/" + hashLocalPart("security"), ".well-known/openpgpkey/policy", ".well-known/security.txt", "_headers", "robots.txt", "security/keys/security@example.org.asc", "sitemap.xml"].sort(),
    );
  });

  it("with discovery off, the plan leaves robots.txt and the sitemap to the site and writes the rest as before", async () => {
    const off = input("https://example.org", "security@example.org");
    const plan = await planPublication({ ...off, options: { ...off.options, discovery: false } });
    expect(plan.findings).toEqual([]);
    expect(plan.files.map((f) => f.file).sort()).toEqual(
      [".well-known/openpgpkey/hu/" + hashLocalPart("security"), ".well-known/openpgpkey/policy", ".well-known/security.txt", "_headers", "security/keys/security@example.org.asc"].sort(),
    );
  });

  it("robots.txt lets every page be read and names the sitemap; the sitemap lists the HTML pages, not the 404 page", async () => {
    const base = input("https://example.org", "security@example.org");
    const page = (url: string, outputPath: string) => ({ inputPath: `content${url}.md`, outputPath, url, content: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` });
    const plan = await planPublication({ ...base, pages: [...base.pages, page("/", "/out/index.html"), page("/404.html", "/out/404.html")] });
    const file = (name: string) => String(plan.files.find((f) => f.file === name)?.content);
    expect(file("robots.txt")).toBe("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
    expect(file("sitemap.xml")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url>\n    <loc>https://example.org/</loc>\n  </url>\n  <url>\n    <loc>https://example.org/security/</loc>\n  </url>\n</urlset>\n',
    );
  });

  it("pages whose Content-Security-Policy differs, or that have none, fail: _headers sends one policy for all", async () => {
    const base = input("https://example.org", "security@example.org");
    const page = (name: string, meta: string) => ({ inputPath: `content/${name}.md`, outputPath: `/out/${name}/index.html`, url: `/${name}/`, content: meta });
    const plan = await planPublication({
      ...base,
      pages: [...base.pages, page("other", `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`), page("bare", "<p>no policy</p>")],
    });
    expect(plan.findings.map((f) => [f.file, f.rule, f.message])).toEqual([
      ["content/other.md", "headers-csp", expect.stringMatching(/^the page has the Content-Security-Policy "default-src 'self'", while content\/security\.md has "default-src 'none'"/)],
      ["content/bare.md", "headers-csp", expect.stringMatching(/^the page has no Content-Security-Policy <meta>/)],
    ]);
  });

  it("site data that slipped past its own checks still cannot publish a security.txt that breaks RFC 9116", async () => {
    // readSiteData refuses such a tag; the publisher holds its own output to the RFC all the same.
    const base = input("https://example.org", "security@example.org");
    const plan = await planPublication({ ...base, site: { ...base.site, preferredLanguages: ["Dutch language"] } });
    expect(plan.files).toEqual([]);
    expect(plan.findings).toMatchObject([
      { rule: "securitytxt-invalid", severity: "error", file: "content/_data/security.json", message: expect.stringMatching(/breaks a rule: line \d+: "Dutch language" in Preferred-Languages is not a language tag/) },
    ]);
  });

  it("an option that is not a URL folder names the plugin, the option and what it received", () => {
    expect(() => normalizeOptions({ keysPath: "keys" })).toThrow('publish: option `keysPath` must be a URL path that starts and ends with "/", e.g. "/security/". Received: string (keys)');
  });
});

describe("no private key in what is published", () => {
  it("finds an armored private key in any file, pages read from memory and the rest from disk, by its path in the output", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "assets/team.asc"), "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgE\n-----END PGP PRIVATE KEY BLOCK-----\n");
    writeFileSync(path.join(dir, "assets/ok.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDME\n-----END PGP PUBLIC KEY BLOCK-----\n");
    writeFileSync(path.join(dir, "index.html"), "<p>on disk the page is clean</p>");
    const inMemory = new Map([[path.join(dir, "index.html"), "<pre>-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----</pre>"]]);
    expect(filesWithSecrets(dir, inMemory).sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: "assets/team.asc", kind: "PGP PRIVATE KEY BLOCK" },
      { file: "index.html", kind: "OPENSSH PRIVATE KEY" },
    ]);
    expect(privateKeyIn("-----BEGIN PGP PUBLIC KEY BLOCK-----")).toBeUndefined();
  });

  it("code that only writes the first line of a private key, as openpgp.js does, is not a key; the line with a body after it is", () => {
    expect(privateKeyIn(readFileSync(path.join(ROOT, "node_modules/openpgp/dist/lightweight/openpgp.min.mjs"), "latin1"))).toBeUndefined();
    expect(privateKeyIn('case 5:h.push("-----BEGIN PGP PRIVATE KEY BLOCK-----\\n"),h.push(W(n,a))')).toBeUndefined();
    expect(privateKeyIn("-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: team key\n\nlFgEZ0aB3hYJKwYBBAHaRw8BAQdA\n")).toBe("PGP PRIVATE KEY BLOCK");
    expect(privateKeyIn("-----BEGIN RSA PRIVATE KEY-----\r\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\r\n")).toBe("RSA PRIVATE KEY");
  });

  it("a private key quoted in a JSON or JavaScript string, its line breaks written as \\n, is still a key", () => {
    expect(privateKeyIn(JSON.stringify({ key: "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZ0aB3hYJKwYBBAHaRw8BAQdA\n" }))).toBe("PGP PRIVATE KEY BLOCK");
    expect(privateKeyIn('const k = "-----BEGIN EC PRIVATE KEY-----\\r\\nMHcCAQEEIBkg4LVWM9nuwNSk3yBIhRS";')).toBe("EC PRIVATE KEY");
  });

  it("a private key copied with the assets fails the build, which leaves the output as it was", async () => {
    const dir = layOutFixture("_base");
    const output = path.join(dir, "public");
    expect((await buildDir(dir, { output })).ok).toBe(true);
    const before = snapshot(output);
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "assets/backup.asc"), "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgE\n-----END PGP PRIVATE KEY BLOCK-----\n");
    const build = await buildDir(dir, { output });
    expect(build.ok).toBe(false);
    expect(build.findings).toMatchObject([{ rule: "output-secret", file: "/assets/backup.asc", line: 1, message: expect.stringMatching(/^assets\/backup\.asc would publish a PGP PRIVATE KEY BLOCK/) }]);
    expect(snapshot(output)).toEqual(before);
  });
});

describe("what other sites publish", () => {
  it("two contacts: both in security.txt in the declared order, both keys, both in the Web Key Directory, and the optional fields", async () => {
    const build = await buildFixture("publish-two-contacts");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    const text = read(build, ".well-known/security.txt");
    expect(checkSecurityTxt(text, { now: new Date(), canonical: "https://example.org/.well-known/security.txt" })).toEqual([]);
    expect(field(text, "Contact")).toEqual(["mailto:security@example.org", "mailto:v6@example.org"]);
    expect(field(text, "Encryption")).toEqual([
      "https://example.org/security/keys/security@example.org.asc",
      "https://example.org/security/keys/v6@example.org.asc",
    ]);
    expect(field(text, "Preferred-Languages")).toEqual(["en, nl"]);
    expect(field(text, "Acknowledgments")).toEqual(["https://example.org/thanks/"]);
    expect(field(text, "Hiring")).toEqual(["https://example.org/jobs/", "https://jobs.example.net/security"]);
    expect(field(text, "CSAF")).toEqual(["https://example.org/.well-known/csaf/provider-metadata.json"]);
    expect(readdirSync(path.join(build.output, ".well-known/openpgpkey/hu")).sort()).toEqual([hashLocalPart("security"), hashLocalPart("v6")].sort());
    const v6 = await readKey({ binaryKey: new Uint8Array(readFileSync(path.join(build.output, ".well-known/openpgpkey/hu", hashLocalPart("v6")))) });
    expect(v6.getFingerprint().toUpperCase()).toBe("F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F");
  });

  it("an address outside the site's own host is not in the site's Web Key Directory, though its key still is; its hosts' directories are written beside the output", async () => {
    const build = await buildFixture("publish-other-host");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    expect(existsSync(path.join(build.output, ".well-known/openpgpkey"))).toBe(false);
    expect(existsSync(path.join(build.output, "security/keys/security@example.org.asc"))).toBe(true);
    expect(field(read(build, ".well-known/security.txt"), "Canonical")).toEqual(["https://www.example.org/.well-known/security.txt"]);

    // One folder per host that must serve the directory, never inside the site's own output.
    const hosts = `${build.output}-wkd`;
    const hash = hashLocalPart("security");
    const files = (root: string) => readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => !statSync(path.join(root, f)).isDirectory()).sort();
    expect(readdirSync(hosts).sort()).toEqual(["example.org", "openpgpkey.example.org"]);
    expect(files(path.join(hosts, "example.org"))).toEqual(["_headers", ".well-known/openpgpkey/hu/" + hash, ".well-known/openpgpkey/policy"].sort());
    expect(files(path.join(hosts, "openpgpkey.example.org"))).toEqual(["_headers", `.well-known/openpgpkey/example.org/hu/${hash}`, ".well-known/openpgpkey/example.org/policy"].sort());
    for (const policy of ["example.org/.well-known/openpgpkey/policy", "openpgpkey.example.org/.well-known/openpgpkey/example.org/policy"]) expect(readFileSync(path.join(hosts, policy))).toHaveLength(0);
    // GnuPG reads each method's file as the declared key, and names the advanced method's file as the build does.
    expect(gpgImport(path.join(hosts, "example.org/.well-known/openpgpkey/hu", hash))).toEqual([BASE_FINGERPRINT]);
    expect(gpgImport(path.join(hosts, "openpgpkey.example.org/.well-known/openpgpkey/example.org/hu", hash))).toEqual([BASE_FINGERPRINT]);
    const url = new URL(spawnSync(wksClient(), ["--print-wkd-url", "security@example.org"], { encoding: "utf8" }).stdout.trim());
    expect(existsSync(path.join(hosts, url.hostname, url.pathname))).toBe(true);
    // Each folder's _headers serves the directory as clients read it.
    const rules = parseHeadersFile(readFileSync(path.join(hosts, "example.org/_headers"), "utf8"));
    expect(rules.find((r) => r.pattern === "/.well-known/openpgpkey/*")?.headers).toEqual([["Content-Type", "application/octet-stream"], ["Access-Control-Allow-Origin", "*"]]);
    expect(rules.map((r) => r.pattern)).toEqual(["/*", "/.well-known/openpgpkey/*"]);

    // The build says which hosts must serve it, and from which folder.
    const folder = path.relative(build.dir, hosts);
    expect(build.lines).toContain(
      `notice: security@example.org is not in the site's host www.example.org, so its Web Key Directory is served by other hosts (draft-koch-openpgp-webkey-service, section 3.1): deploy ${folder}/example.org/ at https://example.org/ (direct method, https://example.org/.well-known/openpgpkey/hu/${hash}?l=security) and ${folder}/openpgpkey.example.org/ at https://openpgpkey.example.org/ (advanced method, https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/${hash}?l=security), or leave openpgpkey.example.org out of DNS so that clients use the direct method`,
    );
  });

  it("the other hosts' folder follows the site's output: kept by a failed build, removed by one that writes none", async () => {
    const build = await buildFixture("publish-other-host");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    const hosts = `${build.output}-wkd`;
    const before = snapshot(hosts);
    const data = path.join(build.dir, "content/_data/security.json");
    const good = readFileSync(data, "utf8");
    writeFileSync(data, "{ broken");
    expect((await buildDir(build.dir)).ok).toBe(false);
    expect(snapshot(hosts)).toEqual(before);
    expect(readdirSync(build.dir).filter((name) => name.startsWith(".public-staging-"))).toEqual([]);
    // The site moves to the address's own host: no other host serves a directory now.
    writeFileSync(data, good.replace("https://www.example.org", "https://example.org"));
    const own = await buildDir(build.dir);
    expect(own.ok, own.lines.join("\n")).toBe(true);
    expect(existsSync(hosts)).toBe(false);
    expect(existsSync(path.join(own.output, BASE_WKD))).toBe(true);
    // Neither the folder nor a staging copy of it is left: an old one is moved aside as …-wkd-old, to be removed.
    expect(readdirSync(build.dir).filter((name) => name.endsWith("-wkd"))).toEqual([]);
  });

  it("a key file with comments and CR LF is published as the key alone, not copied", async () => {
    const build = await buildFixture("publish-key-comment");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    const committed = readFileSync(path.join(build.dir, "content/keys/security@example.org.asc"), "utf8");
    const published = read(build, "security/keys/security@example.org.asc");
    expect(committed).toMatch(/Comment: exported by hand/);
    expect(published).not.toMatch(/Comment|\r/);
    expect(published).toBe((await readKey({ armoredKey: committed })).toPublic().armor());
  });

  it("a contact without a key file is named by its fingerprint in Encryption, and no key or directory is published", async () => {
    const build = await buildFixture("no-key-file");
    expect(build.ok, build.lines.join("\n")).toBe(true);
    expect(field(read(build, ".well-known/security.txt"), "Encryption")).toEqual([`openpgp4fpr:${BASE_FINGERPRINT.toLowerCase()}`]);
    expect(existsSync(path.join(build.output, "security/keys"))).toBe(false);
    expect(existsSync(path.join(build.output, ".well-known/openpgpkey"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Signing, with keys made now so that their dates mean the same whenever the tests run.

const PASSPHRASE = "correct horse battery staple";

interface TestKey {
  armored: string;
  publicArmored: string;
  fingerprint: Fingerprint;
}

async function makeKey(options: { created?: Date; lifetimeDays?: number } = {}): Promise<TestKey> {
  const { privateKey } = await generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    userIDs: [{ name: "Security Team", email: "security@example.org" }],
    date: options.created ?? new Date(Date.now() - DAY),
    ...(options.lifetimeDays !== undefined ? { keyExpirationTime: options.lifetimeDays * 86_400 } : {}),
    passphrase: PASSPHRASE,
    format: "armored",
  });
  const key = await readPrivateKey({ armoredKey: privateKey });
  return { armored: privateKey, publicArmored: key.toPublic().armor(), fingerprint: { version: 4, hex: key.getFingerprint().toUpperCase() } };
}

/**
 * The base site, declaring `key` as its contact's key (in the data and on the page), with the
 * key file unless `keyFile` is false, and with "expires" where given.
 */
function siteDeclaring(key: TestKey, options: { keyFile?: boolean; expires?: unknown } = {}): string {
  const dir = layOutFixture("_base");
  const data = {
    url: "https://example.org",
    name: "Example",
    language: "en",
    ...(options.expires === undefined ? {} : { expires: options.expires }),
    contacts: [{ email: "security@example.org", fingerprint: formatFingerprint(key.fingerprint) }],
    reviewed: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(path.join(dir, "content/_data/security.json"), `${JSON.stringify(data, null, 2)}\n`);
  const page = path.join(dir, "content/security.md");
  writeFileSync(
    page,
    readFileSync(page, "utf8")
      .replace("7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91", formatFingerprint(key.fingerprint))
      .replace(BASE_FINGERPRINT, key.fingerprint.hex),
  );
  const keyFile = path.join(dir, "content/keys/security@example.org.asc");
  if (options.keyFile === false) rmSync(keyFile);
  else writeFileSync(keyFile, key.publicArmored);
  return dir;
}

async function buildSignedWith(dir: string, key: TestKey, passphrase = PASSPHRASE, output?: string): Promise<FixtureBuild> {
  process.env[SIGNING_KEY_VARIABLE] = key.armored;
  process.env[SIGNING_PASSPHRASE_VARIABLE] = passphrase;
  try {
    return await buildDir(dir, output === undefined ? {} : { output });
  } finally {
    delete process.env[SIGNING_KEY_VARIABLE];
    delete process.env[SIGNING_PASSPHRASE_VARIABLE];
  }
}

describe("a signed build", () => {
  let key: TestKey;
  let build: FixtureBuild;
  let signedFile: string;

  beforeAll(async () => {
    key = await makeKey({ lifetimeDays: 730 });
    build = await buildSignedWith(siteDeclaring(key), key);
    expect(build.ok, build.lines.join("\n")).toBe(true);
    signedFile = path.join(build.output, ".well-known/security.txt");
  });

  it("says on standard output which key signed security.txt, and finds nothing wrong", () => {
    expect(build.findings).toEqual([]);
    expect(build.lines).toContain(`notice: /.well-known/security.txt is signed with ${formatFingerprint(key.fingerprint)} (security@example.org), and the signature verified`);
  });

  it("writes a cleartext-signed security.txt that openpgp.js verifies against the published key", async () => {
    const text = readFileSync(signedFile, "utf8");
    expect(text).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nContact: mailto:security@example\.org\n/);
    expect(text).not.toContain("\r");
    const verified = await verifySecurityTxt(text, read(build, "security/keys/security@example.org.asc"));
    expect(verified.signer).toEqual(key.fingerprint);
    expect(verified.text).toMatch(/^Contact: mailto:security@example\.org\nExpires: /);
  });

  it("the signed file, read back, keeps every RFC 9116 rule", () => {
    const text = readFileSync(signedFile, "utf8");
    expect(parseSecurityTxt(text).signed).toBe(true);
    expect(checkSecurityTxt(text, { now: new Date(), canonical: "https://example.org/.well-known/security.txt" })).toEqual([]);
  });

  it("gpg --verify accepts it as signed by the declared key", () => {
    const run = gpgVerify(signedFile, path.join(build.output, "security/keys/security@example.org.asc"));
    expect(run.status, run.lines.join("\n")).toBe(0);
    expect(run.lines.some((l) => l.startsWith("[GNUPG:] GOODSIG "))).toBe(true);
    expect(run.lines.find((l) => l.startsWith("[GNUPG:] VALIDSIG "))?.split(" ").at(-1)).toBe(key.fingerprint.hex);
  });

  it("a changed copy is rejected by openpgp.js and by gpg", async () => {
    const tampered = readFileSync(signedFile, "utf8").replace("Policy: https://example.org/security/", "Policy: https://example.org/evil/");
    expect(tampered).not.toBe(readFileSync(signedFile, "utf8"));
    await expect(verifySecurityTxt(tampered, read(build, "security/keys/security@example.org.asc"))).rejects.toThrow(/Signed digest did not match/);
    const copy = path.join(build.dir, "tampered-security.txt");
    writeFileSync(copy, tampered);
    const run = gpgVerify(copy, path.join(build.output, "security/keys/security@example.org.asc"));
    expect(run.status).not.toBe(0);
    expect(run.lines.some((l) => l.startsWith("[GNUPG:] BADSIG "))).toBe(true);
  });

  it("no file in the output holds the signing key's secret part", () => {
    const secretLines = key.armored.split("\n").filter((l) => /^[A-Za-z0-9+/]{40,}$/.test(l));
    expect(secretLines.length).toBeGreaterThan(0);
    for (const file of Object.keys(snapshot(build.output))) {
      const text = readFileSync(path.join(build.output, file)).toString("latin1");
      expect(text, file).not.toMatch(/PRIVATE KEY/);
      for (const line of secretLines) expect(text.includes(line), file).toBe(false);
    }
  });
});

describe("a build that refuses to sign", () => {
  let declared: TestKey;
  let stranger: TestKey;
  let expired: TestKey;
  let shortLived: TestKey;

  beforeAll(async () => {
    [declared, stranger, expired, shortLived] = await Promise.all([
      makeKey({ lifetimeDays: 730 }),
      makeKey({ lifetimeDays: 730 }),
      makeKey({ created: new Date(Date.now() - 400 * DAY), lifetimeDays: 30 }),
      makeKey({ lifetimeDays: 60 }),
    ]);
  });

  /** Builds `dir` signed with `key` over a good build in the same output, which must survive byte for byte. */
  async function expectRefusal(dir: string, key: TestKey, where: { file: string; line: number; says: RegExp }, passphrase = PASSPHRASE) {
    const output = path.join(dir, "public");
    const good = await buildDir(layOutFixture("_base"), { output });
    expect(good.ok).toBe(true);
    const before = snapshot(output);

    const build = await buildSignedWith(dir, key, passphrase, output);
    expect(build.ok).toBe(false);
    const refusal = build.findings.filter((f) => f.rule === "sign-refused");
    expect(refusal, build.lines.join("\n")).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ severity: "error", file: where.file, line: where.line, message: expect.stringMatching(where.says) });
    expect(build.lines.filter((l) => l.startsWith("notice:"))).toEqual([]);
    expect(snapshot(output)).toEqual(before);
  }

  it("with a key of no declared contact: at the contacts in the site data", async () => {
    await expectRefusal(siteDeclaring(declared), stranger, {
      file: "content/_data/security.json",
      line: 5,
      says: /^cannot sign security\.txt: the signing key [0-9A-F ]+ is not the key of a declared contact \(security@example\.org \(/,
    });
  });

  it("with an expired key: at the signing key's variable", async () => {
    // The key file would fail the checks first (key-expired); without it the fingerprint is only unverified.
    await expectRefusal(siteDeclaring(expired, { keyFile: false }), expired, {
      file: "SECURITY_TXT_SIGNING_KEY",
      line: 1,
      says: /expired on \d{4}-\d{2}-\d{2}: extend it with gpg --quick-set-expire/,
    });
  });

  it("with a key that expires before the file's Expires: at \"expires\" in the site data", async () => {
    await expectRefusal(siteDeclaring(shortLived, { expires: { days: 180 } }), shortLived, {
      file: "content/_data/security.json",
      line: 5,
      says: /expires on \S+, before security\.txt's Expires \S+: .*or set an earlier "expires"$/,
    });
  });

  it("with a wrong passphrase: at the signing key's variable, naming the passphrase's", async () => {
    await expectRefusal(siteDeclaring(declared), declared, { file: "SECURITY_TXT_SIGNING_KEY", line: 1, says: /SECURITY_TXT_SIGNING_PASSPHRASE does not unlock the signing key/ }, "wrong");
  });
});
