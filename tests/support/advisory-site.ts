/**
 * The base fixture site with the three fixture advisories (tests/fixtures/advisories/) and their
 * products declared, the site's own list, feed and thanks pages, CSAF turned on, and a key GnuPG made for its contact,
 * whose private part signs security.txt and the CSAF documents when the test sets it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatFingerprint } from "../../src/formats/fingerprint.ts";
import { layOutFixture, ROOT, WORK } from "./fixture-site.ts";

/** The advisory pages, as a site's content/<lang>/security/ holds them: the test's own copy (tests/fixtures/site-pages/). */
export const ADVISORY_PAGES = ["advisories.njk", "advisories-feed.njk", "thanks.njk", "thanks.11tydata.mjs"];
/**
 * The products the three fixture advisories are about: an npm package, a PyPI package, and a
 * Maven package whose advisory also names its repository in OSV's GIT ecosystem.
 */
const YEAR = new Date().getUTCFullYear();
export const ADVISORY_PRODUCTS = [
  {
    name: "Example Options",
    repository: "https://github.com/example/options",
    purl: "pkg:npm/%40example/options",
    // Dated from the day the tests run: 3.0.0 and 2.4.3 are supported and fixed, 2.4.2 is affected, 1.9.0's support has ended.
    releases: [
      { version: "3.0.0", released: `${YEAR}-01-15`, supportedUntil: `${YEAR + 5}-01` },
      { version: "2.4.3", released: `${YEAR - 1}-06-01`, supportedUntil: `${YEAR + 4}-06` },
      { version: "2.4.2", released: `${YEAR - 1}-03-01`, supportedUntil: `${YEAR + 4}-03` },
      { version: "1.9.0", released: `${YEAR - 7}-03-01`, supportedUntil: `${YEAR - 2}-03` },
    ],
  },
  { name: "Example Archive", repository: "https://github.com/example/archive", purl: "pkg:pypi/example-archive" },
  { name: "Example Server", repository: "https://github.com/example/server", purl: "pkg:maven/org.example/example-server" },
];
const BASE_FINGERPRINT = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91";
const BASE_HEX = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";

export function siteWithAdvisories(): { dir: string; secret: string; home: string } {
  const dir = layOutFixture("_base");
  const advisories = path.join(ROOT, "tests/fixtures/advisories");
  for (const file of readdirSync(advisories)) cpSync(path.join(advisories, file), path.join(dir, "content/advisories", file));
  for (const file of ADVISORY_PAGES) cpSync(path.join(ROOT, "tests/fixtures/site-pages/en/security", file), path.join(dir, "content/security", file));
  const home = mkdtempSync(path.join(WORK, "advisories-gpg-"));
  const gpg = (args: string[]) => {
    const run = spawnSync("gpg", ["--homedir", home, "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "", ...args], { encoding: "utf8" });
    if (run.error) throw new Error(`gpg is not on this machine: install gnupg (apt-get install gnupg, as .ci/run does). ${run.error.message}`);
    if (run.status !== 0) throw new Error(`gpg ${args.join(" ")} failed: ${run.stderr}`);
    return run.stdout;
  };
  gpg(["--quick-gen-key", "Security Team <security@example.org>", "ed25519", "cert,sign", "2y"]);
  const hex = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(["--with-colons", "--list-keys", "security@example.org"]))![1]!;
  gpg(["--quick-add-key", hex, "cv25519", "encr", "2y"]);
  writeFileSync(path.join(dir, "content/keys/security@example.org.asc"), gpg(["--export", "--armor", hex]));
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown>;
  const grouped = formatFingerprint({ version: 4, hex });
  writeFileSync(dataFile, JSON.stringify({ ...data, contacts: [{ email: "security@example.org", fingerprint: grouped }], csafProvider: { category: "vendor", contactDetails: "security@example.org" }, products: ADVISORY_PRODUCTS }, null, 2));
  const page = path.join(dir, "content/security.md");
  writeFileSync(page, readFileSync(page, "utf8").replace(BASE_FINGERPRINT, grouped).replaceAll(BASE_HEX, hex).replaceAll(BASE_HEX.slice(-16), hex.slice(-16)));
  return { dir, secret: gpg(["--export-secret-keys", "--armor", hex]), home };
}
