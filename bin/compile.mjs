// Compiles the project's TypeScript (.eleventy.ts and every .ts file under src/) file for file
// into plain ES modules under dist/, with the same paths: src/build/build.ts becomes
// dist/src/build/build.js. Only the types are removed and `./x.ts` imports become `./x.js`;
// every package is still imported by name, so Node resolves it from node_modules as it is
// installed, and an `npm update` reaches the next build with nothing to rebuild here.
//
// A file is compiled again when its text changed (a hash, not a modification time, which a
// checkout can set back); a source that is gone takes its compiled file with it. The check reads
// every source on each run, about a millisecond; TypeScript itself is loaded only when a file
// needs compiling.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project whose TypeScript this compiles: the folder above bin/. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the compiled modules go (git-ignored). */
export const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(DIST, "sources.json");

/** The compiled path of a source, from the project's root: `src/build/build.ts` → `dist/src/build/build.js`. */
export function compiledPath(source) {
  return path.join(DIST, source.replace(/\.ts$/, ".js"));
}

/** Every source, from the project's root, in a stable order. A project without src/ (a packed copy that ships dist/ alone) has none. */
function sources() {
  const src = path.join(ROOT, "src");
  if (!existsSync(src)) return [];
  const found = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => path.join("src", f).split(path.sep).join("/"));
  return [".eleventy.ts", ...found.sort()];
}

function hash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 20);
}

/** Writes through a file beside and a rename, so that a process reading it meanwhile sees the old text or the new, never half. */
function replaceFile(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const next = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(next, data);
  try {
    renameSync(next, file);
  } catch (error) {
    rmSync(next, { force: true });
    throw error;
  }
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    // No manifest yet, or one cut short: every file is compiled again.
    return { files: {} };
  }
}

/**
 * Brings dist/ up to date with the sources. Returns the files it compiled, from the project's
 * root. A source TypeScript cannot parse is an error naming its file, line and column.
 */
export async function compile() {
  const list = sources();
  if (list.length === 0) return [];
  const texts = new Map(list.map((f) => [f, readFileSync(path.join(ROOT, f), "utf8")]));
  const before = readManifest();
  const files = Object.fromEntries(list.map((f) => [f, hash(texts.get(f))]));
  const stale = list.filter((f) => before.files?.[f] !== files[f] || !existsSync(compiledPath(f)));
  const gone = Object.keys(before.files ?? {}).filter((f) => !texts.has(f));
  if (stale.length === 0 && gone.length === 0) return [];

  const { default: ts } = await import("typescript");
  const compilerOptions = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
  };
  const problems = [];
  const outputs = [];
  for (const file of stale) {
    const result = ts.transpileModule(texts.get(file), { compilerOptions, fileName: file, reportDiagnostics: true });
    for (const d of result.diagnostics ?? []) {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      problems.push(`${file}:${where.line + 1}:${where.character + 1}: error: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
    outputs.push([file, result.outputText]);
  }
  if (problems.length > 0) {
    throw new Error(`${problems.join("\n")}\nthe TypeScript above cannot be compiled; fix it and run the command again`);
  }
  for (const [file, text] of outputs) replaceFile(compiledPath(file), text);
  for (const file of gone) rmSync(compiledPath(file), { force: true });
  // Last, so that a run stopped halfway leaves a manifest that still names the old files as stale.
  replaceFile(MANIFEST, `${JSON.stringify({ files }, null, 1)}\n`);
  return stale;
}

// `node bin/compile.mjs` (npm's prepack and prepare scripts): compile, and name what was compiled.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const compiled = await compile();
    process.stdout.write(`compiled ${compiled.length} file${compiled.length === 1 ? "" : "s"} into ${path.relative(process.cwd(), DIST) || "."}/\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
