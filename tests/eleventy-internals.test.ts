/**
 * The parts of Eleventy the commands use beyond its documented API (src/plugins/eleventy-internals.ts),
 * checked against the installed Eleventy: if an update takes one away, a test here fails and names it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import {
  devServer,
  eleventyFolder,
  eleventyVersion,
  ERROR_CLASSES,
  layoutAliases,
  onEleventyError,
  quietBenchmarks,
  reloadClientFile,
  silenceEleventy,
} from "../src/plugins/eleventy-internals.ts";
import { ROOT } from "./support/fixture-site.ts";
import { WORK } from "./support/work.ts";

/** Every JavaScript file of the installed Eleventy's source. */
function eleventySources(): string {
  const src = path.join(eleventyFolder(), "src");
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(path.join(src, f), "utf8"))
    .join("\n");
}

/** A one-page site, and an Eleventy for it whose config the test can reach. */
async function smallEleventy(runMode?: "serve"): Promise<{ eleventy: Eleventy; config: UserConfig }> {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, "internals-"));
  mkdirSync(path.join(dir, "content"));
  writeFileSync(path.join(dir, "content/index.md"), "# A page\n");
  let config: UserConfig | undefined;
  const eleventy = new Eleventy(path.join(dir, "content"), path.join(dir, "public"), {
    quietMode: true,
    ...(runMode ? { runMode } : {}),
    config: (c) => {
      config = c as UserConfig;
      (c as UserConfig).addLayoutAlias("page", "layouts/page.njk");
    },
  });
  await eleventy.init();
  if (!config) throw new Error("Eleventy did not call the config option");
  return { eleventy, config };
}

describe("the Eleventy internals the commands use", () => {
  it("package.json pins Eleventy to the exact version installed, the one these were read from", () => {
    const pinned = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["@11ty/eleventy"];
    expect(pinned, "package.json must name one exact Eleventy version, with no range").toMatch(/^\d+\.\d+\.\d+$/);
    expect(eleventyVersion(), "the installed Eleventy is not the pinned one: run npm ci").toBe(pinned);
  });

  it.each(Object.values(ERROR_CLASSES))("Eleventy still defines the error class %s, which build-errors.ts recognises", (name) => {
    expect(eleventySources(), `Eleventy ${eleventyVersion()} no longer defines ${name}; src/build/build-errors.ts recognises Eleventy's errors by it`).toMatch(
      new RegExp(`\\bclass ${name} extends\\b`),
    );
  });

  it("the benchmark manager, the logger switch, the layout aliases and the error handler are all there", async () => {
    const { eleventy, config } = await smallEleventy();
    expect(() => quietBenchmarks(config)).not.toThrow();
    expect(() => silenceEleventy(eleventy)).not.toThrow();
    expect(layoutAliases(config)).toEqual({ page: "layouts/page.njk" });
    const seen: unknown[] = [];
    onEleventyError(eleventy, (e) => seen.push(e));
    (eleventy.errorHandler as { error(e: unknown): void }).error("x");
    expect(seen).toEqual(["x"]);
  });

  it("the dev server's reload and error page hooks are there, and its reload client is where the development policy reads it", async () => {
    const { eleventy } = await smallEleventy("serve");
    const server = await devServer(eleventy);
    expect(() => server.quietErrorPages()).not.toThrow();
    expect(() => server.listenOn("127.0.0.1")).not.toThrow();
    expect(existsSync(reloadClientFile()), `${reloadClientFile()} is gone: src/plugins/dev-server.ts allows that script by its hash`).toBe(true);
  });

  it("a missing piece is an error that names it and says what to do", async () => {
    expect(() => quietBenchmarks({} as UserConfig)).toThrow(
      /^Eleventy \d+\.\d+\.\d+ has no eleventyConfig\.benchmarkManager\.setVerboseOutput\(\), which security-policy-site uses \(src\/plugins\/eleventy-internals\.ts\): install the Eleventy version package\.json names, with npm ci$/,
    );
    expect(() => layoutAliases({} as UserConfig)).toThrow(/has no eleventyConfig\.layoutAliases,/);
    await expect(devServer({} as Eleventy)).rejects.toThrow(/has no eleventy\.eleventyServe\.reload\(\),/);
    expect(() => onEleventyError({} as Eleventy, () => {})).toThrow(/has no eleventy\.errorHandler\.error\(\),/);
  });
});
