#!/usr/bin/env node
// The one way the project's commands run: `security-policy-site build|serve|verify|check|init|nginx-config|rules-table`
// (what `npm run build`, `npm start`, `npm run verify` and the rest call). The TypeScript is
// compiled file for file into dist/ when a source changed (compile.mjs), then run as plain ES
// modules that import every package from node_modules.
import module from "node:module";
import { pathToFileURL } from "node:url";
import { compile, compiledPath } from "./compile.mjs";

// Node 22.1 and later keep V8's compiled code of every module on disk (Node 20 has no such cache
// for ES modules and runs without one). Checked on every load against the module's own text.
module.enableCompileCache?.();

const args = process.argv.slice(2);
// Eleventy registers a module resolve hook so that a rebuild in watch mode imports a changed
// config or JavaScript data file afresh; on Node 20 the hook runs in a loader thread that every
// later import waits on. A one-shot build imports each file once and never rebuilds, so it turns
// the hook off with Eleventy's own switch, before anything imports Eleventy.
if ((args.find((a) => !a.startsWith("-")) ?? "build") === "build") process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

try {
  await compile();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
let command;
try {
  command = await import(pathToFileURL(compiledPath("src/build/command.ts")).href);
} catch (error) {
  // Compiling only removes types: a wrong import or name shows here, and npm run typecheck names it.
  process.stderr.write(`the compiled commands cannot be loaded: ${error.message}\nrun npm run typecheck, which names the source to fix\n`);
  process.exit(1);
}
await command.endProcess(await command.runCommand(args));
