/**
 * `check`: a SECURITY.md, an HTML page or a security.txt, checked against the keys given,
 * without a site. Through its function (src/verify/check.ts, src/build/check-command.ts), and
 * once through the bin for the exit code. The pages are made up (tests/fixtures/check/); the
 * keys are the key fixtures (tests/fixtures/keys/). Nothing here reaches the network.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ajvDraft04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { createCleartextMessage, readPrivateKey, sign } from "openpgp";
import { describe, expect, it } from "vitest";
import { checkCommand } from "../src/build/check-command.ts";
import { ROOT } from "./support/fixture-site.ts";
import { WORK } from "./support/work.ts";

/** When the keys and Expires are judged: after every fixture key was made, before any good one expires. */
const NOW = new Date("2026-02-01T12:00:00Z");
const FIXTURES = path.join(ROOT, "tests/fixtures/check");
const KEY_FIXTURES = path.join(ROOT, "tests/fixtures/keys");

/** A working folder: the fixture pages, and a keys/ folder as a repository would keep it. */
mkdirSync(WORK, { recursive: true });
const work = mkdtempSync(path.join(WORK, "check-"));
for (const name of ["good.md", "problems.md", "obfuscated.md", "armored.md", "security.txt"]) copyFileSync(path.join(FIXTURES, name), path.join(work, name));
mkdirSync(path.join(work, "keys"));
// Named after their address, or any .asc, matched by fingerprint.
for (const [from, to] of [
  ["ed25519.asc", "security@example.org.asc"],
  ["rsa.asc", "rsa@example.org.asc"],
  ["expired.asc", "expired.asc"],
  ["sign-only.asc", "sign-only.asc"],
  ["other-address.asc", "team.asc"],
]) {
  copyFileSync(path.join(KEY_FIXTURES, from!), path.join(work, "keys", to!));
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await checkCommand(args, { cwd: work, now: NOW, streams: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) } });
  return { code, stdout, stderr };
}

interface Brief {
  rule: string;
  line: number;
  column: number;
  message: string;
}

async function findings(...args: string[]): Promise<Brief[]> {
  const result = await run(...args, "--format", "json");
  return (JSON.parse(result.stdout) as Brief[]).map(({ rule, line, column, message }) => ({ rule, line, column, message }));
}

const NOT_RUN = "notice: not run: address-undeclared, fingerprint-not-shown, mailto-undeclared: they compare a page with the contacts the site data declares; pass --data FILE to run them\n";

/** A page of the working folder, written for one test. */
function page(name: string, text: string): string {
  mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  writeFileSync(path.join(work, name), text);
  return name;
}

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

describe("check of a SECURITY.md", () => {
  it("a page whose fingerprint, key and links are right passes, and says once which rules need site data", async () => {
    expect(await run("good.md", "--keys", "keys")).toEqual({ code: 0, stdout: NOT_RUN, stderr: "" });
  });

  it("finds each problem of the page at its line: a digit off, an expired key, no encryption subkey, an address on no user ID, a stray letter, a query fingerprint a digit off", async () => {
    expect(await findings("problems.md", "--keys", "keys")).toEqual([
      {
        rule: "fingerprint-mismatch",
        line: 9,
        column: 26,
        message:
          "fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E90 is not the declared fingerprint of security@example.org (7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91): digit 40 is 0 where the declared fingerprint has 1. Correct the page, or the site data if the key was rotated",
      },
      {
        rule: "key-expired",
        line: 10,
        column: 25,
        message:
          "the key expired on 2021-01-01: extend it with gpg --quick-set-expire AD68516D56946669E62FB0BAE4AEB4435B2CF961 1y, and its subkeys with gpg --quick-set-expire AD68516D56946669E62FB0BAE4AEB4435B2CF961 1y '*', then export it again with gpg --export --armor AD68516D56946669E62FB0BAE4AEB4435B2CF961",
      },
      {
        rule: "key-no-encryption",
        line: 11,
        column: 27,
        message:
          "the key has no valid encryption subkey on 2026-02-01, so reporters cannot encrypt to it (openpgp.js: Could not find valid encryption key packet in key 62574967aa812c83): add one with gpg --quick-add-key 44A23EC99A8877186BC08FFB62574967AA812C83 cv25519 encr 1y, then export the key again with gpg --export --armor 44A23EC99A8877186BC08FFB62574967AA812C83",
      },
      {
        rule: "key-uid-mismatch",
        line: 12,
        column: 25,
        message:
          "no user ID on the key carries reports@example.org; the key has alice@example.org: add the address with gpg --quick-add-uid E8B91CFDE3B5C602F6910F309BCBD10543823B6B 'Security Team <reports@example.org>' and export the key again, or correct the address on the page",
      },
      {
        rule: "fingerprint-malformed",
        line: 13,
        column: 21,
        message: 'fingerprint "8ECA FE52 3964 AF82 401G F6C8 1167 27A6 0111 BF2D" has "G", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
      },
      {
        rule: "keyserver-mismatch",
        line: 15,
        column: 45,
        message:
          "link looks up fingerprint 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E92, which is not a declared key; it should be 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91 or AD68516D56946669E62FB0BAE4AEB4435B2CF961 or 44A23EC99A8877186BC08FFB62574967AA812C83 or E8B91CFDE3B5C602F6910F309BCBD10543823B6B or 8ECAFE523964AF824016F6C8116727A60111BF2D",
      },
    ]);
  });

  it("binds each row of a table of spelt-out addresses to its own row's fingerprint: no fingerprint-mismatch, and swapped keys are caught", async () => {
    expect(await run("obfuscated.md", "--keys", "keys")).toEqual({ code: 0, stdout: NOT_RUN, stderr: "" });
    // The same rows with their fingerprints swapped: each is the other address's key.
    const swapped = fixture("obfuscated.md").replace(/7FC1 6F16[^|]*\|/, "8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D |").replace(/(rsa \[at\][^|]*\| )8ECA[^|]*\|/, "$17FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 |");
    expect((await findings(page("swapped.md", swapped), "--keys", "keys")).map((f) => [f.rule, f.line])).toEqual([
      ["fingerprint-address-mismatch", 7],
      ["fingerprint-address-mismatch", 8],
    ]);
  });

  it("uses an armored key block printed in the page as the key, without --keys", async () => {
    expect(await run("armored.md")).toEqual({ code: 0, stdout: NOT_RUN, stderr: "" });
    const wrong = page("armored-wrong.md", fixture("armored.md").replace("C5B5 3E91", "C5B5 3E81"));
    expect(await findings(wrong)).toEqual([
      {
        rule: "fingerprint-mismatch",
        line: 5,
        column: 14,
        message:
          "fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E81 is not the declared fingerprint of security@example.org (7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91): digit 39 is 8 where the declared fingerprint has 9. Correct the page, or the site data if the key was rotated",
      },
    ]);
  });

  it("catches a grouped query fingerprint in a keyserver link changed by one digit, and asks no keyserver", async () => {
    const wrong = page("link-wrong.md", fixture("good.md").replace("C5B5+3E91", "C5B5+3E93"));
    expect(await findings(wrong, "--keys", "keys")).toEqual([
      {
        rule: "keyserver-mismatch",
        line: 14,
        column: 39,
        message:
          "link looks up fingerprint 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E93, which is not a declared key; it should be 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91 or AD68516D56946669E62FB0BAE4AEB4435B2CF961 or 8ECAFE523964AF824016F6C8116727A60111BF2D or 44A23EC99A8877186BC08FFB62574967AA812C83 or E8B91CFDE3B5C602F6910F309BCBD10543823B6B",
      },
    ]);
  });

  it("catches a grouped query fingerprint a digit off from the fingerprint printed beside it, with no key given", async () => {
    const wrong = page("link-wrong-no-keys.md", fixture("good.md").replace("C5B5+3E91", "C5B5+3E93"));
    expect(await findings(wrong)).toEqual([
      {
        rule: "keyserver-mismatch",
        line: 14,
        column: 39,
        message: "link looks up fingerprint 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E93, which is not a declared key; it should be 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91",
      },
    ]);
  });

  it("without site data, a link to a key far from every key given is someone else's, not a mistake; a near miss is", async () => {
    const maintainer = "\nThe maintainer's own key: [keys.openpgp.org](https://keys.openpgp.org/vks/v1/by-fingerprint/0123456789ABCDEF0123456789ABCDEF01234567).\n";
    expect(await run(page("maintainer.md", `${fixture("good.md")}${maintainer}`), "--keys", "keys")).toEqual({ code: 0, stdout: NOT_RUN, stderr: "" });
  });

  it("inspects the key given for an address the page names without a fingerprint, at the address's first mention", async () => {
    const named = page("named.md", "# Security\n\nWrite to [expired@example.org](mailto:expired@example.org), encrypted to our key.\n");
    mkdirSync(path.join(work, "named-keys"), { recursive: true });
    copyFileSync(path.join(KEY_FIXTURES, "expired.asc"), path.join(work, "named-keys", "expired@example.org.asc"));
    expect((await findings(named, "--keys", "named-keys")).map((f) => [f.rule, f.line, f.column])).toEqual([["key-expired", 3, 11]]);
  });

  it("a commit hash in a paragraph of its own is no fingerprint of the page's only address", async () => {
    const commit = page("commit.md", `${fixture("good.md")}\nThe fix is commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c.\n`);
    expect(await run(commit, "--keys", "keys")).toEqual({ code: 0, stdout: `notice: commit.md: 1 fingerprint was checked against no key: pass --keys DIR with the keys, or print the armored key in the page\n${NOT_RUN}`, stderr: "" });
  });

  it("takes a printed fingerprint of the key's encryption subkey for the key", async () => {
    const subkey = page("subkey.md", fixture("good.md").replace("`7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91`", "`A6B2 047A 01F1 3AEE D36F  D9BE 3FE8 C78D A36C 68BC`"));
    expect(await run(subkey, "--keys", "keys")).toEqual({ code: 0, stdout: NOT_RUN, stderr: "" });
  });

  it("without a key, a fingerprint is not judged, and a notice says how to give one", async () => {
    expect(await run("good.md")).toEqual({ code: 0, stdout: `notice: good.md: 1 fingerprint was checked against no key: pass --keys DIR with the keys, or print the armored key in the page\n${NOT_RUN}`, stderr: "" });
  });

  it("reads an HTML page as it is, with the same checks", async () => {
    const html = page("policy.html", `<!doctype html>\n<html lang="en"><title>Security</title>\n<p>Write to <a href="mailto:security@example.org">security@example.org</a>.</p>\n<p>security@example.org: 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92</p>\n</html>\n`);
    expect((await findings(html, "--keys", "keys")).map((f) => [f.rule, f.line])).toEqual([["fingerprint-mismatch", 4]]);
  });
});

describe("check of a security.txt", () => {
  const key = readFileSync(path.join(KEY_FIXTURES, "private.asc"), "utf8");
  const fields = fixture("security.txt").replace(/\r\n/g, "\n").replace("Preferred-Languages: en\n", "Canonical: https://example.org/.well-known/security.txt\n");

  it("a valid file with CRLF line endings passes RFC 9116's checks", async () => {
    expect(fixture("security.txt")).toContain("\r\n");
    expect(await run("security.txt")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("a byte-order mark is an error of the file, as RFC 9116 has no place for one", async () => {
    const bom = page("bom/security.txt", `\uFEFF${fixture("security.txt")}`);
    // One mistake, one finding: the fields after the mark are read, and the file is otherwise good.
    expect(await findings(bom)).toEqual([{ rule: "securitytxt-invalid", line: 1, column: 1, message: "the security.txt breaks a rule: the file starts with a byte-order mark; write plain UTF-8 without one" }]);
  });

  it("a file that breaks RFC 9116 is an error at its line", async () => {
    const stale = page("stale/security.txt", "Contact: security@example.org\nExpires: 2025-12-31T23:00:00Z\n");
    expect(await findings(stale)).toEqual([
      { rule: "securitytxt-invalid", line: 1, column: 1, message: 'the security.txt breaks a rule: line 1: Contact "security@example.org" is not a URI (RFC 3986 section 3: a scheme, then only the characters of section 2, a space written %20)' },
      { rule: "securitytxt-invalid", line: 2, column: 1, message: "the security.txt breaks a rule: line 2: Expires 2025-12-31T23:00:00Z has passed; the file is stale" },
    ]);
  });

  it("a signed file is verified against the keys given, and one signed by another key names its key ID", async () => {
    const signed = await sign({ message: await createCleartextMessage({ text: fields }), signingKeys: await readPrivateKey({ armoredKey: key }), date: new Date("2026-01-15T12:00:00Z") });
    page("signed/security.txt", signed.replace(/\r?\n/g, "\r\n"));
    mkdirSync(path.join(work, "signer"), { recursive: true });
    writeFileSync(path.join(work, "signer", "private@example.org.asc"), (await readPrivateKey({ armoredKey: key })).toPublic().armor());
    expect(await run("signed/security.txt", "--keys", "signer")).toEqual({
      code: 0,
      stdout: "notice: signed/security.txt: signed by 7F87 C10E 6221 1F61 3F1E 541F AA6B 5FC4 8BE7 49E4 (signer/private@example.org.asc), and the signature verifies\n",
      stderr: "",
    });
    expect(await run("signed/security.txt")).toEqual({ code: 0, stdout: "notice: signed/security.txt: signed, and not verified: no key was given; pass --keys DIR with the signing key's public key to verify it\n", stderr: "" });
    const other = await run("signed/security.txt", "--keys", "keys");
    expect(other.code).toBe(1);
    expect(other.stderr).toBe(
      "signed/security.txt:1:1: error: security.txt is signed by key ID AA6B5FC48BE749E4, which is none of the keys given (AD68 516D 5694 6669 E62F B0BA E4AE B443 5B2C F961, 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D, 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91, 44A2 3EC9 9A88 7718 6BC0 8FFB 6257 4967 AA81 2C83, E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6B): pass --keys DIR with the signing key's public key, or sign the file with one of the keys given [securitytxt-signature]\n",
    );
  });
});

describe("check's exit codes and errors", () => {
  it("a missing file, an unreadable --keys folder and bad --data are one line each, exit 2, no stack trace", async () => {
    expect(await run("nope.md")).toEqual({ code: 2, stdout: "", stderr: "check: nope.md: no such file or folder: give the path of a SECURITY.md, an HTML page or a security.txt\n" });
    expect(await run("good.md", "--keys", "no-keys")).toEqual({
      code: 2,
      stdout: "",
      stderr: "check: --keys no-keys: no such file or folder: give a folder of public keys, each named after its address (security@example.org.asc) or ending in .asc\n",
    });
    expect(await run("good.md", "--keys", "good.md")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^check: --keys good\.md: is a file, not a folder: /) });
    expect(await run("good.md", "--data", "no.json")).toEqual({ code: 2, stdout: "", stderr: "check: --data no.json: no such file or folder: give the site data file, such as content/_data/security.json\n" });
    const broken = page("broken.json", "{ \"url\": ");
    const bad = await run("good.md", "--data", broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^check: --data broken\.json: 1:\d+: .+\n$/);
    expect(await run("good.md", "--format", "xml")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^check: --format xml is not a format: use text, json, github, sarif\n/) });
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^check: no file to check/) });
  });

  it("with --data, the page is held to the declared contacts, and the rules that need them run", async () => {
    const data = page("security.json", JSON.stringify({ url: "https://example.org", name: "Example", language: "en", contacts: [{ email: "security@example.org", fingerprint: "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91" }], reviewed: "2026-01-20" }));
    const other = page("other.md", `${fixture("good.md")}\nOr write to alice@example.org.\n`);
    const result = await run(other, "--data", data, "--keys", "keys", "--format", "json");
    expect(result.stdout, result.stderr).not.toBe("");
    expect((JSON.parse(result.stdout) as Brief[]).filter((f) => f.rule !== "key-unused").map((f) => [f.rule, f.line])).toEqual([["mailto-undeclared", 21]]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("not run:");
  });

  it("with --data declaring a team, a person's key is read from their file and their fingerprint may stand beside the team's address", async () => {
    const data = page(
      "team/security.json",
      JSON.stringify({
        url: "https://example.org",
        name: "Example",
        contacts: [{ email: "security@example.org", team: [{ name: "Alice Example", email: "alice@example.org", fingerprint: "E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6B" }] }],
        reviewed: "2026-01-20",
      }),
    );
    mkdirSync(path.join(work, "team/keys"), { recursive: true });
    copyFileSync(path.join(KEY_FIXTURES, "other-address.asc"), path.join(work, "team/keys/alice@example.org.asc"));
    const policy = (fingerprint: string) => page("team/SECURITY.md", `# Security\n\nWrite to [security@example.org](mailto:security@example.org), encrypted to Alice Example's key: ${fingerprint}\n`);
    expect(await run(policy("E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6B"), "--data", data, "--keys", "team/keys")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await findings(policy("E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6C"), "--data", data, "--keys", "team/keys")).toEqual([
      {
        rule: "fingerprint-mismatch",
        line: 3,
        column: 97,
        message:
          "fingerprint E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6C is not the declared fingerprint of alice@example.org (E8B9 1CFD E3B5 C602 F691 0F30 9BCB D105 4382 3B6B): digit 40 is C where the declared fingerprint has B. Correct the page, or the site data if the key was rotated",
      },
    ]);
  });

  it("the bin exits 1 on an error, and prints GitHub annotations on standard output", () => {
    const bin = path.join(ROOT, "bin/security-policy-site.mjs");
    const failing = spawnSync(process.execPath, [bin, "check", "problems.md", "--keys", "keys", "--format", "github"], { cwd: work, encoding: "utf8" });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=problems\.md,line=9,col=26,title=fingerprint-mismatch::fingerprint 7FC1 /m);
    expect(failing.stderr).toBe("");
  });
});

describe("check's output formats", () => {
  it("text, json and github print the same findings", async () => {
    const text = await run("armored-wrong.md");
    expect(text.stderr).toMatch(/^armored-wrong\.md:5:14: error: fingerprint 7FC1 .* \[fingerprint-mismatch\]\n$/);
    const json = await run("armored-wrong.md", "--format", "json");
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ file: "armored-wrong.md", line: 5, column: 14, severity: "error", rule: "fingerprint-mismatch" })]);
    expect(json.stderr).toBe(NOT_RUN);
    const github = await run("armored-wrong.md", "--format", "github");
    expect(github.stdout).toMatch(/^::error file=armored-wrong\.md,line=5,col=14,title=fingerprint-mismatch::fingerprint 7FC1 .*\n::notice::not run: /);
  });

  it("sarif is a SARIF 2.1.0 log that the published schema accepts", async () => {
    const result = await run("problems.md", "--keys", "keys", "--format", "sarif");
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: "security-policy-site", version: JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(["fingerprint-malformed", "fingerprint-mismatch", "key-expired", "key-no-encryption", "key-uid-mismatch", "keyserver-mismatch"]);
    expect(driver.rules[1]).toEqual({ id: "fingerprint-mismatch", shortDescription: { text: expect.any(String) }, helpUri: expect.stringMatching(/\/docs\/rules\/fingerprint-mismatch\.md$/) });
    expect(log.runs[0].results[0]).toEqual({
      ruleId: "fingerprint-mismatch",
      ruleIndex: 1,
      level: "error",
      message: { text: expect.stringMatching(/^fingerprint 7FC1 /) },
      locations: [{ physicalLocation: { artifactLocation: { uri: "problems.md" }, region: { startLine: 9, startColumn: 26 } } }],
    });
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: "note", message: { text: NOT_RUN.replace(/^notice: /, "").trimEnd() } }]);
  });

  it("a SARIF log the schema refuses is caught: the validation is not a formality", () => {
    expect(sarifErrors({ version: "2.1.0", runs: [{ tool: { driver: {} }, results: [{ level: "fatal", message: {} }] }] }).length).toBeGreaterThan(0);
  });
});

/**
 * What the SARIF 2.1.0 schema (tests/fixtures/specs/sarif-schema-2.1.0.json) says is wrong with
 * a log. The schema is JSON Schema draft-04, read as published by ajv's draft-04 validator.
 */
function sarifErrors(log: unknown): string[] {
  const schema = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/specs/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
  // ajv-draft-04 is CommonJS: its class is the module's default export.
  const AjvDraft04 = ajvDraft04Module.default;
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the module's default export.
  (addFormatsModule as unknown as { default: (ajv: InstanceType<typeof AjvDraft04>) => void }).default(ajv);
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
