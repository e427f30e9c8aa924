/**
 * `npm run security-insights`: the project's security-insights.yml written from a made-up
 * project's site data, validated against Security Insights 2.1.0's header and project
 * definitions, which accept the specification's own templates and refuse what they must.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { securityInsightsCommand } from "../src/build/security-md-command.ts";
import { layOutFixture, ROOT } from "./support/fixture-site.ts";
import { runWritten } from "./support/written-command.ts";
import { validateSecurityInsights } from "./support/security-insights-schema.ts";
import { cueDefinitions } from "./support/cue-definitions.ts";

interface JsonDefinition {
  additionalProperties?: boolean;
  required?: string[];
  properties?: Record<string, unknown>;
}

const SPECS = path.join(ROOT, "tests/fixtures/specs");

function project(change: (data: Record<string, unknown> & { products: Array<Record<string, unknown>> }) => void = () => {}): string {
  const dir = layOutFixture("_base");
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown> & { products: Array<Record<string, unknown>> };
  data.reviewed = "2026-11-20";
  data.administrators = [{ name: "Alice Example", email: "alice@example.org", affiliation: "Example Inc." }, { name: "Bob Example" }];
  data.products[0]!.releases = [{ version: "3.0.0", released: "2026-09-01", supportedUntil: "2031-09" }];
  data.disclosure = { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true, bugBounty: "https://example.org/bounty/" };
  change(data);
  writeFileSync(dataFile, `${JSON.stringify(data, null, 2)}\n`);
  return dir;
}

const run = (cwd: string, ...args: string[]) => runWritten(securityInsightsCommand, cwd, ...args);

describe("the Security Insights schema the tests hold the file to", () => {
  it("accepts the specification's own minimum and full templates", () => {
    for (const file of ["security-insights-template-minimum.yml", "security-insights-template-full.yml"]) {
      expect(validateSecurityInsights(parse(readFileSync(path.join(SPECS, file), "utf8"))), `${file}: ${JSON.stringify(validateSecurityInsights.errors)}`).toBe(true);
    }
  });

  it("refuses a project without administrators, a contact without a name, a field it does not define, and a header without its date", () => {
    const minimum = parse(readFileSync(path.join(SPECS, "security-insights-template-minimum.yml"), "utf8")) as { header: Record<string, unknown>; project: Record<string, unknown> & { administrators: Array<Record<string, unknown>> } };
    const variants = [
      { ...minimum, project: { ...minimum.project, administrators: [] } },
      { ...minimum, project: { ...minimum.project, administrators: [{ primary: true }] } },
      { ...minimum, project: { ...minimum.project, mascot: "a fox" } },
      { ...minimum, header: { ...minimum.header, "last-updated": "1 March 2025" } },
    ];
    for (const v of variants) expect(validateSecurityInsights(v), JSON.stringify(v).slice(0, 200)).toBe(false);
  });
});

describe("the translation, held to the published schema.cue", () => {
  const cue = cueDefinitions(readFileSync(path.join(SPECS, "security-insights-2.1.0-schema.cue"), "utf8"));
  const json = JSON.parse(readFileSync(path.join(SPECS, "security-insights-2.1.0-project.schema.json"), "utf8")) as { required: string[]; properties: Record<string, unknown>; $defs: Record<string, JsonDefinition> };

  /** What a CUE type becomes in the translation: a reference to the definition of the same name, a list of them, or a JSON type. */
  function translated(type: string): unknown {
    const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
    if (type === "string") return { type: "string" };
    if (type === "bool") return { type: "boolean" };
    if (/^#\w+$/.test(type)) return ref(type.slice(1));
    const atLeastOne = /^\[#(\w+), \.\.\.\]$/.exec(type);
    if (atLeastOne) return { type: "array", minItems: 1, items: ref(atLeastOne[1]!) };
    const any = /^\[\.\.\.(#?\w+)\]$/.exec(type);
    if (any) return { type: "array", items: translated(any[1]!) };
    throw new Error(`schema.cue's type ${type} has no translation here: write one`);
  }

  it("has every header and project definition the CUE has, field for field, with the same optional fields and types", () => {
    const names = Object.keys(json.$defs);
    expect(names.filter((n) => !cue.has(n)), "definitions the CUE does not have").toEqual([]);
    for (const name of names) {
      const definition = cue.get(name)!;
      const translation = json.$defs[name]!;
      if (definition.kind === "regexp") expect(translation, name).toEqual({ type: "string", pattern: definition.pattern });
      else if (definition.kind === "time") expect([name, definition.layout, translation]).toEqual(["Date", "2006-01-02", { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", format: "date" }]);
      else if (definition.kind === "struct") {
        expect(translation.additionalProperties, `${name} is closed, as a CUE definition is`).toBe(false);
        expect(Object.keys(translation.properties ?? {}).sort(), name).toEqual(definition.fields.map((f) => f.name).sort());
        expect([...(translation.required ?? [])].sort(), `${name}: its required fields`).toEqual(definition.fields.filter((f) => !f.optional).map((f) => f.name).sort());
        for (const field of definition.fields) expect(translation.properties![field.name], `${name}.${field.name}: ${field.type}`).toEqual(translated(field.type));
      } else throw new Error(`${name}: ${definition.text} is not translated`);
    }
  });

  it("covers every definition the header and the project use, and the document's top level as #SecurityInsights has it", () => {
    const used = new Set<string>();
    const walk = (name: string) => {
      if (used.has(name)) return;
      used.add(name);
      const definition = cue.get(name);
      if (definition?.kind === "struct") for (const f of definition.fields) for (const ref of f.type.matchAll(/#(\w+)/g)) walk(ref[1]!);
    };
    walk("Header");
    walk("Project");
    expect([...used].sort()).toEqual(Object.keys(json.$defs).sort());
    const top = cue.get("SecurityInsights");
    expect(top?.kind === "struct" ? top.fields.map((f) => `${f.name}${f.optional ? "?" : ""}`) : top).toEqual(["header", "project?", "repository?"]);
    expect(json.required).toEqual(["header"]);
    expect(Object.keys(json.properties)).toEqual(["header", "project", "repository"]);
  });
});

describe("npm run security-insights", () => {
  it("writes the header and project from the data, valid against Security Insights 2.1.0", async () => {
    const dir = project();
    expect(await run(dir)).toEqual({ code: 0, stdout: "Wrote security-insights.yml from content/_data/security.json.\n", stderr: "" });
    const text = readFileSync(path.join(dir, "security-insights.yml"), "utf8");
    // Days in quotes, as the specification's templates write them.
    expect(text).toContain("last-reviewed: '2026-11-20'");
    const written = parse(text) as Record<string, unknown>;
    expect(validateSecurityInsights(written), JSON.stringify(validateSecurityInsights.errors)).toBe(true);
    expect(written).toEqual({
      header: {
        "schema-version": "2.1.0",
        "last-updated": "2026-11-20",
        "last-reviewed": "2026-11-20",
        url: "https://example.org",
        comment: "Written by npm run security-insights from the site data: change the data and run it again, rather than editing this file.",
      },
      project: {
        name: "Example",
        homepage: "https://example.org",
        administrators: [
          { name: "Alice Example", primary: true, affiliation: "Example Inc.", email: "alice@example.org" },
          { name: "Bob Example", primary: false },
        ],
        repositories: [{ name: "Example Options", url: "https://github.com/example/options", comment: "The source of Example Options." }],
        "vulnerability-reporting": {
          "reports-accepted": true,
          "bug-bounty-available": true,
          "bug-bounty-program": "https://example.org/bounty/",
          contact: { name: "Example security team", primary: true, email: "security@example.org" },
          "security-policy": "https://example.org/security/",
          "pgp-key": "https://example.org/security/keys/security@example.org.asc",
          comment: "A report is acknowledged within 3 days; a fixed vulnerability is disclosed within 90 days of the report. Reporting needs no account.",
        },
        documentation: { "support-policy": "https://example.org/security/#support-periods" },
      },
    });
  });

  it("without administrators writes nothing, and names what to add", async () => {
    const dir = project((data) => {
      delete data.administrators;
    });
    expect(await run(dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: "security-insights: security-insights.yml needs what content/_data/security.json does not say: add \"administrators\": the people with administrative access to the project's resources\n",
    });
  });

  it("--check exits 1 once the data changed", async () => {
    const dir = project();
    await run(dir);
    expect((await run(dir, "--check")).code).toBe(0);
    const dataFile = path.join(dir, "content/_data/security.json");
    writeFileSync(dataFile, readFileSync(dataFile, "utf8").replace('"name": "Bob Example"', '"name": "Carol Example"'));
    expect(await run(dir, "--check")).toMatchObject({ code: 1, stderr: expect.stringMatching(/^security-insights: security-insights\.yml differs from what npm run security-insights writes, from line \d+: run it and commit the result\n$/) });
  });
});
