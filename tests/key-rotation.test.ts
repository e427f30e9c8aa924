/**
 * A key rotation as a maintainer does it with GnuPG: a new key for the same address, the old
 * one revoked (or not yet), both exported with `gpg --export --armor <email>` into the
 * contact's key file and listed in the site data, the new one first.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { wkdKeyPath } from "../src/formats/wkd.ts";
import { buildDir, layOutFixture, WORK } from "./support/fixture-site.ts";
import { gpg } from "./support/gnupg.ts";

const EMAIL = "security@example.org";
const BASE_LINE = /^security@example\.org: 7FC1 .*$/m;

/** Fingerprints of the keys for the address, in the order gpg made them. */
function fingerprints(home: string): string[] {
  const listed = gpg(home, ["--with-colons", "--list-keys", EMAIL]);
  return [...listed.matchAll(/^pub:[^:]*:\d+:\d+:[0-9A-F]{16}:(\d+):[^\n]*\nfpr:+([0-9A-F]{40}):/gm)].sort((a, b) => Number(a[1]) - Number(b[1])).map((m) => m[2]!);
}

interface Rotation {
  home: string;
  old: string;
  current: string;
}

/** An old key and a new one for the contact; the old one revoked, or expiring after `oldExpiry`. */
function rotate(options: { revokeOld: boolean; oldExpiry?: string }): Rotation {
  mkdirSync(WORK, { recursive: true });
  const home = mkdtempSync(path.join(WORK, "gnupg-"));
  gpg(home, ["--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "cert,sign", options.oldExpiry ?? "2y"]);
  const [old] = fingerprints(home);
  gpg(home, ["--quick-add-key", old!, "cv25519", "encr", options.oldExpiry ?? "2y"]);
  // gpg refuses a second key for the same user ID without --yes (given in gpg() above).
  gpg(home, ["--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "cert,sign", "2y"]);
  const current = fingerprints(home).find((f) => f !== old)!;
  gpg(home, ["--quick-add-key", current, "cv25519", "encr", "2y"]);
  if (options.revokeOld) {
    // GnuPG leaves a revocation certificate for every key it makes; its armor line is disarmed with a colon.
    const certificate = readFileSync(path.join(home, "openpgp-revocs.d", `${old}.rev`), "utf8").replace(/^:-----BEGIN/m, "-----BEGIN");
    gpg(home, ["--import"], certificate);
  }
  return { home, old: old!, current };
}

/** The base fixture during the rotation: both keys in the file, both listed (current first) and shown unless `show` says otherwise. */
async function buildRotation(rotation: Rotation, options: { listed?: string[]; show?: string[]; exported?: string[] } = {}) {
  const dir = layOutFixture("_base");
  const listed = options.listed ?? [rotation.current, rotation.old];
  const show = options.show ?? listed;
  const exported = options.exported ? gpg(rotation.home, ["--export", "--armor", ...options.exported]) : gpg(rotation.home, ["--export", "--armor", EMAIL]);
  writeFileSync(path.join(dir, `content/keys/${EMAIL}.asc`), exported);
  const data = path.join(dir, "content/_data/security.json");
  writeFileSync(
    data,
    readFileSync(data, "utf8").replace('"7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91"', JSON.stringify(listed.map((hex) => formatFingerprint({ version: 4, hex })))),
  );
  const page = path.join(dir, "content/security.md");
  const lines = show.map((hex, i) => `${i === 0 ? "Our key" : "Our previous key"}, ${EMAIL}: ${formatFingerprint({ version: 4, hex })}`).join("\n\n");
  writeFileSync(page, readFileSync(page, "utf8").replace(BASE_LINE, lines));
  return await buildDir(dir);
}

/** The fingerprints gpg reads from a file the build published. */
function gpgReads(file: string): string[] {
  const home = mkdtempSync(path.join(WORK, "gnupg-read-"));
  gpg(home, ["--import", file]);
  return [...gpg(home, ["--with-colons", "--list-keys"]).matchAll(/^fpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]!).filter((_, i, all) => all.length > 0);
}

describe("a key rotation", () => {
  it("old key revoked, new one current: both checked and published, the page marks which is which", async () => {
    const rotation = rotate({ revokeOld: true });
    const build = await buildRotation(rotation);
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);

    const html = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    expect(html).toMatch(new RegExp(`${formatFingerprint({ version: 4, hex: rotation.current })}</code> <span class="fingerprint-actions">(?:(?!</code>).)*?<span class="key-facts"><strong class="key-role">Current key:</strong> Ed25519 key, expires`));
    expect(html).toMatch(new RegExp(`${formatFingerprint({ version: 4, hex: rotation.old })}</code> <span class="fingerprint-actions">(?:(?!</code>).)*?<span class="key-facts"><strong class="key-role key-role-previous">Previous key, do not use:</strong> Ed25519 key, revoked</span>`));

    // The published key file and the Web Key Directory hold both keys; security.txt names the one file once.
    const published = path.join(build.output, `security/keys/${EMAIL}.asc`);
    expect(gpgReads(published).filter((f) => f === rotation.current || f === rotation.old).sort()).toEqual([rotation.current, rotation.old].sort());
    expect(gpgReads(path.join(build.output, wkdKeyPath(EMAIL).slice(1))).filter((f) => f === rotation.current || f === rotation.old).sort()).toEqual([rotation.current, rotation.old].sort());
    const securityTxt = readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8");
    expect(securityTxt.match(/^Encryption: .*$/gm)).toEqual([`Encryption: https://example.org/security/keys/${EMAIL}.asc`]);
    expect(readdirSync(path.join(build.output, "security/keys"))).toEqual([`${EMAIL}.asc`]);
  });

  it("an old key still valid for a year is a warning that the rotation is not finished", async () => {
    const rotation = rotate({ revokeOld: false, oldExpiry: "1y" });
    const build = await buildRotation(rotation);
    expect(build.ok).toBe(true);
    expect(build.findings).toMatchObject([
      {
        rule: "key-rotation-unfinished",
        severity: "warning",
        file: `content/keys/${EMAIL}.asc`,
        message: expect.stringMatching(new RegExp(`^the previous key ${formatFingerprint({ version: 4, hex: rotation.old })} of ${EMAIL} stays valid until \\d{4}-\\d{2}-\\d{2}, so researchers may still encrypt to it: finish the rotation`)),
      },
    ]);
  });

  it("a key in the file that the site data does not list is an error: key-multiple for a contact with one key, key-unused during a rotation", async () => {
    const rotation = rotate({ revokeOld: true });
    const single = await buildRotation(rotation, { listed: [rotation.current] });
    expect(single.ok).toBe(false);
    expect(single.findings.map((f) => f.rule)).toContain("key-multiple");

    // A rotation with a third key in the file, which the data does not list.
    gpg(rotation.home, ["--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "cert,sign", "2y"]);
    const extra = fingerprints(rotation.home).find((f) => f !== rotation.current && f !== rotation.old)!;
    const rotated = await buildRotation(rotation);
    expect(rotated.ok).toBe(false);
    expect(rotated.findings).toMatchObject([
      { rule: "key-unused", severity: "error", file: `content/keys/${EMAIL}.asc`, message: expect.stringMatching(new RegExp(`^the file holds the key ${formatFingerprint({ version: 4, hex: extra })}, which the site data does not list for ${EMAIL}`)) },
    ]);
  });

  it("every listed fingerprint must be shown: a previous key left off the page is an error at its place in the site data", async () => {
    const rotation = rotate({ revokeOld: true });
    const build = await buildRotation(rotation, { show: [rotation.current] });
    expect(build.ok).toBe(false);
    expect(build.findings).toMatchObject([
      { rule: "fingerprint-not-shown", file: "content/_data/security.json", line: 8, message: expect.stringMatching(new RegExp(`^the previous key ${formatFingerprint({ version: 4, hex: rotation.old })} of ${EMAIL} is shown on no page`)) },
    ]);
  });

  it("a previous key listed but missing from the file is an error that says how to export both", async () => {
    const rotation = rotate({ revokeOld: true });
    const build = await buildRotation(rotation, { exported: [rotation.current] });
    expect(build.ok).toBe(false);
    expect(build.findings).toMatchObject([{ rule: "key-fingerprint-mismatch", message: expect.stringMatching(new RegExp(`export both keys with gpg --export --armor ${rotation.current} ${rotation.old}`)) }]);
  });
});
