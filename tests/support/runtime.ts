/**
 * The compiled runtime the commands run (bin/security-policy-site.mjs, dist/): the tests build
 * with it too, so that the code a build runs under test is the code `npm run build` runs.
 * Modules under dist/ are imported by Node itself, not by the test runner (vitest.config.ts),
 * so the build and the Eleventy config it names share one copy of every module.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiledPath, ROOT } from "../../bin/compile.mjs";

export { compile } from "../../bin/compile.mjs";

/** The entry point every command runs through. */
export const BIN = path.join(ROOT, "bin/security-policy-site.mjs");

/** The compiled Eleventy config: what the commands give Eleventy. */
export const COMPILED_CONFIG = compiledPath(".eleventy.ts");

/**
 * A module as compiled, with the types of its source: `await compiled<typeof import("../../src/build/build.ts")>("src/build/build.ts")`.
 * dist/ must be up to date: the tests' global setup compiles it.
 */
export async function compiled<T>(source: string): Promise<T> {
  return (await import(pathToFileURL(compiledPath(source)).href)) as T;
}
