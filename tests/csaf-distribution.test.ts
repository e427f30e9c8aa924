/**
 * The csaf rules together: the complete findings of the family for the build's own distribution
 * and for a document copied into it, and a site build that a copied document stops, with public/
 * left as it was. Each rule's own cases are in tests/rules/csaf/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteWithAdvisories } from "./support/advisory-site.ts";
import { buildDir, findingLine } from "./support/fixture-site.ts";
import { generateKey, readKey } from "openpgp";
import type { PolicyContact } from "../src/data/load.ts";
import { planPublication } from "../src/publish/plan.ts";
import { ADVISORIES, checkAll, distribution, DOCUMENT, edited, GOOD, NOW, textOf } from "./rules/csaf/distribution.ts";

/** A document an older site published, as a maintainer might copy it in: valid, and listed nowhere the build lists its own. */
const OLD = `${JSON.stringify(
  {
    document: {
      category: "csaf_base",
      csaf_version: "2.0",
      distribution: { tlp: { label: "WHITE" } },
      publisher: { category: "vendor", name: "Example", namespace: "https://example.org" },
      title: "Denial of service in example-server",
      tracking: {
        current_release_date: "2024-05-02T10:00:00Z",
        id: "EXAMPLE-2024-001",
        initial_release_date: "2024-05-02T10:00:00Z",
        revision_history: [{ date: "2024-05-02T10:00:00Z", number: "1", summary: "Initial release." }],
        status: "final",
        version: "1",
      },
    },
  },
  null,
  2,
)}\n`;
const OLD_PATH = ".well-known/csaf/white/2024/example-2024-001.json";
const printed = (found: Awaited<ReturnType<typeof checkAll>>) => found.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`);

describe("the csaf rules together", () => {
  it("find nothing in the distribution the build writes, signed or not", async () => {
    expect(printed(await checkAll(GOOD))).toEqual([]);
    expect(printed(await checkAll(await distribution(undefined, { signer: undefined })))).toEqual([]);
  });

  it("report a document copied into a trusted provider's folder once per requirement it breaks", async () => {
    const found = await checkAll(edited(OLD_PATH, () => OLD));
    expect(printed(found)).toEqual([
      "public/.well-known/csaf/white/index.txt:1:1: error: does not list /.well-known/csaf/white/2024/example-2024-001.json, which the folder holds (CSAF 2.0 requirement 12): add the line 2024/example-2024-001.json, or take the document out of the folder [csaf-index]",
      'public/.well-known/csaf/white/changes.csv:1:1: error: does not list /.well-known/csaf/white/2024/example-2024-001.json, which the folder holds (CSAF 2.0 requirement 13): add the line "2024/example-2024-001.json","2024-05-02T10:00:00Z" [csaf-changes]',
      "public/.well-known/csaf/feed-tlp-white.json:1:1: error: has no entry for /.well-known/csaf/white/2024/example-2024-001.json, a TLP:WHITE document the site serves (CSAF 2.0 requirement 15): add one, or take the document out of the site [csaf-rolie-feed]",
      "public/.well-known/csaf/white/2024/example-2024-001.json:1:1: error: has neither example-2024-001.json.sha256 nor example-2024-001.json.sha512 beside it (CSAF 2.0 requirement 18): publish its SHA-256 or SHA-512 hash file [csaf-hash]",
      "public/.well-known/csaf/white/2024/example-2024-001.json:1:1: error: has no signature example-2024-001.json.asc beside it, though provider-metadata.json claims the role csaf_trusted_provider (CSAF 2.0 requirement 19): sign it, or claim csaf_provider [csaf-signature]",
    ]);
  });

  it("report a document changed after it was published by its hashes and its signature, not by the lists that name it", async () => {
    const found = await checkAll(edited(DOCUMENT, () => textOf(DOCUMENT).replace("Prototype pollution", "Prototype Pollution")));
    expect(found.map((f) => `${f.rule} ${f.file}`)).toEqual([
      "csaf-hash public/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json.sha256",
      "csaf-hash public/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json.sha512",
      "csaf-signature public/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json.asc",
    ]);
  });
});

describe("the key that signs the CSAF documents", () => {
  it("is published, or the documents are not signed and a notice says which key file to add, rather than signatures no client can check", async () => {
    const made = await generateKey({ userIDs: [{ name: "Security Team", email: "security@example.org" }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
    const publicKey = await readKey({ armoredKey: made.publicKey });
    const hex = publicKey.getFingerprint().toUpperCase();
    const contact = (withKeyFile: boolean): PolicyContact => ({
      email: "security@example.org",
      fingerprint: { version: 4, hex },
      grouped: "",
      ...(withKeyFile ? { key: { userIds: [], problems: [], publicArmored: made.publicKey, publicBinary: publicKey.write() }, keyFile: "content/keys/security@example.org.asc" } : {}),
    });
    const planned = (withKeyFile: boolean) =>
      planPublication({
        site: { url: "https://example.org", name: "Example", language: "en", reviewed: "2026-11-20", contacts: [{ email: "security@example.org", fingerprint: { version: 4, hex } }], csafProvider: { category: "vendor" } },
        contacts: [contact(withKeyFile)],
        pages: [{ inputPath: "content/security.md", outputPath: "/out/security/index.html", url: "/security/", content: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` }],
        outputDir: "/out",
        dataFile: "content/_data/security.json",
        options: { policyPath: "/security/", keysPath: "/security/keys/", signingKey: made.privateKey, signingPassphrase: undefined, expiresWarningDays: 30, keyMarginDays: 30 },
        now: NOW,
        advisories: ADVISORIES,
      });
    const role = (files: Array<{ file: string; content: string | Uint8Array }>) => (JSON.parse(String(files.find((f) => f.file === ".well-known/csaf/provider-metadata.json")!.content)) as { role: string }).role;

    const unpublished = await planned(false);
    expect(unpublished.findings.map((f) => f.rule)).toEqual([]);
    expect(unpublished.files.filter((f) => f.file.endsWith(".json.asc"))).toEqual([]);
    expect(role(unpublished.files)).toBe("csaf_provider");
    expect(unpublished.notices.filter((n) => n.includes("CSAF"))).toEqual([
      "the CSAF documents are not signed: the key that signs security.txt has no key file in the site's keys folder, so the provider metadata could not list it and no CSAF client could verify them (CSAF 2.0 requirement 20): add its public key as a contact's key file",
    ]);

    const published = await planned(true);
    expect(published.findings.map((f) => f.rule)).toEqual([]);
    expect(published.files.filter((f) => f.file.endsWith(".json.asc"))).toHaveLength(ADVISORIES.length);
    expect(role(published.files)).toBe("csaf_trusted_provider");
  });
});

describe("a site build with a CSAF document a page writes beside the build's", () => {
  it("stops before public/ is written, naming each requirement the document breaks", async () => {
    const { dir, home } = siteWithAdvisories();
    try {
      // A page whose permalink is in the CSAF folder: the way a site that uses this project's build copies an older document in.
      writeFileSync(path.join(dir, "content/old-advisory.njk"), `---\npermalink: /${OLD_PATH}\nlayout: false\neleventyExcludeFromCollections: true\n---\n${OLD}`);
      const build = await buildDir(dir);
      expect(build.ok).toBe(false);
      expect(build.findings.filter((f) => f.rule.startsWith("csaf-")).map(findingLine)).toEqual([
        expect.stringMatching(/^public\/.well-known\/csaf\/feed-tlp-white.json:1:1: error: has no entry for .* \[csaf-rolie-feed\]$/),
        expect.stringMatching(/^public\/.well-known\/csaf\/white\/2024\/example-2024-001.json:1:1: error: has neither .* \[csaf-hash\]$/),
        expect.stringMatching(/^public\/.well-known\/csaf\/white\/changes.csv:1:1: error: does not list .* \[csaf-changes\]$/),
        expect.stringMatching(/^public\/.well-known\/csaf\/white\/index.txt:1:1: error: does not list .* \[csaf-index\]$/),
      ]);
      expect(existsSync(path.join(dir, "public")), "a failed build leaves public/ as it was: here, not there").toBe(false);

      // Without the page, the distribution is the build's own, and the build passes.
      rmSync(path.join(dir, "content/old-advisory.njk"));
      const clean = await buildDir(dir);
      expect(clean.ok, clean.lines.join("\n")).toBe(true);
    } finally {
      spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
    }
  });
});
