import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium, or the one CHROME_PATH names. */
export const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/**
 * How the tests launch it: headless, and quiet on the network, so that nothing but the test's
 * own server on 127.0.0.1 is asked. playwright and chrome-launcher give each launch a fresh profile.
 */
export const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Why the browser tests cannot run here, or undefined: a missing browser fails every test with how to install it, never skips. */
export function missingChromium(): Error | undefined {
  return existsSync(CHROME) ? undefined : new Error(`Chromium not found at ${CHROME}; install it with apt-get install -y chromium (or set CHROME_PATH)`);
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is now, one line each. The page's context
 * must bypass its CSP (axe's script is not the site's own); the script is added once per page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const results: AxeResults = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
  // A run that tested nothing would pass vacuously.
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Shows an open page at another size and colour scheme, scrolled to the top, as a fresh load
 * there would: the site's styles answer both by media queries alone. Each switch is checked.
 */
export async function look(page: Page, viewport: { width: number; height: number }, colorScheme: "light" | "dark"): Promise<void> {
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  const shown = await page.evaluate(() => {
    window.scrollTo(0, 0);
    return { width: window.innerWidth, dark: matchMedia("(prefers-color-scheme: dark)").matches, top: window.scrollY };
  });
  expect(shown).toEqual({ width: viewport.width, dark: colorScheme === "dark", top: 0 });
}
