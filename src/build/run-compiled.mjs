// Runs the build command (src/build/command.ts) as plain JavaScript. Node 20 cannot strip types,
// and a loader such as tsx hooks every module Eleventy imports through another thread,
// which made a cold build about 1.8 times as slow as Eleventy alone. Instead, esbuild
// bundles our TypeScript (the command, and .eleventy.ts with its plugins: src/build/compiled.ts)
// into .cache/compiled/bundle.cjs (git-ignored), again whenever any source file under src/ (at
// any depth) or .eleventy.ts is added, removed or changed, and load-compiled.mjs runs it with no
// loader at all, from V8's code cache. Eleventy and the packages it shares with us stay
// external, loaded as they are.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE, EXTERNALS, loadCompiled, replaceFile, saveCodeCache } from "./load-compiled.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outdir = path.dirname(BUNDLE);
const manifestFile = path.join(outdir, "sources.json");

/**
 * Every source the bundle is made of, with its size and modification time: a file edited,
 * added, removed or moved in any folder under src/ changes this, even one whose time went
 * back (a checkout of an older commit), which a newest-time comparison would miss.
 */
function sourceManifest() {
  const sources = readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(?:ts|mjs|js|json)$/.test(f))
    .map((f) => path.join("src", f))
    .sort();
  return JSON.stringify(
    [".eleventy.ts", ...sources].map((f) => {
      const stat = statSync(path.join(root, f));
      return [f.split(path.sep).join("/"), stat.size, stat.mtimeMs];
    }),
  );
}

const manifest = sourceManifest();
const upToDate = existsSync(BUNDLE) && existsSync(manifestFile) && readFileSync(manifestFile, "utf8") === manifest;

if (!upToDate) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(root, "src/build/compiled.ts")],
    outfile: BUNDLE,
    bundle: true,
    // Eleventy and what it loads itself stay as they are (one copy of markdown-it, of semver);
    // so do openpgp.js and the tools. The small parsers only the checks use are bundled in:
    // loaded from one file instead of a hundred, such as yaml's. Modules the build imports only
    // when the site needs them (openpgp.js for a key, the YAML parser for advisories) are still
    // run only then; with the code cache, having them in the bundle costs next to nothing.
    external: EXTERNALS,
    // CommonJS, which V8 can cache as a script (load-compiled.mjs); import.meta.url as an ES module would see it.
    format: "cjs",
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    platform: "node",
    target: "node20",
    // Errors are printed by esbuild, each at its file and line; warnings are looked at below.
    logLevel: "error",
    write: false,
  }).catch(() => {
    process.stderr.write("src/build/run-compiled.mjs: esbuild could not compile the build; fix the errors above\n");
    process.exit(1);
  });
  // A warning means the bundle would not do what the TypeScript says (another import.meta field, say, which CommonJS lacks).
  if (result.warnings.length > 0) {
    const { formatMessages } = await import("esbuild");
    const shown = await formatMessages(result.warnings, { kind: "warning" });
    process.stderr.write(`${shown.join("")}src/build/run-compiled.mjs: esbuild warned while compiling the build; fix the source it names\n`);
    process.exit(1);
  }
  // A build that starts meanwhile reads the old bundle or the new one, never half of one.
  mkdirSync(outdir, { recursive: true });
  replaceFile(BUNDLE, result.outputFiles[0].contents);
  replaceFile(manifestFile, manifest);
  // The code caches of older bundles (each is named by its bundle's hash) are of no more use.
  for (const name of readdirSync(outdir)) if (name.endsWith(".v8-cache")) rmSync(path.join(outdir, name), { force: true });
}

// The build reads the compiled config unless the command line names another.
const args = process.argv.slice(2);
const building = (args.find((a) => !a.startsWith("-")) ?? "build") === "build";
// Eleventy registers a module resolve hook so that a rebuild in watch mode imports a changed
// config or JavaScript data file afresh; on Node 20 the hook runs in a loader thread that every
// later import waits on (a tenth of a second of a cold build). A one-shot build imports each
// file once and never rebuilds, so it turns the hook off with Eleventy's own switch, before
// anything imports Eleventy.
if (building) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
if (building && !args.some((a) => a === "--config" || a.startsWith("--config="))) {
  args.push("--config", path.relative(process.cwd(), path.join(root, "src/build/compiled-config.mjs")));
}
const { runCommand, endProcess } = await loadCompiled();
const code = await runCommand(args);
if (code === 0) saveCodeCache();
await endProcess(code);
