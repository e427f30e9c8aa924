/**
 * What a researcher's browser downloads: the real site with a key for its first contact (so
 * that it has a report page), built, served from 127.0.0.1 and opened in Chromium. Every
 * request the browser makes is recorded; each file it fetched is weighed from the build,
 * raw and gzipped on its own (each is its own response).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { formatFingerprint, parseFingerprint } from "../src/formats/fingerprint.ts";
import { CHROME, CHROME_FLAGS, missingChromium } from "../tests/support/chromium.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { COMPILED_CONFIG, compiled } from "../tests/support/runtime.ts";
import { ROOT } from "./site.ts";
import { builtFile } from "./weight.ts";

export interface Fetched {
  path: string;
  raw: number;
  gzip: number;
}

export interface ReportWeights {
  /** /security/, with everything it loads, until the network is idle. */
  policy: Fetched[];
  /** /security/report/ before the form is used. */
  reportBefore: Fetched[];
  /** What the first Encrypt adds. */
  encrypt: Fetched[];
  /** Requests to anywhere but the site itself, over all three. */
  elsewhere: string[];
}

/** The test key the real site's first contact is given here, from tests/fixtures/keys/. */
const KEY = { file: "ed25519.asc", email: "security@example.org", hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" };

/**
 * A copy of the real site whose first contact is the test key's: its address and fingerprint
 * replaced in the site data and every page, the keyserver links' key ID too, and the key in
 * content/keys. Translations stay current: their recorded version leaves these facts out.
 */
export function keyedRealSite(dir: string): void {
  for (const folder of ["content", "_includes", "assets"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as { contacts: Array<{ email: string; fingerprint: string }> };
  const first = data.contacts[0];
  const old = first ? parseFingerprint(first.fingerprint).fingerprint : undefined;
  if (!first || !old) throw new Error("bench: content/_data/security.json names no first contact with a fingerprint, so the report page cannot be measured");
  const grouped = formatFingerprint({ version: 4, hex: KEY.hex });
  const replace = (text: string) => {
    let out = text.replaceAll(first.email, KEY.email).replaceAll(old.hex.slice(-16), KEY.hex.slice(-16));
    // However the author grouped it: any run of its digits with spaces between.
    const digits = old.hex.split("").join(" *");
    return out.replace(new RegExp(digits, "gi"), grouped);
  };
  writeFileSync(dataFile, replace(readFileSync(dataFile, "utf8")));
  for (const file of readdirSync(path.join(dir, "content"), { recursive: true, encoding: "utf8" })) {
    const full = path.join(dir, "content", file);
    if (file.endsWith(".md") && statSync(full).isFile()) writeFileSync(full, replace(readFileSync(full, "utf8")));
  }
  mkdirSync(path.join(dir, "content/keys"), { recursive: true });
  cpSync(path.join(ROOT, "tests/fixtures/keys", KEY.file), path.join(dir, "content/keys", `${KEY.email}.asc`));
}

export async function measureReportWeights(tmp: string): Promise<ReportWeights> {
  const missing = missingChromium();
  if (missing) throw missing;
  const dir = path.join(tmp, "keyed-site");
  mkdirSync(dir, { recursive: true });
  keyedRealSite(dir);
  const lines: string[] = [];
  const collect = (text: string) => lines.push(text);
  const { buildSite } = await compiled<typeof import("../src/build/build.ts")>("src/build/build.ts");
  const build = await buildSite({ input: "content", output: "public", root: dir, configPath: COMPILED_CONFIG, strict: false, streams: { stdout: collect, stderr: collect } });
  if (!build.ok) throw new Error(`the real site with a test key does not build:\n${lines.join("")}`);
  const output = path.join(dir, "public");

  const site = await serveStatic(output);
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
  try {
    const requested: string[] = [];
    const elsewhere: string[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol === "blob:" || url.protocol === "data:") return;
      if (url.origin === site.origin) requested.push(url.pathname);
      else elsewhere.push(url.href);
    });
    const since = (start: number) => requested.slice(start).map((p) => weigh(output, p));

    await page.goto(`${site.origin}/security/`, { waitUntil: "networkidle" });
    const policy = since(0);
    let mark = requested.length;
    await page.goto(`${site.origin}/security/report/`, { waitUntil: "networkidle" });
    const reportBefore = since(mark);
    mark = requested.length;
    await page.locator("[data-report-form] textarea").first().fill("The parser overflows on a crafted header.");
    await page.locator(".report-encrypt").click();
    // A string, not a function: the TypeScript loader's helpers do not exist in the page.
    await page.waitForFunction('document.querySelector("#report-armored")?.value.startsWith("-----BEGIN PGP MESSAGE-----")', undefined, { timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    const encrypt = since(mark);
    await context.close();
    return { policy, reportBefore, encrypt, elsewhere };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** A file the browser fetched, weighed from the build. */
function weigh(output: string, urlPath: string): Fetched {
  const bytes = readFileSync(builtFile(output, urlPath));
  return { path: urlPath, raw: bytes.length, gzip: gzipSync(bytes).length };
}

export function total(files: Fetched[], key: "raw" | "gzip"): number {
  return files.reduce((n, f) => n + f[key], 0);
}
