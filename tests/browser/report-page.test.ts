/**
 * The report page in a real browser: a researcher fills the form, the page encrypts it with
 * openpgp.js to the contacts' keys, and GnuPG decrypts what it made, with the private keys of
 * keys GnuPG made, each in a keyring of its own. Chromium, the site and GnuPG all run here;
 * the site is served from 127.0.0.1 by a server the test starts and stops.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { axeViolations, CHROME, CHROME_FLAGS, look, missingChromium } from "../support/chromium.ts";
import { formatFingerprint } from "../../src/formats/fingerprint.ts";
import { parseMailto } from "../../src/formats/mailto.ts";
import { sourceVersion } from "../../src/rules/translation.ts";
import { buildDir, layOutFixture, ROOT, WORK } from "../support/fixture-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { gpg } from "../support/gnupg.ts";

const SCREENSHOTS = path.join(ROOT, "screenshots");
const CONTACTS = ["security@example.org", "second@example.org"];
const FIELDS = ["Affected version(s):", "Overview:", "Steps to reproduce:"];
const FIELDS_ES = ["Versiones afectadas:", "Resumen:", "Pasos para reproducirlo:"];
/** What the template says after each label: the field's hint. The last field has none; one hint holds markup-like text, to be shown as written. */
const HINTS = ["the versions you tested, e.g. 2.3.0", "what goes wrong (a `<script>` & co. in a name, say) and how bad you judge it", ""];
const HINTS_ES = ["las versiones que probó, p. ej. 2.3.0", "qué falla (un `<script>` & cía. en un nombre, por ejemplo) y cuán grave lo estima", ""];
/** The hints as the page shows them: plain text, code marks gone. */
const shown = (hint: string) => hint.replace(/`/g, "");
/** The form's labels: the template's names without their closing colon. */
const LABELS = FIELDS.map((f) => f.replace(/:$/, ""));
const LABELS_ES = FIELDS_ES.map((f) => f.replace(/:$/, ""));
/** What a researcher types: several lines, indentation, non-ASCII letters, characters HTML and mail links treat specially. */
const ANSWERS = ["2.3.0 – 2.4.1", "Déjà vu: «crafted» input & <script> in the name field\nsecond line, ünïcödé, 日本語", "  1. send it\n  2. watch it fail"];
const REPORTER = "researcher@example.net";

let browser: Browser;
let site: StaticServer;
let output = "";
/** Each key's GnuPG home, which alone holds its private key: the contacts' current keys, and the first contact's previous one. */
const homes: Record<string, string> = {};
const fingerprints: Record<string, string> = {};
let previousHome = "";
const contexts: BrowserContext[] = [];
let missing: Error | undefined;

/**
 * A key as a security team makes one, in a keyring of its own: an Ed25519 primary key with a
 * Curve25519 encryption subkey (GnuPG's default), or RSA with an RSA encryption subkey.
 */
function makeKey(email: string, kind: "curve25519" | "rsa", expires = "1y"): { home: string; fingerprint: string } {
  const home = mkdtempSync(path.join(WORK, "report-gpg-"));
  gpg(home, ["--quick-gen-key", `Security Team <${email}>`, kind === "rsa" ? "rsa3072" : "ed25519", "cert,sign", expires]);
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ["--with-colons", "--list-keys", email]))![1]!;
  gpg(home, ["--quick-add-key", fingerprint, kind === "rsa" ? "rsa3072" : "cv25519", "encr", expires]);
  return { home, fingerprint };
}

/** The policy page with the report template, in English or Spanish: the same facts, the fields in the page's language. */
function policyMarkdown(lang: "en" | "es", fields: string[], hints: string[]): string {
  const front =
    lang === "en"
      ? "title: Security Policy\nintro: How to report a vulnerability in Example.\npermalink: /security/"
      : "title: Política de seguridad\nintro: Cómo informar de una vulnerabilidad en Example.\npermalink: /es/security/";
  return (
    `---\n${front}\n---\n\n## ${lang === "en" ? "Reporting a vulnerability" : "Cómo informar de una vulnerabilidad"}\n\n` +
    CONTACTS.map((email) => `${email}: ${formatFingerprint({ version: 4, hex: fingerprints[email]! })}`).join("\n\n") +
    `\n\n${lang === "en" ? "Until the rotation ends, the previous key" : "Hasta que termine el cambio, la clave anterior"}: ${CONTACTS[0]}: ${formatFingerprint({ version: 4, hex: fingerprints.previous! })}` +
    `\n\n${lang === "en" ? "Use this template:" : "Use esta plantilla:"}\n\n${fields.map((f, i) => `- **${f}** ${hints[i]}`.trimEnd()).join("\n")}\n`
  );
}

beforeAll(async () => {
  missing = missingChromium();
  if (missing) return;
  const dir = layOutFixture("_base");
  cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  // The report pages as the site's content/<lang>/security/ folders hold them (a copy of the test's own, so that a site that replaces content/ keeps this test).
  cpSync(path.join(ROOT, "tests/fixtures/site-pages/en/security"), path.join(dir, "content/security"), { recursive: true });
  cpSync(path.join(ROOT, "tests/fixtures/site-pages/es/security"), path.join(dir, "content/es/security"), { recursive: true });
  const contacts = [];
  for (const [i, email] of CONTACTS.entries()) {
    const key = makeKey(email, i === 0 ? "curve25519" : "rsa");
    homes[email] = key.home;
    fingerprints[email] = key.fingerprint;
  }
  // The first contact is rotating keys: its key file holds the previous key too, valid for a few weeks
  // more and shown on the policy, which must not be encrypted to.
  const previous = makeKey(CONTACTS[0]!, "curve25519", "30d");
  fingerprints.previous = previous.fingerprint;
  previousHome = previous.home;
  gpg(homes[CONTACTS[0]!]!, ["--import"], gpg(previous.home, ["--export", "--armor"]));
  for (const email of CONTACTS) {
    const listed = email === CONTACTS[0] ? [fingerprints[email]!, previous.fingerprint] : [fingerprints[email]!];
    writeFileSync(path.join(dir, "content/keys", `${email}.asc`), gpg(homes[email]!, ["--export", "--armor", ...listed]));
    const grouped = listed.map((hex) => formatFingerprint({ version: 4, hex }));
    contacts.push({ email, fingerprint: grouped.length === 1 ? grouped[0] : grouped });
  }
  const data = path.join(dir, "content/_data/security.json");
  writeFileSync(data, JSON.stringify({ ...(JSON.parse(readFileSync(data, "utf8")) as object), contacts }, null, 2));
  writeFileSync(path.join(dir, "content/security.md"), policyMarkdown("en", FIELDS, HINTS));
  const original = readFileSync(path.join(dir, "content/security.md"), "utf8");
  const spanish = policyMarkdown("es", FIELDS_ES, HINTS_ES).replace("\n---\n", `\ntranslatedFrom: ${sourceVersion(original)}\n---\n`);
  writeFileSync(path.join(dir, "content/es/security.md"), spanish);
  const built = await buildDir(dir);
  expect(built.ok, built.lines.join("\n")).toBe(true);
  output = built.output;
  site = await serveStatic(built.output);
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
}, 180_000);

beforeEach(() => {
  if (missing) throw missing;
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  // Making and using a private key starts a gpg-agent for its home: stop each one.
  for (const home of [...Object.values(homes), previousHome].filter((h) => h !== "")) spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
});

interface Visit {
  page: Page;
  /** Every request, by path, and its kind. */
  requests: Array<{ path: string; type: string; sameOrigin: boolean }>;
  errors: string[];
}

async function visit(urlPath: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const requests: Visit["requests"] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol !== "blob:" && url.protocol !== "data:") requests.push({ path: url.pathname, type: r.resourceType(), sameOrigin: url.origin === site.origin });
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  const response = await page.goto(`${site.origin}${urlPath}`, { waitUntil: "load" });
  expect(response?.status(), `${urlPath} was not served`).toBe(200);
  return { page, requests, errors };
}

async function fill(page: Page): Promise<void> {
  for (const [i, label] of LABELS.entries()) await page.getByLabel(label, { exact: true }).fill(ANSWERS[i]!);
  await page.getByLabel("Your email address (optional)").fill(REPORTER);
}

/** The report as the page should have written it before encrypting: each label, then the answer as typed. */
const EXPECTED = `${[...FIELDS.map((f, i) => `${f}\n${ANSWERS[i]}`), `Your email address (optional)\n${REPORTER}`].join("\n\n")}\n`;

async function encrypt(page: Page): Promise<string> {
  const before = await page.locator("#report-armored").inputValue();
  await page.getByRole("button", { name: "Encrypt", exact: true }).click();
  const armored = page.locator("#report-armored");
  await expect.poll(async () => ((await armored.inputValue()) !== before ? await armored.inputValue() : await page.locator(".report-error").textContent()), { timeout: 20_000 }).toMatch(/^-----BEGIN PGP MESSAGE-----/);
  return armored.inputValue();
}

describe("the report page", () => {
  it("encrypts every field as typed, non-ASCII included, and GnuPG decrypts it with each contact's private key", async () => {
    const { page, errors } = await visit("/security/report/");
    await fill(page);
    const armored = await encrypt(page);
    expect(armored).toMatch(/-----END PGP MESSAGE-----\s*$/);
    for (const email of CONTACTS) {
      expect(gpg(homes[email]!, ["--decrypt"], armored), `${email}'s key decrypts`).toBe(EXPECTED);
    }
    // The message names both contacts' current encryption subkeys (Curve25519 ECDH, algorithm 18, and RSA, 1), and no other.
    const packets = spawnSync("gpg", ["--list-packets", "--batch", "--homedir", mkdtempSync(path.join(WORK, "report-empty-"))], { input: armored, encoding: "utf8" });
    expect([...`${packets.stdout}${packets.stderr}`.matchAll(/pubkey enc packet: version 3, algo (\d+), keyid/g)].map((m) => m[1]).sort()).toEqual(["1", "18"]);
    // The previous key, still in the first contact's key file, cannot read it.
    const previous = spawnSync("gpg", ["--homedir", previousHome, "--batch", "--decrypt"], { input: armored, encoding: "utf8" });
    expect(previous.status, previous.stderr).not.toBe(0);
    expect(previous.stdout).toBe("");
    expect(errors).toEqual([]);
  });

  it("labels each field with the template's name, no colon, and describes it with the template's hint and the help for every field, kept in the fields' group", async () => {
    const { page } = await visit("/security/report/");
    const labels = await page.locator("form label").allTextContents();
    expect(labels).toEqual([...LABELS, "Your email address (optional)"]);
    expect(labels.filter((l) => l.trim().endsWith(":"))).toEqual([]);
    // Each field's description, read as a screen reader reads it: the elements aria-describedby names, in order.
    const fields = await page.locator("form textarea, form input").evaluateAll((inputs) =>
      inputs.map((input) => ({
        label: document.querySelector(`label[for="${input.id}"]`)?.textContent,
        described: (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent),
        // A field's own hint sits in its own group, between its label and the field.
        hintInGroup: (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id !== "report-field-help").every((id) => {
          const hint = document.getElementById(id);
          const label = document.querySelector(`label[for="${input.id}"]`);
          return hint?.parentElement === input.parentElement && !!label && !!(label.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(hint.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      })),
    );
    const help = "Answer in plain text; every field is encrypted together, in this page.";
    expect(fields).toEqual([
      { label: LABELS[0], described: [shown(HINTS[0]!), help], hintInGroup: true },
      { label: LABELS[1], described: [shown(HINTS[1]!), help], hintInGroup: true },
      { label: LABELS[2], described: [help], hintInGroup: true },
      { label: "Your email address (optional)", described: ["So that the team can answer you. It is encrypted with the rest."], hintInGroup: true },
    ]);
    // The help for every template field is in their group, under its legend, and not loose in the form above the first field.
    const group = await page.locator("#report-field-help").evaluate((p) => {
      const fieldset = p.closest("fieldset");
      return {
        legend: fieldset?.querySelector("legend")?.textContent,
        describes: fieldset?.getAttribute("aria-describedby"),
        fields: [...(fieldset?.querySelectorAll("textarea") ?? [])].map((t) => t.id),
        parent: p.parentElement?.tagName,
      };
    });
    expect(group).toEqual({ legend: "Your report", describes: "report-field-help", fields: ["report-field-1", "report-field-2", "report-field-3"], parent: "FIELDSET" });
    expect(await page.getByRole("group", { name: "Your report" }).count()).toBe(1);
  });

  it("shows the keys it encrypts to above the first field, each address with its current fingerprint in groups of four and Copy", async () => {
    const { page } = await visit("/security/report/", { permissions: ["clipboard-read", "clipboard-write"] });
    const recipients = page.locator("form .report-recipients");
    expect(await recipients.locator("dt").allTextContents()).toEqual(["Encrypted to"]);
    expect(await recipients.locator("dd").evaluateAll((dds) => dds.map((dd) => [dd.querySelector(".report-recipient")?.textContent, dd.querySelector(".fingerprint-digits")?.textContent]))).toEqual(
      CONTACTS.map((email) => [email, formatFingerprint({ version: 4, hex: fingerprints[email]! })]),
    );
    // Above the form's first field, on the page and in reading order; the previous key of the rotation is not among them.
    const above = await page.evaluate(() => {
      const box = document.querySelector(".report-recipients")!;
      const first = document.querySelector("form textarea")!;
      return { before: !!(box.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING), bottom: box.getBoundingClientRect().bottom, firstTop: first.getBoundingClientRect().top };
    });
    expect(above.before).toBe(true);
    expect(above.bottom).toBeLessThan(above.firstTop);
    expect(await page.locator("form").textContent()).not.toContain(formatFingerprint({ version: 4, hex: fingerprints.previous! }));
    // Copy copies the unbroken fingerprint, as on the policy.
    await page.locator(".report-recipients .copy-button").first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fingerprints[CONTACTS[0]!]);
  });

  it("loads openpgp.js only when the form is first used, and makes no other request; the CSP holds", async () => {
    const { page, requests, errors } = await visit("/security/report/");
    await page.waitForLoadState("networkidle");
    const loaded = requests.map((r) => r.path);
    expect(loaded.filter((p) => p.startsWith("/assets/openpgp/"))).toEqual([]);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((m) => m.map((e) => e.getAttribute("content")))).toContain("connect-src 'none'");
    await fill(page);
    await encrypt(page);
    await page.getByRole("link", { name: "Download report.asc" }).click();
    await page.waitForLoadState("networkidle");
    const after = requests.slice(loaded.length);
    // Only the page's own library: scripts from the site itself, no fetch, no XHR, nothing elsewhere.
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(10);
    for (const r of after) {
      expect(r.sameOrigin, r.path).toBe(true);
      expect(r.path, r.type).toMatch(/^\/assets\/openpgp\/[a-z0-9_-]+\.min\.mjs$/);
      expect(r.type).toBe("script");
    }
    expect(requests.length).toBeGreaterThan(after.length);
    expect(requests.filter((r) => !r.sameOrigin)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("offers the result to copy, to download as report.asc, and to open in a mail client", async () => {
    const { page } = await visit("/security/report/", { permissions: ["clipboard-read", "clipboard-write"] });
    await fill(page);
    const armored = await encrypt(page);
    await page.getByRole("button", { name: "Copy the encrypted report" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(armored);
    const download = page.getByRole("link", { name: "Download report.asc" });
    expect(await download.getAttribute("download")).toBe("report.asc");
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(readFileSync((await file.path())!, "utf8")).toBe(armored);
    // A short report fits in a mail link (2,000 characters at most): the mail's body is the armored message.
    const mailLink = page.getByRole("link", { name: "Open in your mail client" });
    const short = parseMailto((await mailLink.getAttribute("href")) ?? "");
    expect(short.problems).toEqual([]);
    expect(short.mailto?.to).toEqual([CONTACTS[0]]);
    expect(short.mailto?.subject).toBe("Vulnerability report for Example");
    expect(short.mailto?.body).toBe(armored);
    // A long one does not: the mail says to paste or attach it.
    await page.getByLabel(LABELS[1]!, { exact: true }).fill("The parser overflows. ".repeat(150));
    const long = await encrypt(page);
    expect(long).not.toBe(armored);
    const href = (await mailLink.getAttribute("href")) ?? "";
    expect(href.length).toBeLessThanOrEqual(2000);
    expect(parseMailto(href).mailto?.body).toBe("The encrypted report is attached as report.asc, or pasted below.\n");
  });

  it("works from the keyboard alone, and says when there is nothing to encrypt", async () => {
    const { page } = await visit("/security/report/");
    let reached = 0;
    for (let i = 0; i < 30 && reached < FIELDS.length; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement?.id ?? "");
      if (id.startsWith("report-field-")) {
        await page.keyboard.type(ANSWERS[reached]!.replace(/\n/g, " "));
        reached++;
      }
    }
    expect(reached).toBe(FIELDS.length);
    // On to the button, and Enter.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.className)) !== "report-encrypt"; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 }).toBe("report-result-heading");

    const empty = await visit("/security/report/");
    await empty.page.getByRole("button", { name: "Encrypt", exact: true }).click();
    expect(await empty.page.getByRole("alert").textContent()).toBe("Write something in at least one field, then encrypt.");
    expect(await empty.page.evaluate(() => document.activeElement?.id)).toBe("report-field-1");
  });

  it("axe-core finds no WCAG 2.2 AA violation, before and after encrypting, light and dark, wide and narrow", async () => {
    const failures: string[] = [];
    const { page } = await visit("/security/report/", { bypassCSP: true });
    for (const stage of ["form", "result"]) {
      if (stage === "result") {
        await fill(page);
        await encrypt(page);
      }
      for (const colorScheme of ["light", "dark"] as const) {
        for (const width of [375, 1280]) {
          await look(page, { width, height: 800 }, colorScheme);
          for (const v of await axeViolations(page)) failures.push(`${colorScheme} ${width}px ${stage}: ${v}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${colorScheme} ${width}px ${stage}`).toBeLessThanOrEqual(width);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("without JavaScript, says encryption needs it and offers the prefilled mail and the fingerprint of every key it would encrypt to", async () => {
    const { page } = await visit("/security/report/", { javaScriptEnabled: false });
    expect(await page.locator("form").isVisible()).toBe(false);
    expect(await page.getByText("Encrypting in this page needs JavaScript").isVisible()).toBe(true);
    const href = (await page.locator(".report-nojs .report-link").getAttribute("href")) ?? "";
    expect(parseMailto(href).mailto?.body).toBe(`${FIELDS.join("\n\n")}\n`);
    expect(await page.locator(".report-nojs .fingerprint-digits").allTextContents()).toEqual(CONTACTS.map((email) => formatFingerprint({ version: 4, hex: fingerprints[email]! })));
  });

  it("the policy's calls to action link to it; a site without its contact's key builds no report page and links to none", async () => {
    const { page } = await visit("/security/");
    expect(await page.locator("a.report-page-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(["/security/report/", "/security/report/"]);
    const keyless = layOutFixture("_base");
    cpSync(path.join(ROOT, "tests/fixtures/site-pages/en/security"), path.join(keyless, "content/security"), { recursive: true });
    for (const file of readdirSync(path.join(keyless, "content/keys"))) if (file.endsWith(".asc")) rmSync(path.join(keyless, "content/keys", file));
    const real = await buildDir(keyless, { output: path.join(mkdtempSync(path.join(WORK, "report-real-")), "public") });
    expect(real.ok, real.lines.join("\n")).toBe(true);
    expect(existsSync(path.join(real.output, "security/report/index.html"))).toBe(false);
    expect(readFileSync(path.join(real.output, "security/index.html"), "utf8")).not.toContain("report-page-link");
  });

  it("in Spanish: the Spanish policy's fields, labels and messages, linked from the Spanish policy, and GnuPG reads it", async () => {
    const policy = await visit("/es/security/");
    expect(new Set(await policy.page.locator("a.report-page-link").evaluateAll((links) => links.map((a) => a.getAttribute("href"))))).toEqual(new Set(["/es/security/report/"]));
    const { page, errors } = await visit("/es/security/report/");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("form label").allTextContents()).toEqual([...LABELS_ES, "Su dirección de correo (opcional)"]);
    expect(await page.locator(".report-hint").allTextContents()).toEqual([shown(HINTS_ES[0]!), shown(HINTS_ES[1]!), "Para que el equipo pueda responderle. Se cifra con el resto."]);
    expect(await page.locator(".report-recipients dt").textContent()).toBe("Cifrado para");
    for (const [i, label] of LABELS_ES.entries()) await page.getByLabel(label, { exact: true }).fill(ANSWERS[i]!);
    await page.getByLabel("Su dirección de correo (opcional)").fill(REPORTER);
    await page.getByRole("button", { name: "Cifrar", exact: true }).click();
    const armored = page.locator("#report-armored");
    await expect.poll(() => armored.inputValue(), { timeout: 20_000 }).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    expect(await page.getByRole("heading", { level: 2, name: "Su informe cifrado" }).isVisible()).toBe(true);
    const expected = `${[...FIELDS_ES.map((f, i) => `${f}\n${ANSWERS[i]}`), `Su dirección de correo (opcional)\n${REPORTER}`].join("\n\n")}\n`;
    expect(gpg(homes[CONTACTS[1]!]!, ["--decrypt"], await armored.inputValue())).toBe(expected);
    const mail = parseMailto((await page.getByRole("link", { name: "Abrir en su cliente de correo" }).getAttribute("href")) ?? "");
    expect(mail.mailto?.subject).toBe("Informe de vulnerabilidad para Example");
    expect(errors).toEqual([]);
  });

  it("passes html-validate in both languages, with no inline script or style, under the site's CSP and one that allows no connection", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData);
    for (const urlPath of ["security/report/index.html", "es/security/report/index.html"]) {
      const file = path.join(output, urlPath);
      const report = await validator.validateFile(file);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${urlPath}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`))).toEqual([]);
      const html = readFileSync(file, "utf8");
      const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)].map((m) => m[1]!.replaceAll("&#39;", "'"));
      expect(policies[0], urlPath).toMatch(/default-src 'none'/);
      expect(policies[1], urlPath).toBe("connect-src 'none'");
      expect(html, urlPath).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=/i);
    }
  });

  it("screenshots of the form and the result at 375 px and 1280 px, light and dark, are saved to screenshots/", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page } = await visit("/security/report/");
    for (const stage of ["form", "result"]) {
      if (stage === "result") {
        await fill(page);
        await encrypt(page);
      }
      for (const width of [375, 1280]) {
        for (const colorScheme of ["light", "dark"] as const) {
          await look(page, { width, height: width === 375 ? 667 : 800 }, colorScheme);
          const file = path.join(SCREENSHOTS, `report-${stage}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          // A PNG's width is at bytes 16-19 of its header: nothing is wider than the screen.
          expect(readFileSync(file).readUInt32BE(16)).toBe(width);
        }
      }
    }
  });
});
