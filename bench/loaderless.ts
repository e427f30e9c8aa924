import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "./site.ts";

/**
 * The project's TypeScript (src/ and .eleventy.ts) with the types stripped, as plain
 * JavaScript in `dir`, imports rewritten from .ts to .js: what the build would load if Node
 * ran TypeScript itself, with no loader. For measuring that cost only; the build is
 * always run from the TypeScript.
 */
export function stripTypes(dir: string): { cli: string; config: string } {
  const sources = [
    ".eleventy.ts",
    ...readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => `src/${f.split(path.sep).join("/")}`),
  ];
  for (const source of sources) {
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(path.join(ROOT, source), "utf8"), {
      fileName: source,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
      },
    });
    if (diagnostics?.length) {
      throw new Error(`bench: ${source} does not strip to JavaScript: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, " ")}`);
    }
    const out = path.join(dir, source.replace(/\.ts$/, ".js"));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  // The packages resolve from here as they do from the repository.
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return { cli: path.join(dir, "src/build/cli.js"), config: path.join(dir, ".eleventy.js") };
}
