/**
 * `npm start` as a maintainer uses it: the real dev server on 127.0.0.1, real Chromium
 * (Debian's, driven by playwright-core), edits to the Markdown, and the signals a terminal
 * sends. Every server the tests start is stopped, and every wait is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../bench/dev-server.ts";
import { developmentPolicy } from "../../src/dev/policy.ts";
import { reloadClientHash } from "../../src/plugins/dev-server.ts";
import { siteWithAdvisories } from "../support/advisory-site.ts";
import { buildDir, layOutFixture, ROOT } from "../support/fixture-site.ts";
import { CHROME, CHROME_FLAGS, missingChromium } from "../support/chromium.ts";
import { BIN } from "../support/runtime.ts";

const GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
const STRICT_POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(readFileSync(path.join(ROOT, "_includes/layouts/base.njk"), "utf8"))![1]!;

/** Whether anything accepts a connection on the port of a loopback address, within a second. */
async function listening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Polls until `check` holds, at most `ms`; then says what it waited for. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited ${ms} ms for ${what}`);
}

interface DevServer {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves once the process ended, with its exit code (null when a signal ended it), or `ended: false` if it did not. */
  signal(signal: NodeJS.Signals, options?: { group?: boolean }): Promise<{ ended: boolean; code: number | null }>;
}

const started: DevServer[] = [];

/** Starts a dev server: `npm start -- --port N` in `cwd`, or the command it runs, for a fixture site. */
async function startDevServer(cwd: string, options: { npm?: boolean; args?: string[] } = {}): Promise<DevServer> {
  const port = await freePort();
  const child = options.npm
    ? spawn("npm", ["start", "--", "--port", String(port)], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, [BIN, "serve", "--port", String(port), ...(options.args ?? [])], {
        cwd,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
  let printed = "";
  child.stdout!.on("data", (d) => (printed += String(d)));
  child.stderr!.on("data", (d) => (printed += String(d)));
  const exited = new Promise<{ ended: true; code: number | null }>((resolve) => child.once("exit", (code) => resolve({ ended: true, code })));
  const server: DevServer = {
    child,
    port,
    output: () => printed,
    async signal(signal, { group = false } = {}) {
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
      // A bound on the wait, not a measure of it: a server that ignores the signal is killed after the test.
      return await Promise.race([exited, new Promise<{ ended: false; code: null }>((r) => setTimeout(() => r({ ended: false, code: null }), 20_000))]);
    },
  };
  started.push(server);
  await waitFor(`the dev server on port ${port} to listen (it printed: ${printed.slice(-400)})`, () => /Server at /.test(printed) || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`the dev server exited ${child.exitCode}: ${printed}`);
  return server;
}

afterEach(async () => {
  // Whatever a test left running is stopped, the whole process group at once.
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      try {
        process.kill(-server.child.pid!, "SIGKILL");
      } catch {
        // Already gone between the check and the kill.
      }
    }
  }
});

/**
 * The local addresses of the sockets listening on a port, read from the kernel's tables
 * (/proc/net/tcp and tcp6): "127.0.0.1", or "0.0.0.0" and "::" for every interface.
 */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const addresses: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      // State 0A is LISTEN.
      if (!local?.endsWith(`:${hexPort}`) || state !== "0A") continue;
      const hex = local.slice(0, -5);
      if (hex.length === 8) addresses.push([3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join("."));
      else addresses.push(/^0+$/.test(hex) ? "::" : hex === "00000000000000000000000001000000" ? "::1" : `ipv6 ${hex}`);
    }
  }
  return addresses.sort();
}

/** The processes still running whose command line names the port. */
function processesOn(port: number): string[] {
  const ps = spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((l) => l.includes(`--port ${port}`) && !l.includes(" ps "));
}

describe("npm start", () => {
  it("builds into .dev/, never into public/, with the development policy, and the published policy is the layout's, byte for byte", async () => {
    const dir = layOutFixture("_base");
    cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
    const server = await startDevServer(dir);
    // This machine only: a draft policy is served to nobody else.
    expect(listeningAddresses(server.port)).toEqual(["127.0.0.1"]);
    const dev = readFileSync(path.join(dir, ".dev/security/index.html"), "utf8");
    expect(existsSync(path.join(dir, "public"))).toBe(false);
    const devPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(dev)?.[1];
    expect(devPolicy).toBe(developmentPolicy(STRICT_POLICY, { port: server.port, scriptHash: reloadClientHash() }));
    expect(devPolicy).toContain(`connect-src ws://localhost:${server.port} ws://127.0.0.1:${server.port};`);
    expect(devPolicy).not.toContain("unsafe-inline");
    expect((await server.signal("SIGTERM")).code).toBe(0);

    const published = await buildDir(dir);
    expect(published.ok).toBe(true);
    const page = readFileSync(path.join(published.output, "security/index.html"), "utf8");
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]).toBe(STRICT_POLICY);
    expect(page).not.toContain("dev-findings");
  });

  it("an advisory deleted, between sessions or during one, takes its CSAF document out of .dev/, rather than being reported as a copied one", async () => {
    const { dir, home } = siteWithAdvisories();
    try {
      cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
      // What an earlier session wrote: a document of an advisory deleted while the server was stopped.
      const earlier = path.join(dir, ".dev/.well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json");
      mkdirSync(path.dirname(earlier), { recursive: true });
      writeFileSync(earlier, "{}");
      const server = await startDevServer(dir);
      expect(existsSync(earlier), ".dev/ starts empty").toBe(false);
      const document = path.join(dir, ".dev/.well-known/csaf/white/2026/ghsa-w8qv-6jwh-64r5.json");
      expect(existsSync(document)).toBe(true);
      rmSync(path.join(dir, "content/advisories/GHSA-w8qv-6jwh-64r5.md"));
      // Eleventy notes a deletion without rebuilding; the next edit rebuilds.
      await waitFor("Eleventy to see the deletion", () => server.output().includes("File deleted"));
      const page = path.join(dir, "content/security.md");
      writeFileSync(page, `${readFileSync(page, "utf8")}\n`);
      await waitFor("the rebuild to take the deleted advisory's document away", () => !existsSync(document));
      await waitFor("the rebuild to write the folder's index without it", () => !readFileSync(path.join(dir, ".dev/.well-known/csaf/white/index.txt"), "utf8").includes("ghsa-w8qv"));
      expect(server.output()).not.toContain("[csaf-");
      expect(existsSync(path.join(dir, ".dev/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json"))).toBe(true);
      expect((await server.signal("SIGTERM")).code).toBe(0);
    } finally {
      spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
    }
  });

  it("listens where --host says, and refuses a host that is not an IP address", async () => {
    // Another loopback address, so the test serves nothing beyond this machine.
    const server = await startDevServer(layOutFixture("_base"), { args: ["--host", "127.0.0.2"] });
    expect(listeningAddresses(server.port)).toEqual(["127.0.0.2"]);
    expect(await listening(server.port, "127.0.0.2")).toBe(true);
    expect(await listening(server.port)).toBe(false);
    expect((await server.signal("SIGTERM")).code).toBe(0);

    const run = spawnSync(process.execPath, [BIN, "serve", "--host", "my laptop"], { cwd: layOutFixture("_base"), encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("--host my laptop is not an IP address: give the address to listen on, such as 127.0.0.1 (the default, this machine only) or 0.0.0.0 (every interface)");
  });

  it("refuses to build into public/", () => {
    const run = spawnSync(process.execPath, [BIN, "serve", "--output", "public"], { cwd: layOutFixture("_base"), encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("npm start builds into .dev/, never into public/: only npm run build writes public/, after every check passed\n");
  });

  it("a port in use is one clear line, and exit code 2", async () => {
    const port = await freePort();
    const taken = createServer().listen(port);
    try {
      const run = spawnSync("npm", ["start", "--silent", "--", "--port", String(port)], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`port ${port} is in use: stop what listens there, or choose another port with npm start -- --port ${port + 1}`);
    } finally {
      taken.close();
    }
  });

  it.each([
    ["SIGTERM to npm", "SIGTERM" as const, false],
    ["SIGINT to the terminal's process group (Ctrl-C)", "SIGINT" as const, true],
  ])("%s stops every process it started, each ending by itself; nothing is left listening or running", async (_, signal, group) => {
    const server = await startDevServer(ROOT, { npm: true });
    expect(await listening(server.port)).toBe(true);
    expect((await server.signal(signal, { group })).ended, `npm start did not end after ${signal}`).toBe(true);
    await waitFor("the last process to go", () => processesOn(server.port).length === 0, 10_000);
    expect(await listening(server.port)).toBe(false);
    expect(processesOn(server.port)).toEqual([]);
  });
});

describe("findings on the page, live", () => {
  let browser: Browser;

  beforeAll(async () => {
    const missing = missingChromium();
    if (missing) throw missing;
    browser = await chromium.launch({
      executablePath: CHROME,
      args: CHROME_FLAGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(port: number, scheme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`exception: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/security/`);
    // The live reload's websocket is open: the page will hear of the next rebuild.
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.includes("reload-client.js")));
    return { page, errors };
  }

  it("an edit that breaks the fingerprint brings the panel without a manual reload; the fix takes it away; no console error", async () => {
    const dir = layOutFixture("_base");
    cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
    const server = await startDevServer(dir);
    const { page, errors } = await open(server.port);
    expect(await page.locator(".dev-findings").count()).toBe(0);
    // Give the websocket a moment to connect before the edit.
    await page.waitForTimeout(500);

    const file = path.join(dir, "content/security.md");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("C5B5 3E91 [keys", "C5B5 3E92 [keys"));
    const panel = page.locator("#policy-findings");
    await panel.waitFor({ state: "visible", timeout: 20_000 });
    const text = (await panel.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("The last rebuild found 1 error, 0 warnings");
    expect(text).toMatch(/content\/security\.md:11:\d+ error fingerprint 7FC1 6F16 .* 3E92 is not the declared fingerprint of security@example\.org .* \[fingerprint-mismatch\]/);

    // The first Tab reaches the panel, which says what it is.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("policy-findings");
    expect(await panel.getAttribute("aria-labelledby")).toBe("policy-findings-title");

    writeFileSync(file, good);
    await panel.waitFor({ state: "detached", timeout: 20_000 });
    expect(await page.locator(".fingerprint-digits").first().innerText()).toBe(GROUPED);
    expect(errors).toEqual([]);
    await page.context().close();
    await server.signal("SIGTERM");
  });

  it("the panel reads in light and dark, and an Eleventy error shows there too", async () => {
    const dir = layOutFixture("_base");
    cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
    const server = await startDevServer(dir);
    const file = path.join(dir, "content/security.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("We answer within a day", "We answer {% if %} within a day"));
    await waitFor("the template error to be printed", () => server.output().includes("[template-error]"));
    for (const scheme of ["light", "dark"] as const) {
      const { page, errors } = await open(server.port, scheme);
      const panel = page.locator("#policy-findings");
      await panel.waitFor({ state: "visible", timeout: 10_000 });
      expect((await panel.innerText()).replace(/\s+/g, " ")).toMatch(/content\/security\.md:15:\d+ error the template cannot be rendered: .* \[template-error\]/);
      // Its text has the contrast WCAG AA asks of body text, in both schemes.
      const contrast = await panel.evaluate((el) => {
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const style = getComputedStyle(el);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return (a! + 0.05) / (b! + 0.05);
      });
      expect(contrast).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: path.join(ROOT, `screenshots/dev-findings-${scheme}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    }
    await server.signal("SIGTERM");
  });
});
