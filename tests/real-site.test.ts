import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanHtml } from "../src/formats/html-scan.ts";
import { buildDir, ROOT, WORK } from "./support/fixture-site.ts";

/** The real content/ as the README's build makes it, into a folder of the test's own. */
let html = "";
let findings: Array<{ rule: string; severity: string }> = [];

beforeAll(async () => {
  // The test's own folder, made here: run alone on a fresh clone, no other test has made one.
  mkdirSync(WORK, { recursive: true });
  const output = path.join(mkdtempSync(path.join(WORK, "real-")), "public");
  const build = await buildDir(ROOT, { output });
  expect(build.ok, build.lines.join("\n")).toBe(true);
  findings = build.findings;
  html = readFileSync(path.join(output, "security/index.html"), "utf8");
});

const text = () =>
  scanHtml(html)
    .texts.map((t) => t.text)
    .join(" ")
    .replace(/\s+/g, " ");

describe("the real policy page", () => {
  it("has the seed's title as its one h1, and its intro as the lead and the description", () => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>Security Policy<\/h1>/);
    const intro = "Ballerina project maintainers take security issues very seriously and all the vulnerability reports are treated with the highest priority and confidentiality.";
    expect(html).toContain(`<meta name="description" content="${intro}">`);
    expect(html).toMatch(new RegExp(`<p class="lead">${intro}</p>`));
    expect(html).toMatch(/<title>Security Policy · Ballerina<\/title>/);
    expect(html).toContain('<link rel="canonical" href="https://ballerina.io/security/">');
  });

  it("has the stable heading ids and their permalinks", () => {
    for (const id of ["reporting-a-vulnerability", "handling-a-vulnerability"]) {
      expect(html).toContain(`id="${id}"`);
      expect(html).toContain(`href="#${id}"`);
    }
  });

  it("shows the declared fingerprint and links to the declared address", () => {
    expect(text()).toContain("0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C381");
    expect(scanHtml(html).links.some((l) => l.href.startsWith("mailto:security@ballerina.io"))).toBe(true);
  });

  it("no longer has the seed's mojibake, mislabelled keyserver link or style blocks", () => {
    expect(html).not.toContain("â€™");
    expect(html).not.toMatch(/>pgp\.mit\.edu</);
    expect(html).not.toMatch(/<style[\s>]/);
  });

  it("builds with only the warning that Ballerina's key is not in the repository", () => {
    expect(findings).toMatchObject([{ rule: "fingerprint-unverified", severity: "warning" }]);
  });
});
