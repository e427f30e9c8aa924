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

/** One build: renders `source` with a store of `file`, then saves it, as the plugin does after each build. */
function build(file: string, source: string, data: object = {}): string {
  const store = new CompiledTemplates(file);
  const html = environment(store)(source, data);
  store.save();
  return html;
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
  it("a later build renders a kept template from the file, not from a fresh compile", () => {
    const file = storeFile();
    expect(build(file, "<p>{{ who }}</p>", { who: "<b>" })).toBe("<p>&lt;b&gt;</p>");
    expect(existsSync(file)).toBe(true);
    // Change what was kept: the next build's output can only come from the file.
    writeFileSync(file, readFileSync(file, "utf8").replace("<p>", "<div>"));
    expect(build(file, "<p>{{ who }}</p>", { who: "x" })).toBe("<div>x</p>");
  });

  it("a changed template is compiled afresh, and both are kept", () => {
    const file = storeFile();
    expect(build(file, "<p>{{ who }}</p>", { who: "a" })).toBe("<p>a</p>");
    expect(build(file, "<p>{{ who }}!</p>", { who: "a" })).toBe("<p>a!</p>");
    expect(new CompiledTemplates(file).size).toBe(2);
  });

  it("nothing is written until the build is over, and nothing by a build that compiled nothing new", () => {
    const file = storeFile();
    const store = new CompiledTemplates(file);
    environment(store)("<p>{{ a }}</p>");
    expect(existsSync(file)).toBe(false);
    store.save();
    const written = readFileSync(file, "utf8");
    writeFileSync(file, written.replace("<p>", "<i>"));
    build(file, "<p>{{ a }}</p>");
    expect(readFileSync(file, "utf8")).toBe(written.replace("<p>", "<i>"));
  });

  it("what a build used is kept, and of the rest the most recently used, up to 500 in all", () => {
    const file = storeFile();
    const first = new CompiledTemplates(file);
    const render = environment(first);
    for (let i = 0; i < 500; i++) render(`<p>${i} {{ a }}</p>`);
    first.save();
    expect(new CompiledTemplates(file).size).toBe(500);
    const second = new CompiledTemplates(file);
    const again = environment(second);
    expect(again("<p>0 {{ a }}</p>", { a: "x" })).toBe("<p>0 x</p>");
    again("<p>new {{ a }}</p>");
    second.save();
    const kept = JSON.parse(readFileSync(file, "utf8")).templates as Record<string, string>;
    expect(Object.keys(kept)).toHaveLength(500);
    const holds = (text: string) => Object.values(kept).some((code) => code.includes(text));
    // Used by the second build: kept. The least recently used of the others ("1 ", the oldest after "0 "): dropped.
    expect([holds("<p>0 "), holds("<p>new "), holds("<p>1 "), holds("<p>2 ")]).toEqual([true, true, false, true]);
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
    store.save();
    expect(store.size).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it("a template Nunjucks cannot compile fails with Nunjucks' own error, and nothing is kept", () => {
    const file = storeFile();
    const store = new CompiledTemplates(file);
    expect(() => environment(store)("{% if x %}never closed")).toThrow(/expected elif, else, or endif/);
    store.save();
    expect(store.size).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it("an environment that was not given a store compiles as before", () => {
    const file = storeFile();
    build(file, "<p>{{ a }}</p>");
    const other = new nunjucks.Environment(null, { autoescape: true });
    expect(new nunjucks.Template("<i>{{ a }}</i>", other, "other.njk").render({ a: 1 })).toBe("<i>1</i>");
    expect(new CompiledTemplates(file).size).toBe(1);
  });

  it("a file cut short, or from another version, is started afresh; one that cannot be written fails nothing", () => {
    const file = storeFile();
    build(file, "<p>{{ a }}</p>");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 40));
    expect(new CompiledTemplates(file).size).toBe(0);
    expect(build(file, "<p>{{ a }}</p>", { a: 2 })).toBe("<p>2</p>");
    writeFileSync(file, JSON.stringify({ format: 0, templates: { k: "return {}" } }));
    expect(new CompiledTemplates(file).size).toBe(0);
    // Its folder is a file: the store cannot be written, and the build renders all the same.
    const blocked = path.join(path.dirname(file), "blocked");
    writeFileSync(blocked, "");
    expect(build(path.join(blocked, "templates.json"), "<p>{{ a }}</p>", { a: 3 })).toBe("<p>3</p>");
  });
});
