/**
 * The README's commands for adding a key, run as written on what a fresh clone holds (the
 * repository's tracked files) and a key made by GnuPG, so that a step that cannot work on a
 * fresh clone fails here first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { wkdKeyPath } from "../src/formats/wkd.ts";
import { ROOT, WORK } from "./support/fixture-site.ts";
import { shippedSite } from "./support/shipped-site.ts";

/** The site in content/, whatever project it is for: its first contact gets the new key. */
const shipped = shippedSite();
const EMAIL = shipped.contacts[0]!.email;

/** The ```sh blocks of one README section, in order. */
function shellCommands(section: string): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`## ${section}\n`);
  expect(start, `README.md has no section "${section}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#")));
}

/** The repository's tracked files, copied as a clone would have them; the installed packages are shared. */
function freshClone(): string {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, "clone-"));
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  // The site tested (POLICY_SITE, when it is not this repository's own) brings its own content.
  if (shipped.dir !== ROOT) {
    rmSync(path.join(dir, "content"), { recursive: true, force: true });
    cpSync(path.join(shipped.dir, "content"), path.join(dir, "content"), { recursive: true });
  }
  return dir;
}

function gpg(home: string, ...args: string[]): string {
  const run = spawnSync("gpg", ["--homedir", home, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", ...args], { encoding: "utf8" });
  if (run.error) throw new Error(`gpg is not on this machine: install gnupg (apt-get install gnupg, as .ci/run does). ${run.error.message}`);
  if (run.status !== 0) throw new Error(`gpg ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

describe("the README's steps for adding a key", () => {
  it("work as written on a fresh clone, with a key made by GnuPG", () => {
    const clone = freshClone();
    expect(existsSync(path.join(clone, "content/keys")), "content/keys/ is not in the repository: a fresh clone cannot export a key into it").toBe(true);

    const home = mkdtempSync(path.join(WORK, "gnupg-"));
    gpg(home, "--quick-gen-key", `Security Team <${EMAIL}>`, "ed25519", "sign", "2y");
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, "--with-colons", "--list-keys", EMAIL))![1]!;
    gpg(home, "--quick-add-key", fingerprint, "cv25519", "encr", "2y");
    // A maintainer's gpg asks for a new key's passphrase on the terminal; this one has none, so it reads an empty one.
    writeFileSync(path.join(home, "gpg.conf"), "batch\npinentry-mode loopback\npassphrase-fd 0\n");

    const commands = shellCommands("Adding or rotating a key");
    expect(commands).toEqual(["gpg --export --armor <fingerprint> > content/keys/<email>.asc", "gpg --fingerprint <email>", "npm run build"]);
    const run = (command: string) =>
      spawnSync("sh", ["-c", command.replace(/<fingerprint>/g, fingerprint).replace(/<email>/g, EMAIL)], {
        cwd: clone,
        encoding: "utf8",
        env: { ...process.env, GNUPGHOME: home, POLICY_STRICT: "" },
      });

    // Step 1, as written.
    const exported = run(commands[0]!);
    expect(exported.status, exported.stderr).toBe(0);
    expect(readFileSync(path.join(clone, `content/keys/${EMAIL}.asc`), "utf8")).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);

    // Step 2: what gpg prints goes into the site data, as gpg prints it.
    const printed = run(commands[1]!);
    expect(printed.status, printed.stderr).toBe(0);
    const shown = /^\s+([0-9A-F]{4}(?: {1,2}[0-9A-F]{4}){9})$/m.exec(printed.stdout)![1]!;
    const data = path.join(clone, "content/_data/security.json");
    const old = (JSON.parse(readFileSync(data, "utf8")) as { contacts: Array<{ fingerprint: string }> }).contacts[0]!.fingerprint;
    writeFileSync(data, readFileSync(data, "utf8").replace(old, shown));

    // Step 3: the fingerprint on the page and its translations, and the keyserver link's key ID.
    const pages = shipped.policies.map((p) => path.join(clone, "content", p.file));
    const oldHex = old.replace(/\s/g, "").toUpperCase();
    for (const page of pages) {
      writeFileSync(
        page,
        readFileSync(page, "utf8")
          .replaceAll(formatFingerprint({ version: 4, hex: oldHex }), formatFingerprint({ version: 4, hex: fingerprint }))
          .replaceAll(oldHex, fingerprint)
          .replaceAll(`0x${oldHex.slice(-16)}`, `0x${fingerprint.slice(-16)}`),
      );
    }

    // Step 4, as written: the build passes with nothing to say about the key, and publishes it.
    const built = run(commands[2]!);
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
    expect(built.stderr).not.toMatch(/: (error|warning): /);
    expect(existsSync(path.join(clone, `public/security/keys/${EMAIL}.asc`))).toBe(true);
    // The Web Key Directory is the site's to serve where the address is at the site's own host.
    const sameHost = new URL(shipped.url).hostname === EMAIL.split("@")[1]!.toLowerCase();
    expect(existsSync(path.join(clone, `public${wkdKeyPath(EMAIL)}`))).toBe(sameHost);

    // Then a rotation, as the next section says, from the key just added to a new one.
    const rotation = shellCommands("Rotating a key");
    expect(rotation).toEqual([
      "gpg --quick-gen-key --yes '<email>' ed25519 cert,sign 2y",
      "gpg --quick-add-key <new fingerprint> cv25519 encr 2y",
      "gpg --quick-set-expire <old fingerprint> 60d",
      "gpg --export --armor <email> > content/keys/<email>.asc",
      "npm run build",
    ]);
    let current = "";
    for (const command of rotation.slice(0, 4)) {
      const done = run(command.replace(/<new fingerprint>/g, current).replace(/<old fingerprint>/g, fingerprint));
      expect(done.status, `${command}: ${done.stderr}`).toBe(0);
      if (!current) current = listFingerprints(home).find((f) => f !== fingerprint)!;
    }
    // Step 4: both listed, the new one first, and both shown on the page.
    writeFileSync(data, readFileSync(data, "utf8").replace(JSON.stringify(shown), JSON.stringify([formatFingerprint({ version: 4, hex: current }), shown])));
    // Each page's key line for the address gets the new key before the old one, in a paragraph of its own.
    const keyLine = new RegExp(`^(> ${EMAIL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*)$`, "m");
    for (const page of pages) {
      const text = readFileSync(page, "utf8");
      expect(text, `${page} has no line "> ${EMAIL}: <fingerprint>" for the new key to go before`).toMatch(keyLine);
      writeFileSync(page, text.replace(keyLine, `> ${EMAIL}: ${formatFingerprint({ version: 4, hex: current })}\n>\n> $1`));
    }
    const rotated = run(rotation[4]!);
    expect(rotated.status, `${rotated.stdout}${rotated.stderr}`).toBe(0);
    // The original changed: each translation is out of date until it records the version the build names.
    for (const translation of shipped.policies.slice(1)) {
      const file = `content/${translation.file}`;
      const stale = [...rotated.stderr.matchAll(/^(content\/[^:]+):\d+:\d+: warning: .* then set "translatedFrom: ([0-9a-f]{12})" \[translation-stale\]$/gm)].filter((m) => m[1] === file);
      expect(stale, rotated.stderr).toHaveLength(1);
      writeFileSync(path.join(clone, file), readFileSync(path.join(clone, file), "utf8").replace(/^translatedFrom: .*$/m, `translatedFrom: ${stale[0]![2]}`));
    }
    const recorded = run(rotation[4]!);
    expect(recorded.status, `${recorded.stdout}${recorded.stderr}`).toBe(0);
    expect(recorded.stderr).not.toMatch(/: (error|warning): /);
    for (const policy of shipped.policies) {
      const html = readFileSync(path.join(clone, "public", policy.url, "index.html"), "utf8");
      expect(html, policy.url).toContain(shipped.strings(policy.lang).previousKey);
    }
  });
});

function listFingerprints(home: string): string[] {
  // Each primary key's fingerprint: the fpr line right after its pub line (subkeys have theirs after sub lines).
  return [...gpg(home, "--with-colons", "--list-keys").matchAll(/^pub:[^\n]*\nfpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]!);
}
