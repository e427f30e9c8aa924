/**
 * Lighthouse on the built site, served from 127.0.0.1, in Debian's Chromium: accessibility,
 * best practices and SEO are 100 on the home page and the policy in each of its languages. The
 * performance score is printed, not asserted: it is timing, and these machines are shared.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDir, ROOT } from "../support/fixture-site.ts";
import { CHROME, CHROME_FLAGS, missingChromium } from "../support/chromium.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { shippedSite } from "../support/shipped-site.ts";

/** The home page and the policy in each language content/ has. */
const shipped = shippedSite();
const PAGES = ["/", ...shipped.policies.map((p) => p.url)];
const ASSERTED = ["accessibility", "best-practices", "seo"] as const;

let site: StaticServer | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let missingBrowser: Error | undefined;

beforeAll(async () => {
  missingBrowser = missingChromium();
  if (missingBrowser) return;
  mkdirSync(path.join(ROOT, "tests/.output"), { recursive: true });
  const output = path.join(mkdtempSync(path.join(ROOT, "tests/.output/lighthouse-")), "public");
  const built = await buildDir(shipped.dir, { output });
  expect(built.ok, built.lines.join("\n")).toBe(true);
  site = await serveStatic(output);
  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: CHROME_FLAGS,
  });
}, 60_000);

afterAll(async () => {
  chrome?.kill();
  await site?.close();
});

describe("Lighthouse", () => {
  it.each(PAGES)("%s scores 100 in accessibility, best practices and SEO", async (urlPath) => {
    if (missingBrowser) throw missingBrowser;
    const result = await lighthouse(`${site!.origin}${urlPath}`, {
      port: chrome!.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", ...ASSERTED],
    });
    expect(result, "Lighthouse returned no result").toBeDefined();
    const { categories, audits } = result!.lhr;
    const failed = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric"))
      .map((a) => `${a.id}: ${a.title}${a.explanation ? ` (${a.explanation})` : ""}`);
    process.stdout.write(`${urlPath}: performance ${Math.round((categories.performance?.score ?? 0) * 100)}\n`);
    for (const category of ASSERTED) {
      expect(categories[category]?.score, `${urlPath} ${category}; audits below 1:\n${failed.join("\n")}`).toBe(1);
    }
  }, 120_000);
});
