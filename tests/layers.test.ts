import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/fixture-site.ts";

/**
 * The layers of src/, lowest first. A file may import its own layer and those below it, never
 * one above: formats (parsers and printers) import nothing of ours but the domain types;
 * findings sit on formats; the rules on both; the site data, publishing, the Markdown
 * decoration, verify, the dev panel, the Eleventy plugins and the commands above them.
 */
const LAYERS = ["types.ts", "formats", "findings", "rules", "data", "publish", "markdown", "verify", "dev", "plugins", "build"] as const;

const SRC = path.join(ROOT, "src");

function layerOf(file: string): number {
  const top = path.relative(SRC, file).split(path.sep)[0]!;
  const rank = LAYERS.indexOf(top as (typeof LAYERS)[number]);
  if (rank < 0) throw new Error(`${path.relative(ROOT, file)} is in no layer: add its folder to LAYERS in tests/layers.test.ts`);
  return rank;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every relative import of a file, static, dynamic, type-only or re-exported, as the file it names. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gm),
    ...text.matchAll(/^\s*import\s+"(\.{1,2}\/[^"]+)"/gm),
    ...text.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) => path.resolve(path.dirname(file), s));
}

function graph(): Map<string, string[]> {
  return new Map(sources(SRC).map((file) => [file, importsOf(file, readFileSync(file, "utf8"))]));
}

const name = (file: string) => path.relative(ROOT, file);

/** Each import cycle once, as the files around it. */
export function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe("the layers of src/", () => {
  const edges = graph();

  it("every import names a file that exists", () => {
    const missing = [...edges].flatMap(([from, tos]) => tos.filter((to) => !existsSync(to)).map((to) => `${name(from)} imports ${name(to)}, which does not exist`));
    expect(missing).toEqual([]);
  });

  it("no file imports a layer above its own", () => {
    const upward = [...edges].flatMap(([from, tos]) =>
      tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${name(from)} imports ${name(to)}: ${LAYERS[layerOf(from)]} may not import ${LAYERS[layerOf(to)]}`),
    );
    expect(upward).toEqual([]);
  });

  it("formats import nothing of ours but formats and the domain types", () => {
    const formats = LAYERS.indexOf("formats");
    const outside = [...edges].filter(([from]) => layerOf(from) === formats).flatMap(([from, tos]) => tos.filter((to) => layerOf(to) > formats).map((to) => `${name(from)} imports ${name(to)}`));
    expect(outside).toEqual([]);
  });

  it("no import cycle, between files or folders", () => {
    expect(cycles(edges).map((cycle) => cycle.map(name).join(" -> "))).toEqual([]);
  });

  it("the checks themselves see a back-import and a cycle", () => {
    // The test of the test: a made-up graph with one of each.
    const a = path.join(SRC, "formats/a.ts");
    const b = path.join(SRC, "formats/b.ts");
    expect(cycles(new Map([[a, [b]], [b, [a]]])).map((c) => c.map(name))).toEqual([["src/formats/a.ts", "src/formats/b.ts", "src/formats/a.ts"]]);
    expect(layerOf(path.join(SRC, "rules/x.ts"))).toBeGreaterThan(layerOf(path.join(SRC, "findings/y.ts")));
    expect(importsOf(a, 'import type { X } from "../rules/x.ts";\nconst m = await import("./c.ts");\nexport { y } from "../findings/y.ts";')).toEqual([
      path.join(SRC, "rules/x.ts"),
      path.join(SRC, "findings/y.ts"),
      path.join(SRC, "formats/c.ts"),
    ]);
  });
});
