/**
 * A made-up project end to end: two products, three releases (one past its end, one supported
 * for less than five years), two advisories, security.txt and the CSAF documents signed. Its
 * supported versions are read in Chromium; its CSAF distribution is walked from the provider
 * metadata through the ROLIE feed by verify's own walker, over the built files; its SECURITY.md
 * is scored by Scorecard's published logic; its OSV index is held to the records it lists.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { securityMdCommand } from "../../src/build/security-md-command.ts";
import { SIGNING_KEY_VARIABLE } from "../../src/publish/sign.ts";
import { verifyCsafDistribution } from "../../src/verify/csaf.ts";
import type { Fetcher } from "../../src/verify/net.ts";
import { siteWithAdvisories } from "../support/advisory-site.ts";
import { CHROME, CHROME_FLAGS, missingChromium } from "../support/chromium.ts";
import { buildDir, ROOT, type FixtureBuild } from "../support/fixture-site.ts";
import { validateOsv } from "../support/osv-schema.ts";
import { securityPolicyScore } from "../support/scorecard.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const YEAR = new Date().getUTCFullYear();
const SITE = "https://example.org";
const PRODUCTS = [
  {
    name: "Example Options",
    repository: "https://github.com/example/options",
    purl: "pkg:npm/%40example/options",
    releases: [
      { version: "3.0.0", released: `${YEAR}-01-15`, supportedUntil: `${YEAR + 5}-01`, sbom: "https://example.org/sbom/options-3.0.0.cdx.json" },
      { version: "1.9.0", released: `${YEAR - 7}-03-01`, supportedUntil: `${YEAR - 2}-03` },
    ],
  },
  {
    name: "Example Server",
    repository: "https://github.com/example/server",
    purl: "pkg:maven/org.example/example-server",
    releases: [{ version: "4.1.0", released: `${YEAR - 1}-06-01`, supportedUntil: `${YEAR + 1}-06` }],
  },
];
const ADVISORY_IDS = ["GHSA-2c4m-59x9-fr2g", "GHSA-w8qv-6jwh-64r5"];

let build: FixtureBuild;
let dir = "";
let home = "";
let browser: Browser;
let site: StaticServer;
let missing: Error | undefined;
const out = (file: string) => readFileSync(path.join(build.output, file), "utf8");

beforeAll(async () => {
  missing = missingChromium();
  const made = siteWithAdvisories();
  dir = made.dir;
  home = made.home;
  // Two advisories, about the two products; the third fixture's product is not this project's.
  rmSync(path.join(dir, "content/advisories/CVE-2025-31337.md"));
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown>;
  writeFileSync(dataFile, `${JSON.stringify({ ...data, products: PRODUCTS, disclosure: { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true } }, null, 2)}\n`);
  cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  process.env[SIGNING_KEY_VARIABLE] = made.secret;
  try {
    build = await buildDir(dir);
  } finally {
    delete process.env[SIGNING_KEY_VARIABLE];
  }
  if (missing) return;
  site = await serveStatic(build.output);
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
}, 120_000);

beforeEach(() => {
  expect(build.ok, build.lines.join("\n")).toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (home) spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
});

describe("a made-up project with two products, three releases and two advisories", () => {
  it("builds, with one warning: the release supported for less than five years", () => {
    expect(build.findings.map((f) => [f.rule, f.severity, f.message.split(";")[0]])).toEqual([
      ["support-period-short", "warning", `release 4.1.0 of Example Server gets security fixes until ${YEAR + 1}-06, less than five years after its release on ${YEAR - 1}-06-01`],
    ]);
  });

  it("its supported versions are read in Chromium, the release past its end marked so", async () => {
    if (missing) throw missing;
    const page = await browser.newPage();
    try {
      await page.goto(`${site.origin}/security/`);
      const tables = page.locator("section.support-periods table");
      expect(await tables.locator("caption").allInnerTexts()).toEqual(["Example Options", "Example Server"]);
      const rows = await tables.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")!.textContent!.trim(), tr.querySelector("td:last-child")!.textContent!.trim(), tr.className]));
      expect(rows).toEqual([
        ["3.0.0", "Supported · SBOM", ""],
        ["1.9.0", "No longer supported", "support-ended"],
        ["4.1.0", "Supported", ""],
      ]);
    } finally {
      await page.close();
    }
  });

  it("its CSAF distribution, walked from the provider metadata through the ROLIE feed, holds every document, hash and signature", async () => {
    const fetched: string[] = [];
    // verify's own walker, answered from the built files as the deployed site would answer.
    const fetcher: Fetcher = {
      get: async (url: string) => {
        fetched.push(url);
        const file = path.join(build.output, new URL(url).pathname);
        const headers = new Headers();
        return existsSync(file) ? { ok: true, url, status: 200, headers, body: readFileSync(file), redirects: [] } : { ok: true, url, status: 404, headers, body: new Uint8Array(), redirects: [] };
      },
      close: async () => {},
    };
    const results = await verifyCsafDistribution({
      fetcher,
      base: SITE,
      site: SITE,
      publishedKeys: [out("security/keys/security@example.org.asc")],
      expected: { role: "csaf_trusted_provider", entries: ADVISORY_IDS },
      unreachable: (source) => ({ source, findings: [], notices: [], unreachable: true }),
    });
    expect(results.flatMap((r) => r.findings)).toEqual([]);
    // The metadata, the feed, and for each advisory its document, two hash files and its signature.
    expect(fetched).toHaveLength(2 + ADVISORY_IDS.length * 4);
    expect((JSON.parse(out(".well-known/csaf/provider-metadata.json")) as { role: string }).role).toBe("csaf_trusted_provider");
  });

  it("security.txt's CSAF field points to the provider metadata", () => {
    expect(out(".well-known/security.txt")).toMatch(/^CSAF: https:\/\/example\.org\/\.well-known\/csaf\/provider-metadata\.json$/m);
  });

  it("its OSV index lists exactly the records beside it, with their modified times", () => {
    const index = JSON.parse(out("security/advisories/all.json")) as Array<{ id: string; modified: string }>;
    expect(index.map((e) => e.id)).toEqual(ADVISORY_IDS);
    for (const entry of index) {
      const record = JSON.parse(out(`security/advisories/${entry.id}.json`)) as { modified: string };
      expect(validateOsv(record), JSON.stringify(validateOsv.errors)).toBe(true);
      expect(entry.modified).toBe(record.modified);
    }
  });

  it("its SECURITY.md, written from the same data, scores 10 under Scorecard's logic", async () => {
    const result = await securityMdCommand([], { cwd: dir, stdout: () => {}, stderr: () => {} });
    expect(result).toBe(0);
    const text = readFileSync(path.join(dir, "SECURITY.md"), "utf8");
    expect(securityPolicyScore(text).score).toBe(10);
    expect(text).toContain(`| [Example Server](https://github.com/example/server) | 4.1.0 | ${YEAR - 1}-06-01 | ${YEAR + 1}-06 |`);
  });
});
