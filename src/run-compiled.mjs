// Runs the build command (src/cli.ts) as plain JavaScript. Node 20 cannot strip types,
// and a loader such as tsx hooks every module Eleventy imports through another thread,
// which made a cold build about 1.8 times as slow as Eleventy alone. Instead, esbuild
// bundles our TypeScript (the command, and .eleventy.ts with its plugins) into two
// modules under node_modules/.cache, again only when a source file is newer, and Node
// imports them with no loader at all. Packages stay external, loaded as they are.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "node_modules/.cache/security-policy-site");
const entries = { cli: path.join(root, "src/cli.ts"), config: path.join(root, ".eleventy.ts") };
const compiled = { cli: path.join(outdir, "cli.mjs"), config: path.join(outdir, "config.mjs") };

/** The newest modification time among our TypeScript sources. */
function newestSource() {
  const sources = [entries.config, ...readdirSync(path.join(root, "src")).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, "src", f))];
  return Math.max(...sources.map((f) => statSync(f).mtimeMs));
}

function upToDate() {
  return Object.values(compiled).every((f) => existsSync(f) && statSync(f).mtimeMs >= newestSource());
}

if (!upToDate()) {
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
}

// The build reads the compiled config unless the command line names another.
const args = process.argv.slice(2);
const building = (args.find((a) => !a.startsWith("-")) ?? "build") === "build";
if (building && !args.some((a) => a === "--config" || a.startsWith("--config="))) {
  args.push("--config", path.relative(process.cwd(), compiled.config));
}
process.argv = [process.argv[0], compiled.cli, ...args];
await import(pathToFileURL(compiled.cli).href);
