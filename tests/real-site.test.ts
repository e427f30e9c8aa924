import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanHtml } from "../src/formats/html-scan.ts";
import { buildDir, WORK } from "./support/fixture-site.ts";
import { shippedSite } from "./support/shipped-site.ts";

/** The site in content/ (whatever it holds) as the README's build makes it, into a folder of the test's own. */
const site = shippedSite();
const policy = site.policies[0]!;
let html = "";
let findings: Array<{ rule: string; severity: string; file: string }> = [];

beforeAll(async () => {
  // The test's own folder, made here: run alone on a fresh clone, no other test has made one.
  mkdirSync(WORK, { recursive: true });
  const output = path.join(mkdtempSync(path.join(WORK, "real-")), "public");
  const build = await buildDir(site.dir, { output });
  expect(build.ok, build.lines.join("\n")).toBe(true);
  findings = build.findings;
  html = readFileSync(path.join(output, policy.url.replace(/^\//, ""), "index.html"), "utf8");
});

const text = () =>
  scanHtml(html)
    .texts.map((t) => t.text)
    .join(" ")
    .replace(/\s+/g, " ");

/** Text as the layouts write it into HTML: the five characters escaped. */
const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe(`the policy page (${policy.file})`, () => {
  it("has its title as its one h1, and its intro as the lead and the description", () => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain(`>${escaped(policy.title)}</h1>`);
    if (policy.intro) {
      expect(html).toContain(`<meta name="description" content="${escaped(policy.intro)}">`);
      expect(html).toContain(`<p class="lead">${escaped(policy.intro)}</p>`);
    }
    expect(html).toContain(`<title>${escaped(policy.title)} · ${escaped(site.name)}</title>`);
    expect(html).toContain(`<link rel="canonical" href="${site.url}${policy.url}">`);
  });

  it("gives each section heading of the Markdown an id and a permalink to it", () => {
    for (const heading of policy.headings) {
      const id = new RegExp(`<h2 id="([^"]+)">${escaped(heading).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</h2>`).exec(html)?.[1];
      expect(id, `the heading "${heading}" of ${policy.file} has no id`).toBeDefined();
      expect(html).toContain(`href="#${id}"`);
    }
  });

  it("shows every contact's fingerprint and links to every contact's address", () => {
    const links = scanHtml(html).links;
    for (const contact of site.contacts) {
      expect(text()).toContain(contact.grouped);
      expect(links.some((l) => l.href.startsWith(`mailto:${contact.email}`)), contact.email).toBe(true);
    }
  });

  it("has no mojibake and no style block", () => {
    expect(html).not.toMatch(/â€[™œ“”˜]|Ã[©¨¡³]/);
    expect(html).not.toMatch(/<style[\s>]/);
  });

  it("builds with no error, and warns only of the contacts whose key is not in content/keys/", () => {
    const unverified = site.contacts.filter((c) => !c.hasKey);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual(unverified.map(() => "fingerprint-unverified"));
  });
});
