import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterEach, describe, expect, it } from "vitest";
import { CompiledTemplates, compileKey, isKeepable, keepCompiledTemplates, type CompileInput, type NunjucksCompiler } from "../src/build/compiled-templates.ts";

const dirs: string[] = [];
function storeFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "compiled-templates-"));
  dirs.push(dir);
  return path.join(dir, ".cache", "templates.json");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const input = (source: string, more: Partial<CompileInput> = {}): CompileInput => ({ source, name: "layouts/base.njk", asyncFilters: [], preprocesses: false, options: { autoescape: true }, ...more });

/** An environment whose compiles go through `store`, and a way to render a string with it. */
function environment(store: CompiledTemplates, setUp: (env: nunjucks.Environment) => void = () => {}) {
  const env = new nunjucks.Environment(null, { autoescape: true });
  setUp(env);
  keepCompiledTemplates((nunjucks as unknown as { compiler: NunjucksCompiler }).compiler, (env as unknown as { opts: object }).opts, store, "test");
  return (source: string, data: object = {}) => new nunjucks.Template(source, env, "page.njk").render(data);
}

describe("which templates are kept", () => {
  it("a template whose tags are all Nunjucks' own is kept", () => {
    expect(isKeepable(input('{% if x %}{{ x | upper }}{% elif y %}{% else %}{%- endif -%}{% for a in b %}{% endfor %}{% include "a.njk" %}{# note #}'))).toBe(true);
  });

  it("a template with a custom tag (a shortcode) is not, nor one with custom delimiters or a preprocessing extension", () => {
    expect(isKeepable(input("{% if x %}{% image 'a.png' %}{% endif %}"))).toBe(false);
    expect(isKeepable(input("{%- endcss %}"))).toBe(false);
    expect(isKeepable(input("{{ x }}", { options: { tags: { variableStart: "<$" } } }))).toBe(false);
    expect(isKeepable(input("{{ x }}", { preprocesses: true }))).toBe(false);
  });

  it("the key changes with each thing the compiler reads", () => {
    const base = compileKey(input("{{ x }}"), "3.2.4");
    expect(compileKey(input("{{ x }}"), "3.2.4")).toBe(base);
    expect(compileKey(input("{{ y }}"), "3.2.4")).not.toBe(base);
    expect(compileKey(input("{{ x }}"), "3.2.5")).not.toBe(base);
    expect(compileKey(input("{{ x }}", { name: "layouts/other.njk" }), "3.2.4")).not.toBe(base);
    expect(compileKey(input("{{ x }}", { asyncFilters: ["x"] }), "3.2.4")).not.toBe(base);
    expect(compileKey(input("{{ x }}", { options: { autoescape: false } }), "3.2.4")).not.toBe(base);
    expect(compileKey(input("{{ x }}", { options: { autoescape: true, throwOnUndefined: true } }), "3.2.4")).not.toBe(base);
  });
});

describe("compiled templates kept from one build to the next", () => {
  it("a later environment renders a kept template from the file, not from a fresh compile", () => {
    const file = storeFile();
    expect(environment(new CompiledTemplates(file))("<p>{{ who }}</p>", { who: "<b>" })).toBe("<p>&lt;b&gt;</p>");
    expect(existsSync(file)).toBe(true);
    // Change what was kept: the next build's output can only come from the file.
    writeFileSync(file, readFileSync(file, "utf8").replace("<p>", "<div>"));
    expect(environment(new CompiledTemplates(file))("<p>{{ who }}</p>", { who: "x" })).toBe("<div>x</p>");
  });

  it("a changed template is compiled afresh, and both are kept", () => {
    const file = storeFile();
    expect(environment(new CompiledTemplates(file))("<p>{{ who }}</p>", { who: "a" })).toBe("<p>a</p>");
    expect(environment(new CompiledTemplates(file))("<p>{{ who }}!</p>", { who: "a" })).toBe("<p>a!</p>");
    expect(new CompiledTemplates(file).size).toBe(2);
  });

  it("a template with a shortcode's tag is compiled every time and never kept", () => {
    const file = storeFile();
    const store = new CompiledTemplates(file);
    const shout = (env: nunjucks.Environment) =>
      env.addExtension("shout", {
        tags: ["shout"],
        parse(parser: { nextToken(): { value: string }; parseSignature(a: null, b: boolean): unknown; advanceAfterBlockEnd(v: string): void }, nodes: { CallExtension: new (ext: object, prop: string, args: unknown) => unknown }) {
          const token = parser.nextToken();
          const args = parser.parseSignature(null, true);
          parser.advanceAfterBlockEnd(token.value);
          return new nodes.CallExtension(this, "run", args);
        },
        // Nunjucks calls the method the parsed node names; its types list only tags and parse.
        ...{ run: (_context: unknown, word: string) => word.toUpperCase() },
      });
    expect(environment(store, shout)("{% shout 'hi' %}")).toBe("HI");
    expect(store.size).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it("a template Nunjucks cannot compile fails with Nunjucks' own error, and nothing is kept", () => {
    const file = storeFile();
    const store = new CompiledTemplates(file);
    expect(() => environment(store)("{% if x %}never closed")).toThrow(/expected elif, else, or endif/);
    expect(store.size).toBe(0);
  });

  it("an environment that was not given a store compiles as before", () => {
    const file = storeFile();
    environment(new CompiledTemplates(file))("<p>{{ a }}</p>");
    const other = new nunjucks.Environment(null, { autoescape: true });
    expect(new nunjucks.Template("<i>{{ a }}</i>", other, "other.njk").render({ a: 1 })).toBe("<i>1</i>");
    expect(new CompiledTemplates(file).size).toBe(1);
  });

  it("a file cut short, or from another version, is started afresh", () => {
    const file = storeFile();
    environment(new CompiledTemplates(file))("<p>{{ a }}</p>");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 40));
    expect(new CompiledTemplates(file).size).toBe(0);
    expect(environment(new CompiledTemplates(file))("<p>{{ a }}</p>", { a: 2 })).toBe("<p>2</p>");
    writeFileSync(file, JSON.stringify({ format: 0, templates: { k: "return {}" } }));
    expect(new CompiledTemplates(file).size).toBe(0);
  });
});
