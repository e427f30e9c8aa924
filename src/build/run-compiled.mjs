// Runs the build command (src/build/cli.ts) as plain JavaScript. Node 20 cannot strip types,
// and a loader such as tsx hooks every module Eleventy imports through another thread,
// which made a cold build about 1.8 times as slow as Eleventy alone. Instead, esbuild
// bundles our TypeScript (the command, and .eleventy.ts with its plugins) into two
// modules under .cache/compiled (git-ignored), again whenever any source file under src/ (at any
// depth) or .eleventy.ts is added, removed or changed, and Node imports them with no
// loader at all. Packages stay external, loaded as they are.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
  await build({
    entryPoints: { cli: entries.cli, config: entries.config },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
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
if (building && !args.some((a) => a === "--config" || a.startsWith("--config="))) {
  args.push("--config", path.relative(process.cwd(), compiled.config));
}
process.argv = [process.argv[0], compiled.cli, ...args];
await import(pathToFileURL(compiled.cli).href);
