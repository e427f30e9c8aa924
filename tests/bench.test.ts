import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readChildResult } from "../bench/child-result.ts";
import { measureDevServer } from "../bench/dev-server.ts";
import { measureAgainstBare } from "../bench/against-bare.ts";
import { keyedRealSite, measureReportWeights, total } from "../bench/report-weight.ts";
import { measureVerify } from "../bench/verify.ts";
import { generateSite } from "../bench/site.ts";
import { median, pairedRatio } from "../bench/stats.ts";
import { linkedResources, pageWeight } from "../bench/weight.ts";
import { buildDir, ROOT, WORK } from "./support/fixture-site.ts";
import { shippedSite } from "./support/shipped-site.ts";

/** The languages of the site in content/, whatever it holds. */
const shipped = shippedSite();

/** The bench's sites and their build, not timed: what `npm run bench` measures must be a clean, checked build. */

const KEYS = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/keys/keys.json"), "utf8")) as Record<string, { fingerprint: { hex: string } }>;
const HEX = KEYS["ed25519.asc"]!.fingerprint.hex;

function freshDir(name: string): string {
  mkdirSync(WORK, { recursive: true });
  return mkdtempSync(path.join(WORK, `${name}-`));
}

/** Runs a build with the page checks on or off, as the bench's runs do. */
async function buildWithChecks(dir: string, checks: "on" | "off") {
  return await buildDir(dir, { checkPages: checks === "on" });
}

describe("the bench's synthetic sites", () => {
  it("a three-page site builds with the checks on and no findings at all", async () => {
    const site = generateSite(freshDir("bench-site"), 3);
    const build = await buildWithChecks(site.dir, "on");
    expect(build.lines.filter((l) => /: (error|warning): /.test(l))).toEqual([]);
    expect(build.ok).toBe(true);

    const pages = ["security/index.html", "security/part-0002/index.html", "security/part-0003/index.html"];
    expect(readdirSync(path.join(build.output, "security")).filter((f) => f.startsWith("part-"))).toEqual(["part-0002", "part-0003"]);
    for (const page of pages) {
      const html = readFileSync(path.join(build.output, page), "utf8");
      // Each page is like the real one: the fingerprint, its keyserver link, several mailto links, headings and the template list.
      expect(html).toContain(site.grouped.replace("  ", " "));
      expect(html).toContain(`href="https://keys.openpgp.org/vks/v1/by-fingerprint/${HEX}"`);
      expect(html.match(/href="mailto:security@example\.org/g)?.length).toBeGreaterThanOrEqual(4);
      expect(html).toContain('id="reporting-a-vulnerability"');
      expect(html).toMatch(/<li>\s*<strong>Impact:<\/strong>/);
    }
  });

  it("with the checks off a page the checks would reject still builds, so the off runs really skip the checks", async () => {
    const site = generateSite(freshDir("bench-off"), 2);
    const page = path.join(site.input, "part-0002.md");
    // One digit of the shown fingerprint changed: fingerprint-mismatch when the checks run.
    writeFileSync(page, readFileSync(page, "utf8").replace(`${site.grouped.slice(0, 4)} `, `${site.grouped.slice(0, 3)}0 `));

    const on = await buildWithChecks(site.dir, "on");
    expect(on.ok).toBe(false);
    expect(on.findings.map((f) => f.rule)).toContain("fingerprint-mismatch");

    const off = await buildWithChecks(site.dir, "off");
    expect(off.findings).toEqual([]);
    expect(off.ok).toBe(true);
  });

  it("the build child reports one key parse for a site with one key, counted through the module hooks", async () => {
    const site = generateSite(freshDir("bench-child"), 2);
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/build-child.ts"), "on", site.dir], { cwd: ROOT });
    const result = readChildResult(stdout);
    expect(result?.ok, stdout).toBe(true);
    expect(result?.counts).toEqual({ inspectKey: 1, "openpgp.readKeys": 1 });
  });
});

describe("the bench's arithmetic", () => {
  it("the median of an odd count is the middle value, of an even count the mean of the middle two", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/run at least once/);
  });

  it("a paired ratio is the median of the ratios of each pair, not the ratio of the medians", () => {
    // Ratios 1.1, 1.2, 3.0: a single disturbed pair does not move the result.
    expect(pairedRatio([110, 240, 300], [100, 200, 100])).toBeCloseTo(1.2, 10);
    expect(() => pairedRatio([1, 2], [1])).toThrow(/pairs/);
  });

  it("the child's report is read from the last marked line, whatever the build printed before it", () => {
    const report = { ok: true, ms: 12, cpuMs: 10, maxRssKiB: 1, counts: {}, lines: [] };
    expect(readChildResult(`notice: something\nbench-result {"ok":false}\nbench-result ${JSON.stringify(report)}\n`)).toEqual(report);
    expect(readChildResult("the child crashed\n")).toBeUndefined();
  });
});

describe("page weight", () => {
  it("counts the page and the stylesheets and scripts it loads, each gzipped alone, and lists the icon apart", () => {
    const out = freshDir("bench-weight");
    mkdirSync(path.join(out, "security"), { recursive: true });
    mkdirSync(path.join(out, "assets"), { recursive: true });
    const html = '<!doctype html><link rel="icon" href="/assets/i.svg"><link rel="stylesheet" href="/assets/s.css"><script type="module" src="/assets/a.js"></script><p>hi</p>';
    writeFileSync(path.join(out, "security/index.html"), html);
    writeFileSync(path.join(out, "assets/s.css"), "p { color: red }\n".repeat(100));
    writeFileSync(path.join(out, "assets/a.js"), "console.log(1);\n");
    writeFileSync(path.join(out, "assets/i.svg"), "<svg/>");

    const weight = pageWeight(out, "/security/");
    expect(weight.resources.map((r) => [r.url, r.kind])).toEqual([
      ["/security/", "html"],
      ["/assets/i.svg", "icon"],
      ["/assets/s.css", "css"],
      ["/assets/a.js", "js"],
    ]);
    expect(weight.raw).toBe(html.length + 1700 + 16);
    const css = weight.resources.find((r) => r.kind === "css")!;
    expect(css.gzip).toBeLessThan(css.raw);
    expect(weight.gzip).toBe(weight.resources.filter((r) => r.kind !== "icon").reduce((n, r) => n + r.gzip, 0));
  });

  it("a page that loads a file the build lacks, or another site's file, is an error naming it", () => {
    const out = freshDir("bench-weight-missing");
    mkdirSync(path.join(out, "security"), { recursive: true });
    writeFileSync(path.join(out, "security/index.html"), '<link rel="stylesheet" href="/assets/gone.css">');
    expect(() => pageWeight(out, "/security/")).toThrow(/loads \/assets\/gone\.css, but .* is missing/);
    writeFileSync(path.join(out, "security/index.html"), '<script src="https://cdn.example/x.js"></script>');
    expect(() => pageWeight(out, "/security/")).toThrow(/not a file of the site/);
  });

  it("a preloaded script is counted once", () => {
    expect(linkedResources('<link rel="modulepreload" href="/a.js"><script type="module" src="/a.js"></script>')).toEqual([{ url: "/a.js", kind: "js" }]);
  });
});

describe("the dev server's feedback", () => {
  it("is timed from the write to the finding the server prints, and to the reload signal its websocket sends", async () => {
    const timings = await measureDevServer(2, freshDir("bench-dev"));
    expect(timings.findingsMs).toHaveLength(2);
    expect(timings.reloadMs).toHaveLength(2);
  });
});

describe("the verify bench", () => {
  it("times npm run verify against nginx and sks on 127.0.0.1, having asked every source of the real site", async () => {
    const timings = await measureVerify(1, freshDir("bench-verify"));
    expect(timings.ms).toHaveLength(1);
    // security.txt, the policy page, and the keyservers the page links to and keys.openpgp.org.
    expect(timings.sources).toBeGreaterThanOrEqual(4);
    // Verify ran to its end and gave its verdict (0, 1 or 2), rather than being killed.
    expect([0, 1, 2]).toContain(timings.code);
  });
});


describe("the report page's weight", () => {
  it("the real site with a test key builds with no finding, and has a report page the policy links to", async () => {
    const dir = freshDir("bench-keyed");
    keyedRealSite(dir);
    const build = await buildDir(dir);
    expect(build.lines.filter((l) => /: (error|warning): /.test(l))).toEqual([]);
    expect(build.ok).toBe(true);
    expect(readFileSync(path.join(build.output, "security/index.html"), "utf8")).toContain('href="/security/report/"');
    for (const policy of shipped.policies.slice(1)) {
      expect(readFileSync(path.join(build.output, policy.url, "report/index.html"), "utf8")).toContain(`lang="${policy.lang}"`);
    }
  });

  it("is measured in Chromium: both pages and what Encrypt loads, all from the site itself", async () => {
    const weights = await measureReportWeights(freshDir("bench-report"));
    expect(weights.elsewhere).toEqual([]);
    expect(weights.policy.map((f) => f.path)).toContain("/security/");
    expect(weights.reportBefore.map((f) => f.path)).toEqual(expect.arrayContaining(["/security/report/", "/assets/report.js"]));
    expect([...weights.policy, ...weights.reportBefore].filter((f) => f.path.startsWith("/assets/openpgp/"))).toEqual([]);
    expect(weights.encrypt.map((f) => f.path)).toContain("/assets/openpgp/openpgp.min.mjs");
    for (const f of [...weights.policy, ...weights.reportBefore, ...weights.encrypt]) expect(f.gzip, f.path).toBeLessThan(f.raw + 100);
    expect(total(weights.encrypt, "gzip")).toBeGreaterThan(total(weights.reportBefore, "gzip"));
  }, 120_000);
});

describe("the bare build the cold build is compared with", () => {
  it("builds the real content's pages with its plain JavaScript config, so that the comparison is measured at all", async () => {
    const output = path.join(freshDir("bench-bare"), "public");
    const eleventyCli = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
    const run = await promisify(execFile)(process.execPath, [eleventyCli, "--config=bench/bare.eleventy.mjs", "--input=content", `--output=${output}`, "--quiet"], { cwd: ROOT });
    expect(run.stderr).toBe("");
    for (const page of ["index.html", ...shipped.policies.map((p) => `${p.url.replace(/^\//, "")}index.html`)]) expect(readFileSync(path.join(output, page), "utf8"), page).toContain("<main>");
  });
});

describe("the comparison with bare Eleventy", () => {
  it("runs npm run build and npm run build:bare on the same content, in alternating pairs, each into its own empty folder", async () => {
    const tmp = freshDir("bench-against-bare");
    const said: string[] = [];
    const result = await measureAgainstBare("the real site", 1, path.join(ROOT, "content"), 1, tmp, (line) => said.push(line));
    expect(result.failure).toBeUndefined();
    expect(result.full).toHaveLength(1);
    expect(result.bare).toHaveLength(1);
    expect(said).toEqual(["the real site against bare Eleventy: pair 1 of 1"]);
    // Each wrote its own site: the checked one publishes security.txt, the bare one does not.
    expect(readdirSync(path.join(tmp, "against-bare-1-full", "public"))).toContain(".well-known");
    expect(readdirSync(path.join(tmp, "against-bare-1-bare", "public"))).not.toContain(".well-known");
  }, 120_000);
});
