/**
 * The supported versions as a reader sees them: a made-up product's releases in the site data,
 * the policy page and its Spanish translation built, and the table read in Chromium. The
 * release days are counted from the day the tests run, so that one release has always ended
 * and the others have not.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sourceVersion } from "../../src/rules/translation.ts";
import { axeViolations, CHROME, CHROME_FLAGS, look, missingChromium } from "../support/chromium.ts";
import { buildDir, layOutFixture, ROOT } from "../support/fixture-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const YEAR = new Date().getUTCFullYear();
/** Releases of the made-up product: the newest first, the oldest past its support. */
const RELEASES = [
  { version: "3.0.0", released: `${YEAR - 1}-09-01`, supportedUntil: `${YEAR + 4}-09`, sbom: "https://example.org/sbom/3.0.0.cdx.json" },
  { version: "2.4.1", released: `${YEAR - 3}-02-12`, supportedUntil: `${YEAR + 2}-02-28` },
  { version: "1.9.0", released: `${YEAR - 7}-03-01`, supportedUntil: `${YEAR - 2}-03` },
];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

let browser: Browser;
let site: StaticServer;
let missing: Error | undefined;

beforeAll(async () => {
  missing = missingChromium();
  if (missing) return;
  const dir = layOutFixture("_base");
  cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as { products: Array<Record<string, unknown>> };
  data.products[0]!.releases = RELEASES;
  writeFileSync(dataFile, `${JSON.stringify(data, null, 2)}\n`);
  // The Spanish policy: the same facts in Spanish, current with the original.
  const original = readFileSync(path.join(dir, "content/security.md"), "utf8");
  const spanish = readFileSync(path.join(ROOT, "tests/fixtures/sites/translation-stale/content/es/security.md"), "utf8").replace(/^translatedFrom: .*$/m, `translatedFrom: ${sourceVersion(original)}`);
  mkdirSync(path.join(dir, "content/es"), { recursive: true });
  writeFileSync(path.join(dir, "content/es/security.md"), spanish);
  const built = await buildDir(dir);
  expect(built.findings, built.lines.join("\n")).toEqual([]);
  expect(built.ok).toBe(true);
  site = await serveStatic(built.output);
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
}, 120_000);

beforeEach(() => {
  if (missing) throw missing;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The table's caption, header and rows as a reader sees them, cell by cell. */
async function readTable(urlPath: string): Promise<{ heading: string; caption: string; header: string[]; rows: string[][]; ended: string[] }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.origin}${urlPath}`);
    const section = page.locator("section.support-periods");
    return {
      heading: (await section.locator("h2").innerText()).trim(),
      caption: (await section.locator("caption").innerText()).trim(),
      header: (await section.locator("thead th").allInnerTexts()).map((t) => t.trim()),
      rows: await section.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText.trim()))),
      ended: await section.locator("tbody tr.support-ended th").allInnerTexts(),
    };
  } finally {
    await page.close();
  }
}

describe("the supported versions", () => {
  it("the policy page shows each release, when it came out, until when it gets security fixes, and that the oldest has ended", async () => {
    const day = (iso: string) => `${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
    const month = (iso: string) => `${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
    expect(await readTable("/security/")).toEqual({
      heading: "Supported versions",
      caption: "Example Options",
      header: ["Version", "Released", "Security fixes until", "Status"],
      rows: [
        ["3.0.0", day(RELEASES[0]!.released), month(RELEASES[0]!.supportedUntil), "Supported · SBOM"],
        ["2.4.1", day(RELEASES[1]!.released), day(RELEASES[1]!.supportedUntil), "Supported"],
        ["1.9.0", day(RELEASES[2]!.released), month(RELEASES[2]!.supportedUntil), "No longer supported"],
      ],
      ended: ["1.9.0"],
    });
  });

  it("the Spanish policy shows the same table in Spanish", async () => {
    const day = (iso: string) => `${Number(iso.slice(8, 10))} de ${MONTHS_ES[Number(iso.slice(5, 7)) - 1]} de ${iso.slice(0, 4)}`;
    const month = (iso: string) => `${MONTHS_ES[Number(iso.slice(5, 7)) - 1]} de ${iso.slice(0, 4)}`;
    expect(await readTable("/es/security/")).toEqual({
      heading: "Versiones con soporte",
      caption: "Example Options",
      header: ["Versión", "Publicada", "Correcciones de seguridad hasta", "Estado"],
      rows: [
        ["3.0.0", day(RELEASES[0]!.released), month(RELEASES[0]!.supportedUntil), "Con soporte · SBOM"],
        ["2.4.1", day(RELEASES[1]!.released), day(RELEASES[1]!.supportedUntil), "Con soporte"],
        ["1.9.0", day(RELEASES[2]!.released), month(RELEASES[2]!.supportedUntil), "Sin soporte"],
      ],
      ended: ["1.9.0"],
    });
  });

  it("the table passes axe-core's WCAG 2.2 AA checks in light and dark, and fits a phone's width", async () => {
    // axe-core is added as a script of its own, which the site's strict CSP would refuse.
    const page = await browser.newPage({ bypassCSP: true });
    try {
      await page.goto(`${site.origin}/security/`);
      for (const colorScheme of ["light", "dark"] as const) {
        await look(page, { width: 375, height: 800 }, colorScheme);
        expect(await axeViolations(page), colorScheme).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
    } finally {
      await page.close();
    }
  });
});
