/**
 * The disclosure facts of the site data on the policy page: how fast a report is acknowledged,
 * the disclosure timeline, whether an account is needed, credit and safe harbour; and the same
 * values written into the policy's own Markdown, so that the prose and the data agree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDir, layOutFixture } from "./support/fixture-site.ts";

async function buildWith(disclosure: Record<string, unknown>, prose = "We answer within a day;") {
  const dir = layOutFixture("_base");
  const dataFile = path.join(dir, "content/_data/security.json");
  writeFileSync(dataFile, JSON.stringify({ ...(JSON.parse(readFileSync(dataFile, "utf8")) as object), disclosure }, null, 2));
  const page = path.join(dir, "content/security.md");
  writeFileSync(page, readFileSync(page, "utf8").replace("We answer within a day;", prose));
  const build = await buildDir(dir);
  return { build, html: build.ok ? readFileSync(path.join(build.output, "security/index.html"), "utf8") : "" };
}

/** The facts section's items and safe-harbour text, tags removed. */
function facts(html: string): { heading: string; items: string[]; safeHarbor?: string } {
  const section = /<section class="disclosure-facts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  const text = (s: string) => s.replace(/<[^>]+>/g, "").trim();
  const safe = /<h3 id="disclosure-safe-harbor">[^<]*<\/h3>\s*<p>([\s\S]*?)<\/p>/.exec(section)?.[1];
  return { heading: text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(section)?.[1] ?? ""), items: [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!)), ...(safe ? { safeHarbor: text(safe) } : {}) };
}

describe("the disclosure facts", () => {
  it("are shown on the policy page, and the Markdown writes the same numbers from the data", async () => {
    const { build, html } = await buildWith(
      { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true, safeHarbor: "We will not take legal action against research done in good faith." },
      "We answer within {{ policy.site.disclosure.acknowledgeDays }} days and publish within {{ policy.site.disclosure.disclosureDays }};",
    );
    expect(build.findings).toEqual([]);
    expect(facts(html)).toEqual({
      heading: "How a report is handled",
      items: [
        "A report is acknowledged within 3 days.",
        "A fixed vulnerability is disclosed within 90 days of the report.",
        "Reporting needs no account: an email is enough.",
        "Reporters are credited in the advisory, by the name they choose, unless they ask not to be.",
      ],
      safeHarbor: "We will not take legal action against research done in good faith.",
    });
    expect(html).toContain("We answer within 3 days and publish within 90;");
  });

  it("say one day in the singular, an account where one is needed, no credit where none is given, and no safe harbour unless stated", async () => {
    const { html } = await buildWith({ acknowledgeDays: 1, disclosureDays: 30, accountRequired: true, credit: false });
    expect(facts(html)).toEqual({
      heading: "How a report is handled",
      items: ["A report is acknowledged within 1 day.", "A fixed vulnerability is disclosed within 30 days of the report.", "Reporting needs an account.", "Advisories do not name reporters."],
    });
  });

  it("a site whose data states none shows no section", async () => {
    const dir = layOutFixture("_base");
    const build = await buildDir(dir);
    expect(readFileSync(path.join(build.output, "security/index.html"), "utf8")).not.toContain("disclosure-facts");
  });
});
