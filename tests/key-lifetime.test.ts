/**
 * Keys made by GnuPG, with expiries on both sides of security.txt's Expires (180 days after
 * the review, which the fixtures date today) and of its 30-day margin; built through the
 * staged build, and the subkey openpgp.js encrypts to compared with the one gpg chooses.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { inspectKey } from "../src/rules/keys.ts";
import { buildDir, layOutFixture, WORK } from "./support/fixture-site.ts";

const EMAIL = "security@example.org";
const BASE_HEX = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
const DAY = 86_400_000;

function gpg(home: string, args: string[], input?: string): string {
  const run = spawnSync("gpg", ["--homedir", home, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", ...args], { encoding: "utf8", input });
  if (run.error) throw new Error(`gpg is not on this machine: install gnupg (apt-get install gnupg, as .ci/run does). ${run.error.message}`);
  if (run.status !== 0) throw new Error(`gpg ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** gpg's --faked-system-time for a moment `days` ago. */
const daysAgo = (days: number) => `--faked-system-time=${new Date(Date.now() - days * DAY).toISOString().replace(/[-:]/g, "").slice(0, 15)}`;

interface MadeKey {
  home: string;
  hex: string;
  armored: string;
  /** The encryption subkeys' long key IDs, oldest first. */
  subkeys: string[];
}

/**
 * A key for the contact: an Ed25519 primary made `primary.ageDays` ago expiring after
 * `primary.expiry` (gpg's notation: 60d, 2y), and Curve25519 encryption subkeys likewise.
 */
function makeKey(primary: { expiry: string; ageDays?: number }, subkeys: Array<{ expiry: string; ageDays?: number }>): MadeKey {
  mkdirSync(WORK, { recursive: true });
  const home = mkdtempSync(path.join(WORK, "gnupg-"));
  const at = (age?: number) => (age ? [daysAgo(age)] : []);
  gpg(home, [...at(primary.ageDays), "--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "sign", primary.expiry]);
  const hex = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ["--with-colons", "--list-keys", EMAIL]))![1]!;
  for (const sub of subkeys) gpg(home, [...at(sub.ageDays), "--quick-add-key", hex, "cv25519", "encr", sub.expiry]);
  const listed = gpg(home, ["--with-colons", "--list-keys", hex]);
  const ids = [...listed.matchAll(/^sub:[^:]*:\d+:\d+:([0-9A-F]{16}):(\d+):/gm)].sort((a, b) => Number(a[2]) - Number(b[2])).map((m) => m[1]!);
  return { home, hex, armored: gpg(home, ["--export", "--armor", hex]), subkeys: ids };
}

/** The base fixture with this key declared, shown on the page and in its key file. */
async function buildWith(key: MadeKey) {
  const dir = layOutFixture("_base");
  writeFileSync(path.join(dir, `content/keys/${EMAIL}.asc`), key.armored);
  for (const file of ["content/_data/security.json", "content/security.md"]) {
    const full = path.join(dir, file);
    writeFileSync(
      full,
      readFileSync(full, "utf8")
        .replace("7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91", formatFingerprint({ version: 4, hex: key.hex }))
        .replace(BASE_HEX, key.hex),
    );
  }
  return await buildDir(dir);
}

/** The key ID gpg encrypts to for the contact, read back from the message's packets. */
function gpgChoice(key: MadeKey): string {
  const encrypted = gpg(key.home, ["--trust-model", "always", "--armor", "--encrypt", "--recipient", EMAIL], "report\n");
  const packets = spawnSync("gpg", ["--homedir", key.home, "--batch", "--list-packets"], { encoding: "utf8", input: encrypted });
  return /keyid ([0-9A-F]{16})/.exec(`${packets.stdout}${packets.stderr}`)![1]!;
}

describe("every key outlives security.txt's Expires", () => {
  it("a primary key that expires before Expires is an error naming the key, both dates and the gpg command", async () => {
    const key = makeKey({ expiry: "60d" }, [{ expiry: "2y" }]);
    const build = await buildWith(key);
    expect(build.ok).toBe(false);
    const hit = build.findings.find((f) => f.rule === "key-expires-early");
    expect(hit, build.lines.join("\n")).toMatchObject({ file: `content/keys/${EMAIL}.asc`, line: 1, severity: "error" });
    expect(hit?.message).toMatch(
      new RegExp(`^the key ${formatFingerprint({ version: 4, hex: key.hex })} of ${EMAIL} expires on \\d{4}-\\d{2}-\\d{2}, before security\\.txt's Expires \\d{4}-\\d{2}-\\d{2}: .*gpg --quick-set-expire ${key.hex} 1y, then export it again`),
    );
  });

  it("an encryption subkey that expires before Expires, while its primary lives on, is an error naming the subkey", async () => {
    const key = makeKey({ expiry: "2y" }, [{ expiry: "60d" }]);
    const build = await buildWith(key);
    expect(build.ok).toBe(false);
    const hits = build.findings.filter((f) => f.rule === "key-expires-early");
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(new RegExp(`^the encryption subkey ${key.subkeys[0]} \\(Curve25519\\), which mail clients choose for ${EMAIL}, of the key .* \\(which expires on \\d{4}-\\d{2}-\\d{2}\\) expires on \\d{4}-\\d{2}-\\d{2}, before security\\.txt's Expires`));
    expect(hits[0]?.message).toContain(`gpg --quick-set-expire ${key.hex} 1y '*'`);
  });

  it("of two encryption subkeys only the older expiring: both tools encrypt to the newer, and the build passes", async () => {
    const key = makeKey({ expiry: "3y", ageDays: 30 }, [{ expiry: "60d", ageDays: 20 }, { expiry: "2y" }]);
    const build = await buildWith(key);
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);
    const report = await inspectKey(key.armored, { email: EMAIL, fingerprint: { version: 4, hex: key.hex } });
    expect(report.encryption?.keyId).toBe(key.subkeys[1]);
    expect(gpgChoice(key)).toBe(key.subkeys[1]);
  });

  it("a key that expires within 30 days after Expires is a warning; the build passes", async () => {
    const key = makeKey({ expiry: "200d" }, [{ expiry: "2y" }]);
    const build = await buildWith(key);
    expect(build.ok).toBe(true);
    expect(build.findings).toMatchObject([{ rule: "key-expires-close", severity: "warning", message: expect.stringMatching(/expires on \S+, only \d+ days after security\.txt's Expires \S+: extend it/) }]);
  });
});

describe("the key's facts beside its fingerprint", () => {
  it("the page shows the algorithm and the expiry day of the declared key", async () => {
    const key = makeKey({ expiry: "2y" }, [{ expiry: "2y" }]);
    const build = await buildWith(key);
    const day = /^pub:[^:]*:\d+:\d+:[0-9A-F]{16}:\d+:(\d+):/m.exec(gpg(key.home, ["--with-colons", "--list-keys", key.hex]))![1]!;
    const expires = new Date(Number(day) * 1000).toISOString().slice(0, 10);
    expect(readFileSync(path.join(build.output, "security/index.html"), "utf8")).toContain(`<span class="key-facts">Ed25519 key, expires <time datetime="${expires}">${expires}</time></span>`);
  });
});
