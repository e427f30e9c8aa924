import { chromium } from "playwright-core";
import { serveStatic } from "/work/main/tests/support/static-server.ts";
import { CHROME, CHROME_FLAGS, axeViolations } from "/work/main/tests/support/chromium.ts";
const server = await serveStatic(process.argv[2]!);
const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
for (const [w, h] of [[375, 800], [1280, 800]] as const) for (const scheme of ["light", "dark"] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme, bypassCSP: true });
  await page.goto(`${server.origin}${process.argv[3] ?? "/security/"}`);
  await page.locator(process.argv[4] ?? "body").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/cb/shot-${w}-${scheme}.png` });
  console.log(w, scheme, await axeViolations(page), await page.evaluate(() => document.documentElement.scrollWidth));
  await page.close();
}
await browser.close(); await server.close();
