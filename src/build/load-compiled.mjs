// Loads the bundle run-compiled.mjs compiles (.cache/compiled/bundle.cjs: the command and the
// Eleventy config), once per process, with V8's code cache.
//
// Most of what our code costs a cold build is V8 compiling it: each function is parsed and
// turned into bytecode the first time it runs, the checks' parsers and the advisories' YAML and
// CVSS libraries included. Node 22 can keep that work on disk for ES modules
// (module.enableCompileCache); Node 20 only for a script, through vm.Script's cachedData. So the
// bundle is CommonJS, run as a script, and after a build that had no cache to start from, V8's
// cache of it (with every function the build compiled) is written beside it, named by a hash of
// the bundle and by V8's version: a cache always belongs to the exact text it was made from, and
// V8 rejects one made with other flags, which is then made again.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const outdir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.cache/compiled");
export const BUNDLE = path.join(outdir, "bundle.cjs");

/** Packages the bundle leaves to Node, which it loads with require: CommonJS, or with a CommonJS build. */
const COMMONJS_EXTERNALS = ["nunjucks", "semver", "openpgp", "undici", "esbuild", "tsx"];

/**
 * Packages the bundle leaves to Node that are ES modules (or, as markdown-it, that Eleventy loads
 * as one, which the bundle must share): imported here, then handed to the bundle's require as
 * esbuild's CommonJS output reads them, the module itself for named imports and the default
 * export for a default import.
 */
const ES_MODULE_EXTERNALS = {
  "@11ty/eleventy": (module) => module,
  "@11ty/eleventy-plugin-rss": (module) => module.default,
  "markdown-it": (module) => module.default,
};

/** Every package the bundle does not contain. */
export const EXTERNALS = [...COMMONJS_EXTERNALS, ...Object.keys(ES_MODULE_EXTERNALS)];

let loading;
let uncached;

/** The bundle's exports: `runCommand`, `endProcess`, `eleventyConfig` and `config`. */
export function loadCompiled() {
  loading ??= load();
  return loading;
}

async function load() {
  if (!existsSync(BUNDLE)) throw new Error(`${path.relative(process.cwd(), BUNDLE)} does not exist: run the build with npm run build, which compiles it`);
  const imported = {};
  for (const [name, pick] of Object.entries(ES_MODULE_EXTERNALS)) imported[name] = pick(await import(name));
  const nodeRequire = createRequire(BUNDLE);
  const require = (id) => {
    if (Object.hasOwn(imported, id)) return imported[id];
    if (id.startsWith("node:") || builtinModules.includes(id) || COMMONJS_EXTERNALS.some((name) => id === name || id.startsWith(`${name}/`))) return nodeRequire(id);
    throw new Error(`the compiled build requires "${id}", which src/build/load-compiled.mjs does not list: add it to COMMONJS_EXTERNALS or ES_MODULE_EXTERNALS`);
  };

  const source = readFileSync(BUNDLE, "utf8");
  // One cache per bundle text and V8 version, so that Node 20 and Node 22 do not keep replacing each other's.
  const cacheFile = path.join(outdir, `bundle-${createHash("sha1").update(source).digest("hex").slice(0, 16)}-v8-${process.versions.v8}.v8-cache`);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The wrapper Node gives a CommonJS module, strict as the ES modules the bundle was made from.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {"use strict";${source}\n})`, {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData === undefined || script.cachedDataRejected) uncached = { script, cacheFile };
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, BUNDLE, outdir);
  return module.exports;
}

/**
 * After a command that succeeded (a failed one may have stopped before most of the code ran):
 * writes V8's cache of the bundle if the process had none to use. A cache that cannot be
 * written is only a slower next build, so that fails nothing.
 */
export function saveCodeCache() {
  if (!uncached) return;
  const { script, cacheFile } = uncached;
  uncached = undefined;
  try {
    replaceFile(cacheFile, script.createCachedData());
  } catch {
    // Not writable: see above.
  }
}

/** Writes `file` through a file beside it and a rename: a process that reads it meanwhile reads the old file or the new one, never half of one. */
export function replaceFile(file, data) {
  const next = `${file}.${randomBytes(6).toString("hex")}`;
  writeFileSync(next, data);
  try {
    renameSync(next, file);
  } catch (error) {
    rmSync(next, { force: true });
    throw error;
  }
}
