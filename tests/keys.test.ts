import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  armor,
  createCleartextMessage,
  createMessage,
  encrypt,
  enums,
  generateKey,
  readKey,
  revokeKey,
  sign,
  unarmor,
  type KeyOptions,
  type SecretKeyPacket,
} from "openpgp";
import { describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { describeAlgorithm, inspectKey, type KeyReport } from "../src/rules/keys.ts";
import type { Fingerprint } from "../src/types.ts";
import type { KeyFixture } from "./fixtures/keys/make-keys.ts";

const fixtureDir = fileURLToPath(new URL("./fixtures/keys/", import.meta.url));
const fixtures = JSON.parse(readFileSync(join(fixtureDir, "keys.json"), "utf8")) as Record<string, KeyFixture>;
const fixtureText = (file: string) => readFileSync(join(fixtureDir, file), "utf8");

function fixture(file: string): KeyFixture & { armored: string } {
  const entry = fixtures[file];
  if (!entry) throw new Error(`${file} is not in keys.json: run node --import tsx tests/fixtures/keys/make-keys.ts`);
  return { ...entry, armored: fixtureText(file) };
}

async function inspectFixture(file: string, now?: Date): Promise<KeyReport> {
  const { armored, email, fingerprint } = fixture(file);
  return inspectKey(armored, { email, fingerprint, ...(now ? { now } : {}) });
}

const rules = (report: KeyReport) => report.problems.map((problem) => problem.rule);

const SOMEONE: Fingerprint = { version: 4, hex: "AC483C56D8BB1F0E59A6C42C6F0C1D2E3B4A5968" };
const DAY_MS = 86_400_000;

async function makeKey(email: string, options: Omit<KeyOptions, "userIDs" | "format"> = {}) {
  const { privateKey, publicKey } = await generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    ...options,
    userIDs: [{ name: "Test", email }],
    format: "object",
  });
  const fingerprint: Fingerprint = { version: 4, hex: publicKey.getFingerprint().toUpperCase() };
  return { privateKey, publicKey, fingerprint };
}

describe("the committed fixtures", () => {
  const expected: Record<string, string[]> = {
    "ed25519.asc": [],
    "rsa.asc": [],
    "v6.asc": [],
    "expired.asc": ["key-expired"],
    "revoked.asc": ["key-revoked"],
    "sign-only.asc": ["key-no-encryption"],
    "other-address.asc": ["key-uid-mismatch"],
    "private.asc": ["key-private"],
  };

  it("every fixture in keys.json has an expectation here", () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, problems] of Object.entries(expected)) {
    it(`${file} yields ${problems.length === 0 ? "no problems" : problems.join(", ")} and its own fingerprint`, async () => {
      const report = await inspectFixture(file);
      expect(rules(report)).toEqual(problems);
      expect(report.fingerprint).toEqual(fixture(file).fingerprint);
      expect(report.publicArmored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    });
  }

  it("a v6 key has a 64-digit fingerprint and is reported as version 6", async () => {
    const report = await inspectFixture("v6.asc");
    expect(report.fingerprint?.version).toBe(6);
    expect(report.fingerprint?.hex).toMatch(/^[0-9A-F]{64}$/);
    expect(report.userIds).toEqual(["Security Team <v6@example.org>"]);
  });

  it("a key that never expires has no expiry date", async () => {
    const report = await inspectFixture("ed25519.asc");
    expect(report.expires).toBeUndefined();
    expect(report.userIds).toEqual(["Security Team <security@example.org>"]);
  });

  it("the expired key says when it expired and how to extend it", async () => {
    const report = await inspectFixture("expired.asc");
    const { hex } = fixture("expired.asc").fingerprint;
    expect(report.expires).toEqual(new Date("2021-01-01T00:00:00Z"));
    expect(report.problems).toEqual([
      {
        rule: "key-expired",
        messageId: "expired",
        severity: "error",
        message: `the key expired on 2021-01-01: extend it with gpg --quick-set-expire ${hex} 1y, and its subkeys with gpg --quick-set-expire ${hex} 1y '*', then export it again with gpg --export --armor ${hex}`,
      },
    ]);
  });

  it("the expired key is fine on a day before it expired", async () => {
    const report = await inspectFixture("expired.asc", new Date("2020-06-01T00:00:00Z"));
    expect(rules(report)).toEqual([]);
  });

  it("the expired key warns in its last month", async () => {
    const report = await inspectFixture("expired.asc", new Date("2020-12-20T00:00:00Z"));
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ rule: "key-expiring", severity: "warning" });
    expect(report.problems[0]?.message).toMatch(/^the key expires on 2021-01-01, in 12 days: extend it with gpg --quick-set-expire /);
  });

  it("the revoked key names the date and reason of its revocation", async () => {
    const report = await inspectFixture("revoked.asc");
    const grouped = formatFingerprint(fixture("revoked.asc").fingerprint);
    expect(report.problems[0]?.message).toBe(
      `the key ${grouped} was revoked on 2024-06-01 (key retired: replaced by a newer key): mail clients will refuse to encrypt to it; publish the key that replaced it (gpg --export --armor <its fingerprint>) and update the fingerprint in content/_data/security.json and on the page`,
    );
  });

  it("a key retired on 2024-06-01 is still valid on 2024-03-01", async () => {
    // Retirement is a soft revocation: it counts from its own date, unlike a compromise.
    const report = await inspectFixture("revoked.asc", new Date("2024-03-01T00:00:00Z"));
    expect(rules(report)).toEqual([]);
  });

  it("the sign-only key explains that nobody can encrypt to it", async () => {
    const report = await inspectFixture("sign-only.asc");
    const { hex } = fixture("sign-only.asc").fingerprint;
    expect(report.problems[0]?.message).toMatch(/^the key has no valid encryption subkey on \d{4}-\d\d-\d\d, so reporters cannot encrypt to it \(openpgp\.js: /);
    expect(report.problems[0]?.message).toContain(`gpg --quick-add-key ${hex} cv25519 encr 1y`);
  });

  it("a user ID mismatch lists the addresses the key does carry", async () => {
    const report = await inspectFixture("other-address.asc");
    expect(report.problems[0]?.message).toMatch(
      /^no user ID on the key carries security@example\.org; the key has alice@example\.org: add the address with gpg --quick-add-uid /,
    );
  });

  it("the address's domain is compared without regard to case", async () => {
    const { armored, fingerprint } = fixture("ed25519.asc");
    const report = await inspectKey(armored, { email: "security@EXAMPLE.Org", fingerprint });
    expect(rules(report)).toEqual([]);
  });

  it("the address's local part is compared as written", async () => {
    const { armored, fingerprint } = fixture("ed25519.asc");
    const report = await inspectKey(armored, { email: "Security@example.org", fingerprint });
    expect(rules(report)).toEqual(["key-uid-mismatch"]);
  });
});

describe("fingerprints", () => {
  it("a fingerprint that differs from the declared one is an error naming both, grouped in fours", async () => {
    const { armored, email, fingerprint } = fixture("ed25519.asc");
    const report = await inspectKey(armored, { email, fingerprint: SOMEONE });
    expect(report.problems).toEqual([
      {
        rule: "key-fingerprint-mismatch",
        messageId: "mismatch",
        severity: "error",
        message: `the key's fingerprint is ${formatFingerprint(fingerprint)}; the site data declares AC48 3C56 D8BB 1F0E 59A6 C42C 6F0C 1D2E 3B4A 5968: update the fingerprint in content/_data/security.json and on the page, or export the right key with gpg --export --armor AC483C56D8BB1F0E59A6C42C6F0C1D2E3B4A5968`,
      },
    ]);
    // The report still describes the key that is there.
    expect(report.fingerprint).toEqual(fingerprint);
  });

  it("a fingerprint off by one digit is an error", async () => {
    const { armored, email, fingerprint } = fixture("rsa.asc");
    const last = fingerprint.hex.at(-1) === "0" ? "1" : "0";
    const report = await inspectKey(armored, { email, fingerprint: { version: 4, hex: fingerprint.hex.slice(0, -1) + last } });
    expect(rules(report)).toEqual(["key-fingerprint-mismatch"]);
  });

  it("a v6 fingerprint declared for a v4 key is a mismatch that names both versions", async () => {
    const { armored, email } = fixture("ed25519.asc");
    const v6 = fixture("v6.asc").fingerprint;
    const report = await inspectKey(armored, { email, fingerprint: v6 });
    expect(rules(report)).toEqual(["key-fingerprint-mismatch"]);
    expect(report.problems[0]?.message).toContain("(the key is a v4 key; the declared fingerprint is a v6 one)");
  });

  it("a v4 key's digits declared as a v6 fingerprint are still a mismatch", async () => {
    const { armored, email, fingerprint } = fixture("ed25519.asc");
    const report = await inspectKey(armored, { email, fingerprint: { version: 6, hex: fingerprint.hex } });
    expect(rules(report)).toEqual(["key-fingerprint-mismatch"]);
  });

  it("formats v4 and v6 fingerprints in groups of four", () => {
    expect(formatFingerprint({ version: 4, hex: "0168DA26AC483C56D8BB1F0E59A6C42C6F0C1D2E" })).toBe(
      "0168 DA26 AC48 3C56 D8BB 1F0E 59A6 C42C 6F0C 1D2E",
    );
    expect(formatFingerprint({ version: 6, hex: "a".repeat(64) })).toBe(Array(16).fill("AAAA").join(" "));
  });
});

describe("secret key material", () => {
  it("the public part of private.asc holds no secret material and is read back as a public key", async () => {
    const report = await inspectFixture("private.asc");
    expect(report.publicArmored).toBeDefined();
    expect(report.publicArmored).not.toContain("PRIVATE KEY");
    const reread = await readKey({ armoredKey: report.publicArmored! });
    expect(reread.isPrivate()).toBe(false);
    expect(reread.getFingerprint().toUpperCase()).toBe(fixture("private.asc").fingerprint.hex);
    const fromBinary = await readKey({ binaryKey: report.publicBinary! });
    expect(fromBinary.isPrivate()).toBe(false);
    expect(fromBinary.getFingerprint().toUpperCase()).toBe(fixture("private.asc").fingerprint.hex);
  });

  it("the private key message says to export the public key and to treat the key as compromised", async () => {
    const report = await inspectFixture("private.asc");
    const message = report.problems[0]?.message ?? "";
    expect(message).toContain("(a PGP PRIVATE KEY BLOCK)");
    expect(message).toContain(`gpg --export --armor ${fixture("private.asc").fingerprint.hex} (not --export-secret-keys)`);
    expect(message).toContain("consider the key compromised");
  });

  it("secret packets armored under a public key header are still secret", async () => {
    const { data } = await unarmor(fixture("private.asc").armored);
    const disguised = armor(enums.armor.publicKey, data);
    expect(disguised).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    const { email, fingerprint } = fixture("private.asc");
    const report = await inspectKey(disguised, { email, fingerprint });
    expect(rules(report)).toEqual(["key-private"]);
    expect(report.problems[0]?.message).toContain("(secret key packets)");
    expect((await readKey({ armoredKey: report.publicArmored! })).isPrivate()).toBe(false);
  });

  it("the public part of a public key is re-armored, not the input text passed through", async () => {
    const { armored, email, fingerprint } = fixture("ed25519.asc");
    const withComment = armored.replace("\n\n", "\nComment: added by hand\n\n");
    const report = await inspectKey(withComment, { email, fingerprint });
    expect(rules(report)).toEqual([]);
    expect(report.publicArmored).not.toContain("added by hand");
  });
});

describe("files that do not hold one readable public key", () => {
  const ed = () => fixture("ed25519.asc");
  const inspect = (text: string) => inspectKey(text, { email: ed().email, fingerprint: ed().fingerprint });

  it("an empty file is unreadable", async () => {
    for (const text of ["", "  \n\n"]) {
      const report = await inspect(text);
      expect(rules(report)).toEqual(["key-unreadable"]);
      expect(report.problems[0]?.message).toBe(`the file is empty: export the key with gpg --export --armor ${ed().fingerprint.hex} and replace the file's contents`);
      expect(report.publicArmored).toBeUndefined();
      expect(report.fingerprint).toBeUndefined();
    }
  });

  it("text that is not armor at all is unreadable, with openpgp.js's reason", async () => {
    const report = await inspect("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk security@example.org\n");
    expect(rules(report)).toEqual(["key-unreadable"]);
    expect(report.problems[0]?.message).toMatch(/^this is not a readable OpenPGP armored key \(openpgp\.js: .+\): export the key with gpg --export --armor /);
  });

  it("a binary key saved as text is unreadable", async () => {
    const binary = Buffer.from((await unarmor(ed().armored)).data as Uint8Array).toString("latin1");
    const report = await inspect(binary);
    expect(rules(report)).toEqual(["key-unreadable"]);
  });

  it("armor cut off before its end line is unreadable", async () => {
    const text = ed().armored;
    const report = await inspect(text.slice(0, Math.floor(text.length / 2)));
    expect(rules(report)).toEqual(["key-unreadable"]);
    expect(report.publicArmored).toBeUndefined();
  });

  it("armor with lines missing from its middle is unreadable", async () => {
    const lines = fixture("rsa.asc").armored.split("\n");
    const truncated = [...lines.slice(0, 6), ...lines.slice(-4)].join("\n");
    const { email, fingerprint } = fixture("rsa.asc");
    const report = await inspectKey(truncated, { email, fingerprint });
    expect(rules(report)).toEqual(["key-unreadable"]);
    expect(report.problems[0]?.message).toMatch(/^the key block is damaged or incomplete \(openpgp\.js: .+\)/);
  });

  it("garbage between armor lines is unreadable", async () => {
    const report = await inspect("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all!\n-----END PGP PUBLIC KEY BLOCK-----\n");
    expect(rules(report)).toEqual(["key-unreadable"]);
  });

  it("a detached signature is the wrong kind of block", async () => {
    const privateKey = await readKey({ armoredKey: fixture("private.asc").armored });
    if (!privateKey.isPrivate()) throw new Error("private.asc should hold a private key");
    const signature = await sign({ message: await createMessage({ text: "policy" }), signingKeys: privateKey, detached: true });
    const report = await inspect(signature);
    expect(report.problems).toEqual([
      {
        rule: "key-wrong-block",
        messageId: "signature",
        severity: "error",
        message: `the file holds a detached signature (-----BEGIN PGP SIGNATURE-----), not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor ${ed().fingerprint.hex}`,
        index: 0,
      },
    ]);
  });

  it("an encrypted message is the wrong kind of block", async () => {
    const encryptionKey = await readKey({ armoredKey: ed().armored });
    const message = await encrypt({ message: await createMessage({ text: "report" }), encryptionKeys: encryptionKey });
    const report = await inspect(message);
    expect(rules(report)).toEqual(["key-wrong-block"]);
    expect(report.problems[0]?.message).toMatch(/^the file holds an OpenPGP message \(-----BEGIN PGP MESSAGE-----\)/);
  });

  it("a cleartext-signed message is the wrong kind of block", async () => {
    const privateKey = await readKey({ armoredKey: fixture("private.asc").armored });
    if (!privateKey.isPrivate()) throw new Error("private.asc should hold a private key");
    const signed = await sign({ message: await createCleartextMessage({ text: "policy" }), signingKeys: privateKey });
    const report = await inspect(`Some text before the armor.\n${signed}`);
    expect(rules(report)).toEqual(["key-wrong-block"]);
    expect(report.problems[0]?.message).toMatch(/^the file holds a cleartext-signed message \(-----BEGIN PGP SIGNED MESSAGE-----\)/);
    expect(report.problems[0]?.index).toBe("Some text before the armor.\n".length);
  });

  it("two keys in one armored block are reported with both fingerprints", async () => {
    const first = (await unarmor(ed().armored)).data as Uint8Array;
    const second = (await unarmor(fixture("rsa.asc").armored)).data as Uint8Array;
    const both = armor(enums.armor.publicKey, new Uint8Array([...first, ...second]));
    const report = await inspect(both);
    expect(rules(report)).toEqual(["key-multiple"]);
    expect(report.problems[0]?.message).toBe(
      `the file holds 2 keys (${formatFingerprint(ed().fingerprint)}, ${formatFingerprint(fixture("rsa.asc").fingerprint)}); it must hold one: export only the contact's key with gpg --export --armor ${ed().fingerprint.hex} (during a key rotation, list the other key's fingerprint after the current one in content/_data/security.json)`,
    );
  });

  it("two armored keys one after the other are both seen, and the declared one is judged", async () => {
    // openpgp.js reads only the first armored block; a second key appended with cat must not pass unseen.
    const report = await inspect(fixture("rsa.asc").armored + "\n" + ed().armored);
    expect(rules(report)).toEqual(["key-multiple"]);
    expect(report.fingerprint).toEqual(ed().fingerprint);
    expect((await readKey({ armoredKey: report.publicArmored! })).getFingerprint().toUpperCase()).toBe(ed().fingerprint.hex);
  });

  it("a key followed by a signature reports the signature and checks the key", async () => {
    const privateKey = await readKey({ armoredKey: fixture("private.asc").armored });
    if (!privateKey.isPrivate()) throw new Error("private.asc should hold a private key");
    const signature = await sign({ message: await createMessage({ text: "key" }), signingKeys: privateKey, detached: true });
    const text = ed().armored + signature;
    const report = await inspect(text);
    expect(rules(report)).toEqual(["key-wrong-block"]);
    expect(report.problems[0]?.index).toBe(ed().armored.length);
    expect(report.fingerprint).toEqual(ed().fingerprint);
  });
});

describe("validity at a moment", () => {
  it("a key that expires in ten days is a warning, not an error", async () => {
    const { publicKey, fingerprint } = await makeKey("soon@example.org", { keyExpirationTime: 10 * 86_400 });
    const report = await inspectKey(publicKey.armor(), { email: "soon@example.org", fingerprint });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ rule: "key-expiring", severity: "warning" });
    expect(report.problems[0]?.message).toMatch(/^the key expires on \d{4}-\d\d-\d\d, in 10 days: extend it with gpg --quick-set-expire /);
  });

  it("a key that expires in ten days passes when the warning window is five days", async () => {
    const { publicKey, fingerprint } = await makeKey("soon@example.org", { keyExpirationTime: 10 * 86_400 });
    const report = await inspectKey(publicKey.armor(), { email: "soon@example.org", fingerprint, expiryWarningDays: 5 });
    expect(report.problems).toEqual([]);
    expect(report.expires?.getTime()).toBe(publicKey.getCreationTime().getTime() + 10 * DAY_MS);
  });

  it("an encryption subkey that expires before its primary key is warned about", async () => {
    const created = new Date("2024-01-01T00:00:00Z");
    const { publicKey, fingerprint } = await makeKey("sub@example.org", {
      date: created,
      subkeys: [{ keyExpirationTime: 20 * 86_400 }],
    });
    const now = new Date("2024-01-11T00:00:00Z");
    const report = await inspectKey(publicKey.armor(), { email: "sub@example.org", fingerprint, now });
    expect(rules(report)).toEqual(["key-expiring"]);
    expect(report.problems[0]?.message).toMatch(/^its encryption subkey expires on 2024-01-21, in 10 days/);
    expect(report.expires).toBeUndefined();

    const later = await inspectKey(publicKey.armor(), { email: "sub@example.org", fingerprint, now: new Date("2024-02-01T00:00:00Z") });
    expect(rules(later)).toEqual(["key-no-encryption"]);
  });

  it("a compromised key is revoked even before the date of its revocation", async () => {
    const { privateKey, fingerprint } = await makeKey("gone@example.org", { date: new Date("2024-01-01T00:00:00Z") });
    const { publicKey } = await revokeKey({
      key: privateKey,
      reasonForRevocation: { flag: enums.reasonForRevocation.keyCompromised },
      date: new Date("2024-06-01T00:00:00Z"),
      format: "armored",
    });
    const report = await inspectKey(publicKey, { email: "gone@example.org", fingerprint, now: new Date("2024-03-01T00:00:00Z") });
    expect(rules(report)).toEqual(["key-revoked"]);
    expect(report.problems[0]?.message).toContain("was revoked on 2024-06-01 (key compromised)");
  });

  it("a revoked user ID does not count as carrying its address", async () => {
    const { privateKey, fingerprint } = await makeKey("old@example.org", { date: new Date("2024-01-01T00:00:00Z") });
    const user = privateKey.users[0]!;
    const revokedUser = await user.revoke(privateKey.keyPacket as SecretKeyPacket, { flag: enums.reasonForRevocation.userIDInvalid }, new Date("2024-02-01T00:00:00Z"));
    privateKey.users[0] = revokedUser;
    const armored = privateKey.toPublic().armor();
    const before = await inspectKey(armored, { email: "old@example.org", fingerprint, now: new Date("2024-01-15T00:00:00Z") });
    expect(rules(before)).toEqual([]);
    const after = await inspectKey(armored, { email: "old@example.org", fingerprint, now: new Date("2024-03-01T00:00:00Z") });
    expect(rules(after)).toContain("key-uid-mismatch");
    expect(after.problems.find((p) => p.rule === "key-uid-mismatch")?.message).toMatch(/^the user ID carrying old@example\.org is not valid on 2024-03-01 \(openpgp\.js: /);
  });

  it("an invalid moment or warning window is the caller's error", async () => {
    const { armored, email, fingerprint } = fixture("ed25519.asc");
    await expect(inspectKey(armored, { email, fingerprint, now: new Date("not a date") })).rejects.toThrow(/inspectKey: `now` must be a valid Date/);
    await expect(inspectKey(armored, { email, fingerprint, expiryWarningDays: -1 })).rejects.toThrow(/inspectKey: `expiryWarningDays`/);
  });
});

describe("gpg agrees on the fingerprints", () => {
  const gpg = spawnSync("gpg", ["--version"], { encoding: "utf8" });
  const gpgMissing = gpg.error !== undefined || gpg.status !== 0;

  /** Imports armored text into a fresh GNUPGHOME and returns the primary fingerprints gpg lists. */
  function gpgFingerprints(armored: string): string[] {
    const home = mkdtempSync(join(tmpdir(), "keys-test-gnupg-"));
    try {
      const imported = spawnSync("gpg", ["--batch", "--homedir", home, "--import"], { input: armored, encoding: "utf8" });
      if (imported.status !== 0) throw new Error(`gpg --import failed: ${imported.stderr}`);
      const listed = spawnSync("gpg", ["--batch", "--homedir", home, "--with-colons", "--fingerprint"], { encoding: "utf8" });
      if (listed.status !== 0) throw new Error(`gpg --fingerprint failed: ${listed.stderr}`);
      // The fpr line right after a pub line is the primary key's; later ones belong to subkeys.
      const lines = listed.stdout.split("\n");
      return lines.flatMap((line, i) => (line.startsWith("fpr:") && lines[i - 1]?.startsWith("pub:") ? [line.split(":")[9] ?? ""] : []));
    } finally {
      // Importing a secret key starts a gpg-agent for this home; stop it before removing the directory.
      spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
      rmSync(home, { recursive: true, force: true });
    }
  }

  const v4Files = Object.keys(fixtures).filter((file) => fixtures[file]?.fingerprint.version === 4);

  it("gpg reads the same fingerprint as inspectKey from every v4 fixture and from its public part", { timeout: 60_000 }, async () => {
    if (gpgMissing) {
      throw new Error("gpg is not installed, so the fingerprints cannot be cross-checked: install gnupg (apt-get install gnupg, brew install gnupg) and run the tests again");
    }
    expect(v4Files.length).toBeGreaterThanOrEqual(7);
    for (const file of v4Files) {
      const report = await inspectFixture(file);
      expect(gpgFingerprints(fixture(file).armored), file).toEqual([report.fingerprint?.hex]);
      expect(gpgFingerprints(report.publicArmored!), `${file}, public part`).toEqual([report.fingerprint?.hex]);
    }
  });

});

/*
 * GnuPG 2.2 cannot read v6 (RFC 9580) keys ("no valid OpenPGP data found"), so the v6
 * fingerprint is cross-checked by hashing the primary key packet as RFC 9580 section
 * 5.5.4 says, with node:crypto and a packet reader of the test's own, not openpgp.js:
 * v4 is SHA-1 over 0x99, a two-octet length and the packet body; v6 is SHA-256 over
 * 0x9B, a four-octet length and the body.
 */
describe("the fingerprint rule of RFC 9580 agrees with inspectKey", () => {
  /** The body of the first packet in armored text, read without openpgp.js. */
  function primaryKeyPacketBody(armored: string): Buffer {
    const lines = armored.split(/\r?\n/);
    const start = lines.findIndex((l) => l.trim() === "") + 1;
    const end = lines.findIndex((l) => l.startsWith("-----END"));
    const base64 = lines.slice(start, end).filter((l) => !l.startsWith("=")).join("");
    const bytes = Buffer.from(base64, "base64");
    const header = bytes[0] ?? 0;
    expect(header & 0x80, "an OpenPGP packet header").toBe(0x80);
    let tag: number;
    let length: number;
    let offset: number;
    if (header & 0x40) {
      tag = header & 0x3f;
      const first = bytes[1] ?? 0;
      if (first < 192) [length, offset] = [first, 2];
      else if (first < 224) [length, offset] = [((first - 192) << 8) + (bytes[2] ?? 0) + 192, 3];
      else [length, offset] = [bytes.readUInt32BE(2), 6];
    } else {
      tag = (header >> 2) & 0x0f;
      const kind = header & 0x03;
      if (kind === 0) [length, offset] = [bytes[1] ?? 0, 2];
      else if (kind === 1) [length, offset] = [bytes.readUInt16BE(1), 3];
      else [length, offset] = [bytes.readUInt32BE(1), 5];
    }
    expect(tag, "a public-key packet (tag 6) first").toBe(6);
    return bytes.subarray(offset, offset + length);
  }

  function rfcFingerprint(body: Buffer): string {
    const version = body[0];
    if (version === 6) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return createHash("sha256").update(Buffer.from([0x9b])).update(length).update(body).digest("hex").toUpperCase();
    }
    const length = Buffer.alloc(2);
    length.writeUInt16BE(body.length);
    return createHash("sha1").update(Buffer.from([0x99])).update(length).update(body).digest("hex").toUpperCase();
  }

  it.each(["v6.asc", "ed25519.asc", "rsa.asc"])("the fingerprint of %s hashed by hand equals inspectKey's", async (file) => {
    const report = await inspectFixture(file);
    const body = primaryKeyPacketBody(fixture(file).armored);
    expect(rfcFingerprint(body)).toBe(report.fingerprint?.hex);
    expect(body[0]).toBe(report.fingerprint?.version);
  });
});

describe("key algorithms as a reader knows them", () => {
  it.each([
    [{ algorithm: "rsaEncryptSign", bits: 4096 }, "RSA 4096"],
    [{ algorithm: "rsaEncrypt", bits: 2048 }, "RSA 2048"],
    [{ algorithm: "rsaSign", bits: 3072 }, "RSA 3072"],
    [{ algorithm: "rsaSign" }, "RSA"],
    [{ algorithm: "eddsaLegacy", curve: "ed25519Legacy" }, "Ed25519"],
    [{ algorithm: "eddsaLegacy" }, "EdDSA"],
    [{ algorithm: "ed25519" }, "Ed25519"],
    [{ algorithm: "ed448" }, "Ed448"],
    [{ algorithm: "x25519" }, "X25519"],
    [{ algorithm: "x448" }, "X448"],
    [{ algorithm: "ecdh", curve: "curve25519Legacy" }, "Curve25519"],
    [{ algorithm: "ecdh", curve: "nistP256" }, "ECDH P-256"],
    [{ algorithm: "ecdh", curve: "nistP384" }, "ECDH P-384"],
    [{ algorithm: "ecdh", curve: "brainpoolP512r1" }, "ECDH brainpoolP512r1"],
    [{ algorithm: "ecdh" }, "ECDH"],
    [{ algorithm: "ecdsa", curve: "nistP521" }, "ECDSA P-521"],
    [{ algorithm: "ecdsa", curve: "brainpoolP256r1" }, "ECDSA brainpoolP256r1"],
    [{ algorithm: "ecdsa", curve: "brainpoolP384r1" }, "ECDSA brainpoolP384r1"],
    [{ algorithm: "ecdsa", curve: "secp256k1" }, "ECDSA secp256k1"],
    [{ algorithm: "ecdsa", curve: "aNewCurve" }, "ECDSA aNewCurve"],
    [{ algorithm: "ecdsa" }, "ECDSA"],
    [{ algorithm: "dsa", bits: 1024 }, "DSA 1024"],
    [{ algorithm: "dsa" }, "DSA"],
    [{ algorithm: "elgamal", bits: 2048 }, "ElGamal 2048"],
    [{ algorithm: "elgamal" }, "ElGamal"],
    [{ algorithm: "aedh" }, "aedh"],
  ])("%j is %j", (info, name) => {
    expect(describeAlgorithm(info)).toBe(name);
  });
});
