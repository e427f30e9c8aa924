/**
 * The package as an existing Eleventy site gets it: packed by `npm pack` (whose prepack compiles
 * dist/), installed from the tarball into a small site of its own in a temp folder, added there with
 * `addPlugin(securityPolicy, { data, keys })` in the site's own config, and built by the site's own
 * `npx @11ty/eleventy`. No registry is asked: the site's lock file is made from ours (the same
 * packages, at the same versions, less the development ones) and `npm ci --offline` installs it from
 * npm's cache, which the repository's own `npm ci` filled.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readKey } from "openpgp";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../bin/compile.mjs";
import { hashLocalPart } from "../src/formats/wkd.ts";
import type * as Declared from "../types/index.d.ts";
import { normalizeOptions, type SecurityPolicyOptions } from "../src/plugins/security-policy.ts";
import { WORK } from "./support/work.ts";

const FINGERPRINT = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91";
const WRONG = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E92";
const CSP = "default-src 'self'";

/** npm, asked nothing of any registry, and quiet about audits, funding and its own updates. */
const NPM_ENV = { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: NPM_ENV, timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

function mustRun(command: string, args: string[], cwd: string): void {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} in ${cwd} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
}

interface LockEntry {
  dev?: boolean;
  [field: string]: unknown;
}

/**
 * The site's package-lock.json: our production packages as our lock file has them (so every one is
 * in npm's cache after our `npm ci`), and the package itself from the tarball, by its integrity.
 */
function siteLock(tarball: string, dependencies: Record<string, string>): object {
  const ours = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const packages: Record<string, object> = { "": { name: "existing-site", dependencies } };
  for (const [where, entry] of Object.entries(ours.packages)) if (where !== "" && !entry.dev) packages[where] = entry;
  packages["node_modules/security-policy-site"] = {
    version: pkg.version,
    resolved: `file:${path.basename(tarball)}`,
    integrity,
    dependencies: pkg.dependencies,
    bin: pkg.bin,
    engines: pkg.engines,
  };
  return { name: "existing-site", lockfileVersion: 3, requires: true, packages };
}

/** The page that shows the fingerprint, and the line it is on. */
function policyPage(fingerprint: string): { text: string; line: number } {
  const lines = ["---", "layout: page.njk", "title: Security policy", "permalink: /security/", "---", "", "# Security policy", "", "Write to [security@example.org](mailto:security@example.org), encrypted to our key:", "", fingerprint, ""];
  return { text: lines.join("\n"), line: lines.indexOf(fingerprint) + 1 };
}

/** Every file under a folder, from it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

// The declared types of the package accept what the plugin accepts, and no more.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: Same<Declared.SecurityPolicyOptions, Partial<SecurityPolicyOptions>> = true;

describe("the package, added to an existing Eleventy site", () => {
  let site = "";
  const reviewed = new Date().toISOString().slice(0, 10);

  beforeAll(() => {
    mkdirSync(WORK, { recursive: true });
    const packed = mkdtempSync(path.join(WORK, "package-"));
    mustRun("npm", ["pack", "--silent", "--pack-destination", packed], ROOT);
    const tarball = readdirSync(packed).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack wrote no tarball into ${packed}`);

    site = mkdtempSync(path.join(WORK, "existing-site-"));
    copyFileSync(path.join(packed, tarball), path.join(site, tarball));
    const eleventy = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["@11ty/eleventy"]!;
    const dependencies = { "@11ty/eleventy": eleventy, "security-policy-site": `file:${tarball}` };
    writeFileSync(path.join(site, "package.json"), `${JSON.stringify({ name: "existing-site", private: true, type: "module", dependencies }, null, 2)}\n`);
    writeFileSync(path.join(site, "package-lock.json"), `${JSON.stringify(siteLock(path.join(site, tarball), dependencies), null, 2)}\n`);
    mustRun("npm", ["ci", "--ignore-scripts"], site);

    // The site's own config, layout and pages; its data and key outside its input folder.
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      'import securityPolicy from "security-policy-site";\n\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(securityPolicy, { data: "policy/security.json", keys: "policy/keys" });\n}\n\nexport const config = { dir: { input: "src" } };\n',
    );
    mkdirSync(path.join(site, "src/_includes"), { recursive: true });
    writeFileSync(
      path.join(site, "src/_includes/page.njk"),
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n<title>{{ title }}</title>\n</head>\n<body>\n<main>\n{{ content | safe }}\n</main>\n</body>\n</html>\n`,
    );
    writeFileSync(path.join(site, "src/index.md"), "---\nlayout: page.njk\ntitle: Example\n---\n\n# Example\n\nRead our [security policy](/security/).\n");
    mkdirSync(path.join(site, "policy/keys"), { recursive: true });
    const data = { url: "https://example.org", name: "Example", reviewed, contacts: [{ email: "security@example.org", fingerprint: FINGERPRINT }] };
    writeFileSync(path.join(site, "policy/security.json"), `${JSON.stringify(data, null, 2)}\n`);
    copyFileSync(path.join(ROOT, "tests/fixtures/keys/ed25519.asc"), path.join(site, "policy/keys/security@example.org.asc"));
  }, 240_000);

  const build = (...args: string[]) => run("npx", ["@11ty/eleventy", ...args], site);

  it("the declared types of the package are the plugin's options", () => {
    expect(typesAgree).toBe(true);
  });

  it("a wrong fingerprint on a page fails the site's own eleventy, with our finding at its line and no stack trace", () => {
    const page = policyPage(WRONG);
    writeFileSync(path.join(site, "src/security.md"), page.text);
    const result = build();
    expect(result.status, result.stderr).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => !l.startsWith("[11ty]"))).toEqual([
      `src/security.md:${page.line}:1: error: fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92 is not the declared fingerprint of security@example.org (7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91): digit 40 is 2 where the declared fingerprint has 1. Correct the page, or the site data if the key was rotated [fingerprint-mismatch]`,
    ]);
    expect(lines).toContain("[11ty] the policy checks found 1 error, 0 warnings (via ChecksFailed)");
    expect(result.stderr).not.toMatch(/stack trace|    at /);
  });

  it("with the right fingerprint it exits 0 and publishes security.txt, the key, the Web Key Directory and _headers", async () => {
    writeFileSync(path.join(site, "src/security.md"), policyPage(FINGERPRINT).text);
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("notice: /.well-known/security.txt is not signed: set SECURITY_TXT_SIGNING_KEY (and SECURITY_TXT_SIGNING_PASSPHRASE) to a contact's private key to sign it\n");

    const out = path.join(site, "_site");
    const wkd = `.well-known/openpgpkey/hu/${hashLocalPart("security")}`;
    // The site's own robots.txt and sitemap, if it has them, are its own: the plugin writes neither.
    expect(filesUnder(out)).toEqual([".well-known/openpgpkey/policy", wkd, ".well-known/security.txt", "_headers", "index.html", "security/index.html", "security/keys/security@example.org.asc"].sort());

    const [y, m, d] = reviewed.split("-").map(Number) as [number, number, number];
    const expires = new Date(Date.UTC(y, m - 1, d + 180)).toISOString().replace(".000Z", "Z");
    expect(readFileSync(path.join(out, ".well-known/security.txt"), "utf8")).toBe(
      [
        "Contact: mailto:security@example.org",
        `Expires: ${expires}`,
        "Encryption: https://example.org/security/keys/security@example.org.asc",
        "Preferred-Languages: en",
        "Canonical: https://example.org/.well-known/security.txt",
        "Policy: https://example.org/security/",
        "",
      ].join("\n"),
    );
    const hex = FINGERPRINT.replace(/\s/g, "").toLowerCase();
    expect((await readKey({ armoredKey: readFileSync(path.join(out, "security/keys/security@example.org.asc"), "utf8") })).getFingerprint()).toBe(hex);
    expect((await readKey({ binaryKey: readFileSync(path.join(out, wkd)) })).getFingerprint()).toBe(hex);
    expect(readFileSync(path.join(out, ".well-known/openpgpkey/policy"), "utf8")).toBe("");
    expect(readFileSync(path.join(out, "_headers"), "utf8").split("\n").slice(2, 4)).toEqual(["/*", `  Content-Security-Policy: ${CSP}; frame-ancestors 'none'`]);
  });

  it("a keys folder that does not exist stops the build at the option, named with its path", () => {
    writeFileSync(path.join(site, "missing-keys.config.mjs"), readFileSync(path.join(site, "eleventy.config.mjs"), "utf8").replace('"policy/keys"', '"policy/no-keys"'));
    const result = build("--config=missing-keys.config.mjs");
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "[11ty] Eleventy Fatal Error (CLI):",
      "[11ty] 1. Error processing the `securityPolicy` plugin (via EleventyPluginError)",
      `[11ty] 2. securityPolicy: option \`keys\` names policy/no-keys, which does not exist in ${site}: give the path of the folder of the contacts' .asc keys, from the project's root. Received: "policy/no-keys" (via OptionError)`,
    ]);
  });
});

describe("the plugin's options", () => {
  const root = path.join(WORK, "options");
  mkdirSync(path.join(root, "keys"), { recursive: true });
  writeFileSync(path.join(root, "security.json"), "{}\n");

  it("unset, the data and keys are the parts' own, in the input folder; set, they are read from the project's root", () => {
    expect(normalizeOptions(undefined, root)).toEqual({ dataFile: "_data/security.json", keysDir: "keys", policyPath: "/security/", features: "checks" });
    expect(normalizeOptions({ data: "security.json", keys: "keys", features: "site", policyPath: "/policy/" }, root)).toEqual({
      dataFile: path.join(root, "security.json"),
      keysDir: path.join(root, "keys"),
      policyPath: "/policy/",
      features: "site",
    });
  });

  it.each([
    [{ data: "nowhere.json" }, `securityPolicy: option \`data\` names nowhere.json, which does not exist in ${root}: give the path of your security.json, from the project's root. Received: "nowhere.json"`],
    [{ data: "keys" }, `securityPolicy: option \`data\` names keys, which is not a file: give the path of your security.json, from the project's root. Received: "keys"`],
    [{ keys: "security.json" }, `securityPolicy: option \`keys\` names security.json, which is not a folder: give the path of the folder of the contacts' .asc keys, from the project's root. Received: "security.json"`],
    [{ data: 7 }, "securityPolicy: option `data` must be the path of a file, from the project's root. Received: number (7)"],
    [{ features: "all" }, 'securityPolicy: option `features` must be "checks" or "site". Received: string ("all")'],
    [{ policyPath: "security" }, 'securityPolicy: option `policyPath` must be a URL path that starts and ends with "/", e.g. "/security/". Received: string ("security")'],
    [{ key: "keys" }, "securityPolicy: there is no option `key`. The options are `data`, `keys`, `policyPath`, `features`"],
    ["security.json", 'securityPolicy: the options must be an object, such as { data: "_data/security.json", keys: "keys" }. Received: "security.json"'],
  ])("%j is refused: %s", (options, message) => {
    expect(() => normalizeOptions(options, root)).toThrow(message);
  });
});
