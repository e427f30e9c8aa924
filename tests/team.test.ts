/**
 * A team under one reporting address, as a maintainer declares one: each person with a name, an
 * address of their own and a key of their own, made with GnuPG. Reports go to the team's address
 * and are encrypted to the people's keys.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { wkdKeyPath } from "../src/formats/wkd.ts";
import { buildDir, layOutFixture, WORK } from "./support/fixture-site.ts";
import { gpg } from "./support/gnupg.ts";

const TEAM = "security@example.org";

interface Person {
  name: string;
  email: string;
  fingerprint: string;
  armored: string;
}

/**
 * A person's key as GnuPG makes it: Ed25519 with a Curve25519 encryption subkey, one user ID per
 * address in `userIds`. `madeAt` makes it at another moment (gpg's --faked-system-time), so that a
 * key of one year made long ago has expired.
 */
function person(name: string, email: string, userIds: string[], madeAt?: string, revokedUserId?: string): Person {
  mkdirSync(WORK, { recursive: true });
  const home = mkdtempSync(path.join(WORK, "gnupg-team-"));
  const time = madeAt ? ["--faked-system-time", madeAt] : [];
  gpg(home, [...time, "--quick-gen-key", `${name} <${userIds[0]}>`, "ed25519", "cert,sign", "1y"]);
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ["--with-colons", "--list-keys"]))![1]!;
  gpg(home, [...time, "--quick-add-key", fingerprint, "cv25519", "encr", "1y"]);
  for (const address of userIds.slice(1)) gpg(home, [...time, "--quick-add-uid", fingerprint, `${name} <${address}>`]);
  if (revokedUserId !== undefined) gpg(home, [...time, "--quick-revoke-uid", fingerprint, `${name} <${revokedUserId}>`]);
  const armored = gpg(home, ["--export", "--armor", fingerprint]);
  rmSync(home, { recursive: true, force: true });
  return { name, email, fingerprint, armored };
}

/** The fingerprints GnuPG reads from a file the build published. */
function gpgReads(file: string): string[] {
  const home = mkdtempSync(path.join(WORK, "gnupg-read-"));
  gpg(home, ["--import", file]);
  const read = [...gpg(home, ["--with-colons", "--list-keys"]).matchAll(/^pub:(?:[^\n]*)\nfpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]!);
  rmSync(home, { recursive: true, force: true });
  return read.sort();
}

/** The base fixture with its contact made a team of `people`, whose key files are theirs, and a table of them on the page. */
async function buildTeam(people: Person[]) {
  const dir = layOutFixture("_base");
  rmSync(path.join(dir, `content/keys/${TEAM}.asc`));
  for (const p of people) writeFileSync(path.join(dir, `content/keys/${p.email}.asc`), p.armored);
  const data = path.join(dir, "content/_data/security.json");
  const site = JSON.parse(readFileSync(data, "utf8")) as Record<string, unknown>;
  site.contacts = [{ email: TEAM, team: people.map((p) => ({ name: p.name, email: p.email, fingerprint: formatFingerprint({ version: 4, hex: p.fingerprint }) })) }];
  writeFileSync(data, `${JSON.stringify(site, null, 2)}\n`);
  const rows = people.map((p) => `| ${p.name} | ${p.email.replace("@", " [at] ").replace(".org", " [dot] org")} | ${formatFingerprint({ version: 4, hex: p.fingerprint })} |`);
  const page = path.join(dir, "content/security.md");
  writeFileSync(
    page,
    readFileSync(page, "utf8").replace(/^security@example\.org: 7FC1 .*$/m, `Encrypt your report to one of the team's keys:\n\n| Person | Address | Fingerprint |\n| --- | --- | --- |\n${rows.join("\n")}`),
  );
  return await buildDir(dir);
}

describe("a team under one reporting address", () => {
  it("each person's key is checked and shown with their name; reports go to the team's address; every key is published, and the directory serves each under the addresses it carries", async () => {
    // Alice's key carries the team's address as well as her own; Bob's carries his own only.
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org", TEAM]);
    const bob = person("Bob Example", "bob@example.org", ["bob@example.org"]);
    const build = await buildTeam([alice, bob]);
    expect(build.findings).toEqual([]);
    expect(build.ok).toBe(true);

    // The glance: the team's address once, then each person's name, address and fingerprint.
    const html = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    const glance = /<section class="[^"]*glance[^"]*"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(glance.match(/class="report-link" href="mailto:[^"?]*/g)).toEqual([`class="report-link" href="mailto:${TEAM}`]);
    for (const p of [alice, bob]) {
      expect(glance).toContain(`<span class="glance-person"><span class="glance-name">${p.name}</span> <span class="glance-address">${p.email}</span></span>`);
      expect(glance).toContain(formatFingerprint({ version: 4, hex: p.fingerprint }));
      expect(glance).toContain(`href="/security/keys/${p.email}.asc"`);
    }

    // security.txt: one Contact, the team's; one Encryption per person's key.
    const securityTxt = readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8");
    expect(securityTxt.match(/^Contact: .*$/gm)).toEqual([`Contact: mailto:${TEAM}`]);
    expect(securityTxt.match(/^Encryption: .*$/gm)).toEqual([`Encryption: https://example.org/security/keys/${alice.email}.asc`, `Encryption: https://example.org/security/keys/${bob.email}.asc`]);

    // The published keys, as GnuPG reads them; the directory serves a key only under an address it carries.
    expect(gpgReads(path.join(build.output, `security/keys/${alice.email}.asc`))).toEqual([alice.fingerprint]);
    expect(gpgReads(path.join(build.output, `security/keys/${bob.email}.asc`))).toEqual([bob.fingerprint]);
    expect(gpgReads(path.join(build.output, wkdKeyPath(alice.email).slice(1)))).toEqual([alice.fingerprint]);
    expect(gpgReads(path.join(build.output, wkdKeyPath(bob.email).slice(1)))).toEqual([bob.fingerprint]);
    expect(gpgReads(path.join(build.output, wkdKeyPath(TEAM).slice(1)))).toEqual([alice.fingerprint]);
  });

  it("a team's address serves every key that carries it, one after another", async () => {
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org", TEAM]);
    const bob = person("Bob Example", "bob@example.org", ["bob@example.org", TEAM]);
    const build = await buildTeam([alice, bob]);
    expect(build.findings).toEqual([]);
    expect(gpgReads(path.join(build.output, wkdKeyPath(TEAM).slice(1)))).toEqual([alice.fingerprint, bob.fingerprint].sort());
  });

  it("a team's address that no key carries on a valid user ID has no directory entry, and a notice says how to give it one", async () => {
    // Alice's user ID with the team's address is revoked: clients would drop her key for that address. Made a day
    // ago, as gpg dates a revocation a second after a certification of the same second, which a build in that second would not yet count.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org", TEAM], yesterday, TEAM);
    const build = await buildTeam([alice]);
    expect(build.findings).toEqual([]);
    expect(existsSync(path.join(build.output, wkdKeyPath(TEAM).slice(1)))).toBe(false);
    expect(gpgReads(path.join(build.output, wkdKeyPath(alice.email).slice(1)))).toEqual([alice.fingerprint]);
    expect(build.lines).toContain(
      `notice: ${TEAM} takes reports for its team, but no team member's key carries it on a valid user ID, so its Web Key Directory has no key and gpg --locate-keys ${TEAM} finds none: add it to a member's key (gpg --quick-add-uid <fingerprint> 'Name <${TEAM}>') and export the key again`,
    );
  });

  it("a person's key that carries neither their address nor the team's is an error at their key file, naming both", async () => {
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org"]);
    const carol = person("Carol Example", "carol@example.org", ["carol@elsewhere.example"]);
    const build = await buildTeam([alice, carol]);
    expect(build.ok).toBe(false);
    expect(build.findings).toEqual([
      {
        file: "content/keys/carol@example.org.asc",
        line: 1,
        column: 1,
        severity: "error",
        rule: "key-uid-mismatch",
        message: `no user ID on Carol Example's key carries carol@example.org or ${TEAM}, the addresses the site data lists it for; the key has carol@elsewhere.example: add the person's address with gpg --quick-add-uid ${carol.fingerprint} 'Carol Example <carol@example.org>' and export the key again, or correct the address in content/_data/security.json`,
      },
    ]);
  });

  it("a person's expired key is an error at their key file, and the others' keys still build into the findings", async () => {
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org"]);
    const old = person("Dan Example", "dan@example.org", ["dan@example.org"], "20200101T000000");
    const build = await buildTeam([alice, old]);
    expect(build.ok).toBe(false);
    expect(build.findings.map((f) => [f.file, f.rule])).toEqual([["content/keys/dan@example.org.asc", "key-expired"]]);
  });

  it("a person's key file that holds another person's key is an error at that file: not the listed key, and not their address", async () => {
    const alice = person("Alice Example", "alice@example.org", ["alice@example.org"]);
    const bob = person("Bob Example", "bob@example.org", ["bob@example.org"]);
    const build = await buildTeam([alice, { ...bob, armored: alice.armored }]);
    expect(build.ok).toBe(false);
    expect(build.findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ["content/keys/bob@example.org.asc", 1, "key-fingerprint-mismatch"],
      ["content/keys/bob@example.org.asc", 1, "key-uid-mismatch"],
    ]);
  });
});
