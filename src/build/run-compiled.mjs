// Runs the build command (src/build/cli.ts) as plain JavaScript. Node 20 cannot strip types,
// and a loader such as tsx hooks every module Eleventy imports through another thread,
// which made a cold build about 1.8 times as slow as Eleventy alone. Instead, esbuild
// bundles our TypeScript (the command, and .eleventy.ts with its plugins) into two
// modules under .cache/compiled (git-ignored), again whenever any source file under src/ (at any
// depth) or .eleventy.ts is added, removed or changed, and Node imports them with no
// loader at all. Eleventy and the packages it shares with us stay external, loaded as they are.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outdir = path.join(root, ".cache/compiled");
const entries = { cli: path.join(root, "src/build/cli.ts"), config: path.join(root, ".eleventy.ts") };
const compiled = { cli: path.join(outdir, "cli.mjs"), config: path.join(outdir, "config.mjs") };
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
const upToDate = Object.values(compiled).every((f) => existsSync(f)) && existsSync(manifestFile) && readFileSync(manifestFile, "utf8") === manifest;

if (!upToDate) {
  const { build } = await import("esbuild");
  // Chunks of an older bundle would stay beside the new ones.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { cli: entries.cli, config: entries.config },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Eleventy and what it loads itself stay as they are (one copy of markdown-it, of semver);
    // so do openpgp.js and the tools. The small parsers only the checks use are bundled in:
    // loaded from a few files instead of a hundred, such as yaml's.
    external: ["@11ty/*", "markdown-it", "nunjucks", "semver", "openpgp", "esbuild", "tsx", "undici"],
    // Some of those are CommonJS and require Node's modules.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    // A module the build imports only when the site needs it (openpgp.js for a key, the YAML
    // parser for advisories) goes into a chunk of its own, loaded then; the command and the
    // config share one copy of the rest.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  writeFileSync(manifestFile, manifest);
}

// The build reads the compiled config unless the command line names another.
const args = process.argv.slice(2);
const building = (args.find((a) => !a.startsWith("-")) ?? "build") === "build";
// Eleventy registers a module resolve hook so that a rebuild in watch mode imports a changed
// config or JavaScript data file afresh; on Node 20 the hook runs in a loader thread that every
// later import waits on (a tenth of a second of a cold build). A one-shot build imports each
// file once and never rebuilds, so it turns the hook off with Eleventy's own switch.
if (building) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
if (building && !args.some((a) => a === "--config" || a.startsWith("--config="))) {
  args.push("--config", path.relative(process.cwd(), compiled.config));
}
process.argv = [process.argv[0], compiled.cli, ...args];
await import(pathToFileURL(compiled.cli).href);
