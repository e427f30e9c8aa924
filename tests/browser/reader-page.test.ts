/**
 * The reader's page in a real browser: Debian's Chromium driven by playwright-core, the
 * site built from content/ (and a fixture site that has its key) and served from
 * 127.0.0.1 by a server the test starts and stops.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { HtmlValidate, type ConfigData } from "html-validate";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMailto } from "../../src/formats/mailto.ts";
import { buildDir, layOutFixture, ROOT } from "../support/fixture-site.ts";
import { fill, shippedSite } from "../support/shipped-site.ts";
import { nativeName } from "../../src/data/languages.ts";
import { axeViolations, CHROME, CHROME_FLAGS, look, missingChromium } from "../support/chromium.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const SCREENSHOTS = path.join(ROOT, "screenshots");
/** One round trip: what fits in TCP's first flight of ten segments. */
const BUDGET_BYTES = 14 * 1024;

/** What content/ holds, whatever project it is for: its first contact, its policy in each language, its words. */
const shipped = shippedSite();
const CONTACT = shipped.contacts[0]!;
const FINGERPRINT = CONTACT.hex;
const GROUPED = CONTACT.grouped;
const POLICY = shipped.policies[0]!;
const FIELDS = POLICY.fields;
const UI = shipped.strings(POLICY.lang);
/** The report's subject in a language, as its link encodes it. */
const subject = (lang: string) => fill(shipped.strings(lang).reportSubject ?? "", { name: shipped.name });

let browser: Browser;
let site: StaticServer;
let fixture: StaticServer;
let siteOutput: string;
let fixtureOutput: string;
const contexts: BrowserContext[] = [];

/** Every .html file under a folder, as URL paths: `/security/`, `/404.html`. */
function htmlPages(root: string): string[] {
  const pages: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry.endsWith(".html")) pages.push(`/${path.relative(root, full).split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1"));
    }
  };
  visit(root);
  return pages;
}

/** Set when there is no browser: every test then fails with it, rather than being skipped. */
let missingBrowser: Error | undefined;

/**
 * The two sites are built while the tests are collected, without a browser, so that each of
 * their pages can be a test of its own.
 */
async function buildSites(): Promise<{ siteOutput: string; fixtureOutput: string }> {
  mkdirSync(path.join(ROOT, "tests/.output"), { recursive: true });
  const output = path.join(mkdtempSync(path.join(ROOT, "tests/.output/browser-")), "public");
  const real = await buildDir(shipped.dir, { output });
  if (!real.ok) throw new Error(`the site in content/ does not build:\n${real.lines.join("\n")}`);
  const fixtureDir = layOutFixture("reader-page");
  // The site's stylesheet and script, which the fixture layout does not bring.
  cpSync(path.join(ROOT, "assets"), path.join(fixtureDir, "assets"), { recursive: true });
  const withKey = await buildDir(fixtureDir);
  if (!withKey.ok) throw new Error(`the fixture site reader-page does not build:\n${withKey.lines.join("\n")}`);
  return { siteOutput: output, fixtureOutput: withKey.output };
}

({ siteOutput, fixtureOutput } = await buildSites());

beforeAll(async () => {
  missingBrowser = missingChromium();
  if (missingBrowser) return;
  site = await serveStatic(siteOutput);
  fixture = await serveStatic(fixtureOutput);
  // playwright gives each launch a fresh temporary profile itself, and refuses --user-data-dir
  // in `args` (that is what launchPersistentContext is for); it adds --headless and --no-sandbox too.
  browser = await chromium.launch({
    executablePath: CHROME,
    args: CHROME_FLAGS,
  });
});

beforeEach(() => {
  if (missingBrowser) throw missingBrowser;
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixture?.close();
});

interface Visit {
  page: Page;
  /** Requests to any origin but the site's. */
  offsite: string[];
  /** Console errors and warnings, uncaught exceptions and CSP violations. */
  errors: string[];
}

/** Opens a page in a fresh context, watching what it requests and what it logs. */
async function visit(server: StaticServer, urlPath: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).origin !== server.origin) offsite.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
    // A mailto link would hand over to a mail client: record the click and stay on the page.
    const clicks: string[] = [];
    (window as unknown as { mailtoClicks: string[] }).mailtoClicks = clicks;
    document.addEventListener("click", (e) => {
      const link = (e.target as Element | null)?.closest?.("a[href^='mailto:']");
      if (link) {
        clicks.push(link.getAttribute("href") ?? "");
        e.preventDefault();
      }
    }, true);
  });
  const response = await page.goto(`${server.origin}${urlPath}`, { waitUntil: "load" });
  expect(response?.status(), `${urlPath} was not served`).toBe(200);
  return { page, offsite, errors };
}

describe("copying the fingerprint", () => {
  it("Copy puts exactly the unbroken fingerprint on the clipboard and announces it", async () => {
    const { page, errors } = await visit(site, POLICY.url, { permissions: ["clipboard-read", "clipboard-write"] });
    const status = page.locator(".fingerprint .copy-status").first();
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.textContent()).toBe("");
    await page.getByRole("button", { name: `${UI.copy} ${UI.copyWhat}` }).first().click();
    await expect.poll(() => status.textContent()).toBe(UI.copied);
    expect(await status.isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FINGERPRINT);
    expect(errors).toEqual([]);
  });

  it("a refused clipboard is said plainly, and the fingerprint is left selected", async () => {
    const { page } = await visit(site, POLICY.url);
    // Deny the permission in the browser itself, as a reader's setting or a policy would.
    const { targetInfo } = await (await page.context().newCDPSession(page)).send("Target.getTargetInfo");
    await (await browser.newBrowserCDPSession()).send("Browser.setPermission", {
      permission: { name: "clipboard-write" },
      setting: "denied",
      origin: site.origin,
      browserContextId: targetInfo.browserContextId,
    });
    expect(await page.evaluate(() => navigator.permissions.query({ name: "clipboard-write" as PermissionName }).then((p) => p.state))).toBe("denied");
    await page.getByRole("button", { name: `${UI.copy} ${UI.copyWhat}` }).first().click();
    const status = page.locator(".fingerprint .copy-status").first();
    await expect.poll(() => status.textContent()).toBe(UI.copyRefused);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(GROUPED);
  });

  it("without JavaScript there is no Copy button, and one click selects the whole fingerprint", async () => {
    const { page } = await visit(site, POLICY.url, { javaScriptEnabled: false });
    expect(await page.locator(".copy-button").first().isVisible()).toBe(false);
    expect(await page.getByRole("button").count()).toBe(0);
    const digits = page.locator(".fingerprint-digits").first();
    expect(await digits.evaluate((e) => getComputedStyle(e).userSelect)).toBe("all");
    await digits.click();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(GROUPED);
  });

  it("at 320 px the fingerprint wraps between groups of four, never inside one, and nothing scrolls sideways", async () => {
    const { page } = await visit(site, POLICY.url, { viewport: { width: 320, height: 800 } });
    const lines = await page.locator(".fingerprint-digits").first().evaluate((code) => {
      const text = code.firstChild as Text;
      const tops = new Set<number>();
      const split: string[] = [];
      for (let i = 0; i < (text.textContent ?? "").length; i += 5) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 4);
        const rects = [...range.getClientRects()];
        if (rects.length !== 1) split.push(range.toString());
        tops.add(Math.round(rects[0]?.top ?? -1));
      }
      return { split, lines: tops.size };
    });
    expect(lines.split).toEqual([]);
    expect(lines.lines).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it("where the site has the key, a Download public key link points to the published public key", async () => {
    const { page } = await visit(fixture, "/security/");
    const link = page.locator(".fingerprint .key-link").first();
    expect(await link.textContent()).toBe("Download public key");
    expect(await link.getAttribute("href")).toBe("/security/keys/security@example.org.asc");
    expect(await link.getAttribute("download")).toBe("");
    // The published key: served, armored, and the public part only.
    const key = await page.request.get(`${fixture.origin}/security/keys/security@example.org.asc`);
    expect(key.status()).toBe(200);
    const armored = await key.text();
    expect(armored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(armored).not.toMatch(/PRIVATE KEY/);
    // On the site in content/, a contact's download link is there exactly when content/keys/ has its key.
    const real = await visit(site, POLICY.url);
    const links = await real.page.locator(".key-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect([...new Set(links)].sort()).toEqual(shipped.contacts.filter((c) => c.hasKey).map((c) => `/security/keys/${c.email}.asc`).sort());
  });
});

describe("the three jobs on the first screen", () => {
  it("the first contact's report link and the Copy button are inside the first screen, at phone and desktop sizes, light and dark, in every language", async () => {
    const seen: string[] = [];
    for (const urlPath of shipped.policies.map((p) => p.url)) {
      const { page } = await visit(site, urlPath, { permissions: ["clipboard-read", "clipboard-write"] });
      for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 800 }]) {
        for (const colorScheme of ["light", "dark"] as const) {
          await look(page, viewport, colorScheme);
          for (const selector of [".glance .report-link", ".glance .copy-button"]) {
            const box = await page.locator(selector).first().boundingBox();
            const where = `${urlPath} ${viewport.width}×${viewport.height} ${colorScheme} ${selector}`;
            expect(box, `${where} is not shown`).not.toBeNull();
            expect(box!.y, where).toBeGreaterThanOrEqual(0);
            expect(box!.y + box!.height, where).toBeLessThanOrEqual(viewport.height);
            expect(box!.x + box!.width, where).toBeLessThanOrEqual(viewport.width);
            seen.push(where);
          }
          // And they work from there: the address opens the prefilled report, Copy copies.
          const href = await page.locator(".glance .report-link").first().getAttribute("href");
          expect(parseMailto(href ?? "").mailto?.to).toEqual([CONTACT.email]);
          await page.evaluate(() => navigator.clipboard.writeText(""));
          await page.locator(".glance .copy-button").first().click();
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FINGERPRINT);
        }
      }
    }
    expect(seen).toHaveLength(8 * shipped.policies.length);
  });

  it("the glance looks the key up on the keyserver the policy's body links to (else keys.openpgp.org), labelled with its host, by full fingerprint", async () => {
    for (const policy of shipped.policies) {
      const { page } = await visit(site, policy.url);
      const body = await page
        .locator("main a[href^='https:']:not(.glance a)")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!).filter((href) => /\/pks\/lookup|^https:\/\/keys\.openpgp\.org\/(search|vks)/.test(href)).map((href) => new URL(href).host));
      const host = body[0] ?? "keys.openpgp.org";
      const href = host === "keys.openpgp.org" ? `https://keys.openpgp.org/search?q=${FINGERPRINT}` : `https://${host}/pks/lookup?op=index&fingerprint=on&search=0x${FINGERPRINT}`;
      const lookups = await page.locator(".glance-links a:not(.key-link)").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(lookups[0], policy.url).toEqual([fill(shipped.strings(policy.lang).lookUpOn!, { host }), href]);
    }
  });
});

describe.each(shipped.translations)("in the translation into %s", (lang) => {
  const words = shipped.strings(lang);
  const own = shipped.policies.find((p) => p.lang === lang)!;
  const alternatesOf = [...shipped.policies.map((p) => `${p.lang} ${shipped.url}${p.url}`), `x-default ${shipped.url}${POLICY.url}`];
  const expected = [alternatesOf[0]!, alternatesOf.at(-1)!, ...alternatesOf.slice(1, -1)];

  it("the translation says its lang, speaks its own strings, links its original both ways, and Copy works", async () => {
    const { page, errors } = await visit(site, own.url, { permissions: ["clipboard-read", "clipboard-write"] });
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect(await page.locator(".skip-link").textContent()).toBe(words.skipToContent);
    expect(await page.locator(".glance .report-link").first().getAttribute("href")).toContain(`subject=${encodeURIComponent(subject(lang))}`);
    if ((await page.locator(".markdown-alert-title").count()) > 0) expect(words).toHaveProperty("alertWarning");
    // The switcher: each language in its own name, this one marked current.
    const switcher = page.getByRole("navigation", { name: words.languages });
    expect(await switcher.getByRole("link").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("lang"), a.getAttribute("aria-current")]))).toEqual(
      shipped.policies.map((p) => [nativeName(p.lang), p.url, p.lang, p.lang === lang ? "page" : null]),
    );
    // hreflang alternates in the head, the original as x-default; the original lists the same.
    const alternates = async (p: Page) => p.locator("link[rel=alternate][hreflang]").evaluateAll((links) => links.map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`));
    expect((await alternates(page)).sort()).toEqual([...expected].sort());
    await page.getByRole("button", { name: `${words.copy} ${words.copyWhat}` }).first().click();
    await expect.poll(() => page.locator(".copy-status").first().textContent()).toBe(words.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FINGERPRINT);
    await switcher.getByRole("link", { name: nativeName(POLICY.lang) }).click();
    await page.waitForURL(`${site.origin}${POLICY.url}`);
    expect(await page.locator("html").getAttribute("lang")).toBe(POLICY.lang);
    expect((await alternates(page)).sort()).toEqual([...expected].sort());
    expect(errors).toEqual([]);
  });

  it("the sitemap lists the translation with the same alternates its head does, and robots.txt names the sitemap", async () => {
    const { page } = await visit(site, "/");
    const sitemap = await (await page.request.get(`${site.origin}/sitemap.xml`)).text();
    const entry = new RegExp(`<loc>${shipped.url}${own.url}</loc>\\n((?:    <xhtml:link [^\\n]*\\n)*)`).exec(sitemap);
    expect(entry, `the sitemap has no entry for ${own.url}`).not.toBeNull();
    const listed = [...entry![1]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed.sort()).toEqual([...expected].sort());
    expect((await (await page.request.get(`${site.origin}/robots.txt`)).text())).toContain(`Sitemap: ${shipped.url}/sitemap.xml`);
    const securityTxt = await (await page.request.get(`${site.origin}/.well-known/security.txt`)).text();
    expect(securityTxt).toMatch(new RegExp(`^Preferred-Languages: .*\\b${lang}\\b`, "m"));
  });
});

describe("reporting in one click", () => {
  it("the report links decode to the subject and a body of the template's fields, read from the page's list", async () => {
    const { page } = await visit(site, POLICY.url);
    const listed = await page.locator("ul:has(+ .report) > li > strong").allTextContents();
    expect(listed).toEqual(FIELDS);
    const hrefs = await page.locator("a.report-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) {
      expect(href).not.toMatch(/[\s\n"<>]/);
      expect(href).toContain("%0D%0A");
      const { mailto, problems } = parseMailto(href);
      expect(problems).toEqual([]);
      expect(mailto?.to).toEqual([CONTACT.email]);
      expect(mailto?.subject).toBe(subject(POLICY.lang));
      expect(mailto?.body).toBe(`${listed.join("\n\n")}\n`);
    }
  });

  it("one report link comes before the first section, another right after the template", async () => {
    const { page } = await visit(site, POLICY.url);
    const order = await page.evaluate(() => {
      const top = document.querySelector(".glance .report-link");
      const beside = document.querySelector(".report");
      const firstHeading = document.querySelector("main h2");
      const template = document.querySelector("main ul");
      return {
        topFirst: Boolean(top && firstHeading && top.compareDocumentPosition(firstHeading) & Node.DOCUMENT_POSITION_FOLLOWING),
        besideTemplate: beside?.previousElementSibling === template,
      };
    });
    expect(order).toEqual({ topFirst: true, besideTemplate: true });
  });
});

describe("with the keyboard alone", () => {
  it("Tab reaches Copy and the report link, and Enter triggers each", async () => {
    const { page } = await visit(site, POLICY.url, { permissions: ["clipboard-read", "clipboard-write"] });
    const reached: string[] = [];
    for (let i = 0; i < 40 && reached.length < 2; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.className ?? "");
      if (focused === "report-link" && !reached.includes("report-link")) {
        reached.push("report-link");
        await page.keyboard.press("Enter");
        const clicks = await page.evaluate(() => (window as unknown as { mailtoClicks: string[] }).mailtoClicks);
        expect(clicks).toHaveLength(1);
        expect(clicks[0]!.startsWith(`mailto:${CONTACT.email}?subject=`), clicks[0]).toBe(true);
      }
      if (focused === "copy-button") {
        reached.push("copy-button");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator(".copy-status").first().textContent()).toBe(UI.copied);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FINGERPRINT);
      }
    }
    expect(reached).toEqual(["report-link", "copy-button"]);
  });

  it("the first Tab shows the skip link, which moves to the main content", async () => {
    const { page } = await visit(site, POLICY.url);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    expect(await skip.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    // The fragment's navigation completes after the key press returns; on a busy machine, a moment later.
    await page.waitForURL(`${site.origin}/security/#main`, { timeout: 5_000 });
    expect(page.url()).toBe(`${site.origin}/security/#main`);
  });

  it("a heading's permalink shows on hover and when it has focus", async () => {
    const { page } = await visit(site, POLICY.url);
    const anchor = page.locator(".heading-anchor").first();
    expect(await anchor.evaluate((e) => getComputedStyle(e).opacity)).toBe("0");
    await page.locator("main h2").first().hover();
    expect(await anchor.evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
    await page.mouse.move(0, 0);
    expect(await anchor.evaluate((e) => getComputedStyle(e).opacity)).toBe("0");
    await anchor.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    expect(await anchor.evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
  });
});

describe("every page", () => {
  const sites = () => [
    { name: "site", server: site, root: siteOutput },
    { name: "fixture", server: fixture, root: fixtureOutput },
  ];

  // One test per page and check: every page is checked, and none waits on another's time.
  const everyPage = [
    ...htmlPages(siteOutput).map((urlPath) => ({ name: "site", urlPath, server: () => site })),
    ...htmlPages(fixtureOutput).map((urlPath) => ({ name: "fixture", urlPath, server: () => fixture })),
  ];
  it("there are pages to check on both sites", () => {
    expect(everyPage.filter((p) => p.name === "site").length).toBeGreaterThanOrEqual(4);
    expect(everyPage.filter((p) => p.name === "fixture").length).toBeGreaterThanOrEqual(1);
  });


  for (const { name, urlPath, server } of everyPage) it(`${name} ${urlPath} loads nothing from another origin, logs no console error, and its external links are https with rel=noopener noreferrer`, async () => {
    const { page, offsite, errors } = await visit(server(), urlPath, { permissions: ["clipboard-read", "clipboard-write"] });
    await page.waitForLoadState("networkidle");
    // Use the page's one script too: copying must not log anything either.
    if ((await page.locator(".copy-button").count()) > 0) {
      const button = page.locator(".copy-button").first();
      await button.click();
      // "Copied" in the page's own language.
      const copied = await button.getAttribute("data-copied");
      expect(copied, urlPath).toBeTruthy();
      await expect.poll(() => page.locator(".copy-status").first().textContent()).toBe(copied);
    }
    expect(offsite, urlPath).toEqual([]);
    expect(errors, urlPath).toEqual([]);
    const external = await page.locator("a[href]").evaluateAll((links) =>
      links
        .map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.getAttribute("rel") ?? "" }))
        .filter((l) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(l.href) && !l.href.startsWith("mailto:")),
    );
    for (const link of external) {
      expect(link.href, urlPath).toMatch(/^https:\/\//);
      expect(link.rel.split(/\s+/).sort(), `${urlPath} ${link.href}`).toEqual(["noopener", "noreferrer"]);
    }
  });

  for (const { name, urlPath, server } of everyPage) it(`${name} ${urlPath}: axe-core finds no WCAG 2.2 AA violation, in light and dark, wide and narrow`, async () => {
    const failures: string[] = [];
    // axe's script is not the site's own, so this context lets it past the page's CSP.
    const { page } = await visit(server(), urlPath, { bypassCSP: true, permissions: ["clipboard-read", "clipboard-write"] });
    const copy = page.locator(".copy-button").first();
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 375]) {
        await look(page, { width, height: 900 }, colorScheme);
        if ((await page.locator(".copy-button").count()) > 0) {
          // Check the announcement's colours too.
          await copy.click();
          await expect.poll(() => page.locator(".copy-status").first().textContent()).toBe(await copy.getAttribute("data-copied"));
        }
        for (const v of await axeViolations(page)) failures.push(`${name} ${urlPath} ${colorScheme} ${width}px: ${v}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every HTML file passes html-validate, with a strict CSP and no inline script or style", async () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    let files = 0;
    for (const root of [siteOutput, fixtureOutput]) {
      for (const urlPath of htmlPages(root)) {
        const file = path.join(root, urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath);
        const report = await validator.validateFile(file);
        files++;
        const html = readFileSync(file, "utf8");
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
        expect(csp, file).toMatch(/default-src 'none'/);
        expect(csp, file).not.toContain("unsafe-");
        expect(html, file).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=/i);
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${path.relative(ROOT, file)}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(4);
  });
});

describe("the page on screen and on paper", () => {
  it(`/security/ with everything it loads weighs at most ${BUDGET_BYTES / 1024} KB gzip-compressed`, async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const bodies: Array<Promise<{ url: string; gzip: number }>> = [];
    page.on("response", (r) => bodies.push(r.body().then((b) => ({ url: r.url(), gzip: gzipSync(b).length }))));
    await page.goto(`${site.origin}/security/`, { waitUntil: "networkidle" });
    const loaded = await Promise.all(bodies);
    const total = loaded.reduce((sum, r) => sum + r.gzip, 0);
    expect(loaded.map((r) => new URL(r.url).pathname).sort()).toEqual(["/assets/copy.js", "/assets/favicon.svg", "/assets/site.css", POLICY.url].sort());
    expect(total, loaded.map((r) => `${r.url} ${r.gzip} B`).join("\n")).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("prints link targets beside their text and the report address, and hides the buttons", async () => {
    const { page } = await visit(site, POLICY.url);
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const after = (selector: string) => getComputedStyle(document.querySelector(selector) as Element, "::after").content;
      return {
        keyserver: after("main blockquote a[href^='https:']"),
        report: after(".report .report-link"),
        // The glance's report link reads as the address itself.
        glance: after(".glance .report-link"),
        copy: getComputedStyle(document.querySelector(".copy-button") as Element).display,
        digits: getComputedStyle(document.querySelector(".fingerprint-digits") as Element).whiteSpace,
      };
    });
    const keyserver = await page.locator("main blockquote a[href^='https:']").first().getAttribute("href");
    expect(printed.keyserver).toContain(keyserver);
    expect(printed.report).toContain(CONTACT.email);
    expect(printed.glance).toBe("none");
    expect(printed.copy).toBe("none");
    expect(printed.digits).toBe("normal");
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "security-print.png"), fullPage: true });
  });

  // The policy, its translation, the advisories, an advisory, the thanks page and the 404 page: a test each.
  const shots: Array<[string, string]> = [
    ["security", POLICY.url],
    ...shipped.translations.map((lang): [string, string] => [`security-${lang}`, shipped.policies.find((p) => p.lang === lang)!.url]),
    ["advisories", "/security/advisories/"],
    ...shipped.advisories.slice(0, 1).map((id): [string, string] => ["advisory", `/security/advisories/${id}/`]),
    ...(shipped.credits ? [["thanks", "/security/thanks/"] as [string, string]] : []),
    ["404", "/404.html"],
  ];
  for (const [name, urlPath] of shots) {
    it(`screenshots of ${urlPath} at 375 px and 1280 px, light and dark, are saved to screenshots/${name}-*.png`, async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { page } = await visit(site, urlPath);
      for (const width of [375, 1280]) {
        for (const colorScheme of ["light", "dark"] as const) {
          await look(page, { width, height: width === 375 ? 667 : 800 }, colorScheme);
          const file = path.join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          // A PNG's width is at bytes 16-19 of its header: wider than the window, the page would scroll sideways.
          expect(readFileSync(file).readUInt32BE(16)).toBe(width);
        }
      }
    });
  }
});
