/**
 * The EU Cyber Resilience Act page as a site adds it (the page file from tests/fixtures/site-pages/,
 * the layout layouts/cra.njk): each item of user information with links to where the site
 * states it, and a warning for each the data does not supply. A site without the page gets none.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteWithAdvisories } from "./support/advisory-site.ts";
import { buildDir, layOutFixture, ROOT } from "./support/fixture-site.ts";

const PAGES = path.join(ROOT, "tests/fixtures/site-pages/en/security");

async function site(change: (data: Record<string, unknown> & { products: Array<Record<string, unknown>> }) => void) {
  const dir = layOutFixture("_base");
  for (const file of ["cra.njk", "advisories.njk"]) cpSync(path.join(PAGES, file), path.join(dir, "content/security", file));
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown> & { products: Array<Record<string, unknown>> };
  change(data);
  writeFileSync(dataFile, `${JSON.stringify(data, null, 2)}\n`);
  const build = await buildDir(dir);
  const html = readFileSync(path.join(build.output, "security/cra/index.html"), "utf8");
  const rows = [...html.matchAll(/<tr( class="cra-missing")?>\s*<th scope="row">([^<]*)<\/th>\s*<td>([^<]*)<\/td>\s*<td>([\s\S]*?)<\/td>\s*<\/tr>/g)].map((m) => [m[2], m[3], m[4]!.replace(/\s+/g, " ").trim(), m[1] ? "missing" : "stated"]);
  return { build, html, rows };
}

describe("the Cyber Resilience Act page", () => {
  it("links each item to where the site states it, and warns of nothing, when the data supplies every one", async () => {
    const { build, rows, html } = await site((data) => {
      data.products[0]!.releases = [{ version: "2.1.0", released: "2026-03-01", supportedUntil: "2031-03", sbom: "https://example.org/sbom/2.1.0.cdx.json" }];
      data.disclosure = { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true };
    });
    expect(build.findings).toEqual([]);
    expect(rows).toEqual([
      ["Who makes the product, and how to reach them", "Annex II (1)", '<a href="/security/">Security policy</a> · <a href="/.well-known/security.txt">security.txt</a>', "stated"],
      ["Where to report a vulnerability", "Annex II (2); Annex I, Part II (6)", '<a href="/security/">Security policy</a> · <a href="/.well-known/security.txt">security.txt</a>', "stated"],
      ["The coordinated vulnerability disclosure policy", "Annex II (2); Annex I, Part II (5)", '<a href="/security/#disclosure-facts">How a report is handled</a>', "stated"],
      ["The support period, and when it ends", "Art. 13(8) and (19); Annex II (7)", '<a href="/security/#support-periods">Supported versions</a>', "stated"],
      ["Where the software bill of materials is", "Annex II (9)", '<a href="https://example.org/sbom/2.1.0.cdx.json" rel="noopener noreferrer">Example Options 2.1.0</a>', "stated"],
      // No advisory yet: the list, but no OSV index, which is written once there is a record.
      ["The vulnerabilities fixed, with their impact, severity and remedy", "Annex I, Part II (4)", '<a href="/security/advisories/">Security advisories</a>', "stated"],
    ]);
    expect(existsSync(path.join(build.output, "security/advisories/all.json"))).toBe(false);
    // Every link within the site leads to a page or file the build wrote, or to a section of the policy page that exists.
    const policy = readFileSync(path.join(build.output, "security/index.html"), "utf8");
    for (const id of ["disclosure-facts", "support-periods"]) expect(policy).toContain(`id="${id}"`);
    expect(policy).toContain('<p class="cra-link"><a href="/security/cra/">');
    expect(html).toContain("<h1>EU Cyber Resilience Act</h1>");
  });

  it("shows an item the data does not supply as not stated yet, with a warning naming the field", async () => {
    const { build, rows } = await site(() => {});
    expect(rows.filter((r) => r[3] === "missing").map((r) => [r[0], r[2]])).toEqual([
      ["The coordinated vulnerability disclosure policy", "Not stated yet"],
      ["The support period, and when it ends", "Not stated yet"],
      ["Where the software bill of materials is", "Not stated yet"],
    ]);
    expect(build.ok).toBe(true);
    expect(build.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.message])).toEqual([
      ["cra-information-missing", "warning", "content/_data/security.json", 12, 'the Cyber Resilience Act page states no coordinated vulnerability disclosure policy (Annex II (2); Annex I, Part II (5)): add "disclosure" to the site data'],
      [
        "cra-information-missing",
        "warning",
        "content/_data/security.json",
        12,
        'the Cyber Resilience Act page states no support period and its end date (Art. 13(8) and (19); Annex II (7)): add "releases", with "supportedUntil", for each of "products" to the site data',
      ],
      ["cra-information-missing", "warning", "content/_data/security.json", 12, 'the Cyber Resilience Act page states no place of the software bill of materials (Annex II (9)): add "sbom" in the releases of "products" to the site data'],
    ]);
  });

  it("with advisories published, links their OSV index too", async () => {
    const { dir, home } = siteWithAdvisories();
    try {
      cpSync(path.join(PAGES, "cra.njk"), path.join(dir, "content/security/cra.njk"));
      const build = await buildDir(dir);
      const html = readFileSync(path.join(build.output, "security/cra/index.html"), "utf8");
      expect(html).toContain('<a href="/security/advisories/">Security advisories</a> · <a href="/security/advisories/all.json">OSV records</a>');
      expect(existsSync(path.join(build.output, "security/advisories/all.json"))).toBe(true);
    } finally {
      spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
    }
  });

  it("a site without the page gets no warning, and its policy page no link to one", async () => {
    const dir = layOutFixture("_base");
    const build = await buildDir(dir);
    expect(build.findings).toEqual([]);
    expect(readFileSync(path.join(build.output, "security/index.html"), "utf8")).not.toContain("cra-link");
  });
});
