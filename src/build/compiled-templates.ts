/**
 * Nunjucks turns each template into JavaScript (lexer, parser, compiler) before its first
 * render: 25 ms of a cold build for the site's 16 KB of layouts, every build, although the
 * layouts rarely change. That JavaScript depends only on
 * the template's text and name, the Nunjucks version, the environment's options and which of
 * its filters are asynchronous, so it is kept in a file under .cache/, keyed by a hash of all
 * of them, and a later build evaluates it as Nunjucks would have.
 *
 * A template whose tags are not all Nunjucks' own is never kept: a custom tag (a shortcode) is
 * parsed by the extension that defines it, whose behaviour no key could capture. Nor is one
 * Nunjucks could not compile; its error comes from Nunjucks every time. Nothing here ever sees
 * `eleventyConfig`.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Bumped when what is stored, or how it is keyed, changes. */
const FORMAT = 1;

/** At most this many compiled templates are kept, unless one build used more; the least recently used go first. */
const LIMIT = 500;

/** The block tags Nunjucks parses itself (nunjucks/src/parser.js, parseStatement and the bodies it parses until). */
const NUNJUCKS_TAGS = new Set(
  "raw endraw verbatim endverbatim if ifAsync elif elseif else endif for asyncEach asyncAll endfor endeach endall block endblock extends include set endset macro endmacro call endcall import from filter endfilter switch case default endswitch".split(" "),
);

/** The parts of a Nunjucks environment's options that the compiler reads. */
export interface CompileOptions {
  autoescape?: unknown;
  throwOnUndefined?: unknown;
  trimBlocks?: unknown;
  lstripBlocks?: unknown;
  /** Custom delimiters: the tag scan below assumes Nunjucks' own `{% %}`. */
  tags?: unknown;
}

export interface CompileInput {
  source: string;
  /** The template's path as Nunjucks was given it, or null. */
  name: string | null;
  asyncFilters: readonly string[];
  /** Any extension with a preprocess step may rewrite every template: then nothing is kept. */
  preprocesses: boolean;
  options: CompileOptions;
}

/** Whether the compiled form of a template can be kept: its tags are all Nunjucks' own, with its own delimiters. */
export function isKeepable(input: CompileInput): boolean {
  if (input.preprocesses || input.options.tags !== undefined) return false;
  for (const match of input.source.matchAll(/\{%-?\s*([^\s%}-]*)/g)) {
    if (!NUNJUCKS_TAGS.has(match[1] ?? "")) return false;
  }
  return true;
}

/** The key a template's compiled form is kept under: everything the Nunjucks compiler reads. */
export function compileKey(input: CompileInput, nunjucksVersion: string): string {
  const { autoescape, throwOnUndefined, trimBlocks, lstripBlocks } = input.options;
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, nunjucksVersion, input.name, [...input.asyncFilters], [autoescape, throwOnUndefined, trimBlocks, lstripBlocks], input.source]))
    .digest("base64url");
}

/**
 * The compiled templates kept in one JSON file: read once, written once after a build that
 * compiled anything new (`save`), through a file beside it and a rename, so that a build that
 * runs at the same time reads the old file or the new one, never half of one. What the build
 * used is kept, and of the rest, the most recently used, up to 500 in all. A file that is not
 * one this code wrote (cut short, or from another version) is started afresh, and one that
 * cannot be written is left as it was: either way the next build only compiles again what
 * Nunjucks can always compile.
 */
export class CompiledTemplates {
  readonly #file: string;
  #entries: Map<string, string> | undefined;
  readonly #used = new Set<string>();
  #added = false;

  constructor(file: string) {
    this.#file = file;
  }

  get size(): number {
    return this.#read().size;
  }

  get(key: string): string | undefined {
    const code = this.#read().get(key);
    if (code !== undefined) this.#used.add(key);
    return code;
  }

  set(key: string, code: string): void {
    this.#read().set(key, code);
    this.#used.add(key);
    this.#added = true;
  }

  /** Writes the file if this build compiled anything new. */
  save(): void {
    if (!this.#added) return;
    this.#added = false;
    const entries = this.#read();
    // Oldest first: what the build used goes last, in the order it was used.
    const kept = new Map([...entries].filter(([key]) => !this.#used.has(key)));
    for (const oldest of kept.keys()) {
      if (kept.size + this.#used.size <= LIMIT) break;
      kept.delete(oldest);
    }
    for (const key of this.#used) kept.set(key, entries.get(key)!);
    this.#entries = kept;
    const next = `${this.#file}.${randomBytes(6).toString("hex")}`;
    // A folder or file that cannot be written (see the class comment): the next build compiles them again.
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      writeFileSync(next, JSON.stringify({ format: FORMAT, templates: Object.fromEntries(kept) }));
    } catch {
      return;
    }
    try {
      renameSync(next, this.#file);
    } catch {
      rmSync(next, { force: true });
    }
  }

  #read(): Map<string, string> {
    if (this.#entries) return this.#entries;
    this.#entries = new Map();
    let stored: unknown;
    try {
      stored = JSON.parse(readFileSync(this.#file, "utf8"));
    } catch {
      // None yet, or not readable as JSON: start afresh (see the class comment).
      return this.#entries;
    }
    const { format, templates } = (stored ?? {}) as { format?: unknown; templates?: unknown };
    if (format !== FORMAT || typeof templates !== "object" || templates === null) return this.#entries;
    for (const [key, code] of Object.entries(templates)) if (typeof code === "string") this.#entries.set(key, code);
    return this.#entries;
  }
}

/** What of the nunjucks module this reads and wraps. */
export interface NunjucksCompiler {
  compile: (source: string, asyncFilters: string[], extensions: Array<{ preprocess?: unknown }> | undefined, name: string | null, options?: CompileOptions) => string;
}

/** Kept on the compiler module itself, so that two copies of this file (two module loaders in one process) wrap it once. */
const STORES = Symbol.for("security-policy-site.compiled-templates");

type Wrapped = NunjucksCompiler & { [STORES]?: WeakMap<object, { store: CompiledTemplates; version: string }> };

/**
 * Compiles each keepable template of one Nunjucks environment from `store`, adding what is not
 * there yet. The environment is known by its options object, which Nunjucks passes to every
 * compile; other environments compile as before.
 */
export function keepCompiledTemplates(compiler: NunjucksCompiler, environmentOptions: object, store: CompiledTemplates, nunjucksVersion: string): void {
  const wrapped = compiler as Wrapped;
  if (!wrapped[STORES]) {
    const stores = new WeakMap<object, { store: CompiledTemplates; version: string }>();
    const compile = compiler.compile;
    wrapped[STORES] = stores;
    compiler.compile = (source, asyncFilters, extensions, name, options) => {
      const kept = options ? stores.get(options) : undefined;
      const input: CompileInput = { source, name, asyncFilters, preprocesses: (extensions ?? []).some((e) => typeof e.preprocess === "function"), options: options ?? {} };
      if (!kept || !isKeepable(input)) return compile(source, asyncFilters, extensions, name, options);
      const key = compileKey(input, kept.version);
      const code = kept.store.get(key);
      if (code !== undefined) return code;
      const compiled = compile(source, asyncFilters, extensions, name, options);
      kept.store.set(key, compiled);
      return compiled;
    };
  }
  wrapped[STORES].set(environmentOptions, { store, version: nunjucksVersion });
}
