/**
 * Every part of Eleventy the commands use that is not its documented API, in one place, each
 * checked where it is used: a missing piece is an error that names it, never a silent change of
 * behaviour. package.json pins Eleventy to the exact version these were read from, and
 * tests/eleventy-internals.test.ts fails, naming the piece, if an installed Eleventy lacks one.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Eleventy, UserConfig } from "@11ty/eleventy";

const require = createRequire(import.meta.url);

/** The installed Eleventy's folder: its package exports no package.json, so the folder is found from its entry. */
export function eleventyFolder(): string {
  return path.resolve(path.dirname(require.resolve("@11ty/eleventy")), "..");
}

/** The installed Eleventy's version. */
export function eleventyVersion(): string {
  return (JSON.parse(readFileSync(path.join(eleventyFolder(), "package.json"), "utf8")) as { version: string }).version;
}

/** Thrown when the installed Eleventy lacks a piece the commands rely on. */
export class EleventyChanged extends Error {
  constructor(piece: string) {
    super(`Eleventy ${eleventyVersion()} has no ${piece}, which security-policy-site uses (src/plugins/eleventy-internals.ts): install the Eleventy version package.json names, with npm ci`);
    this.name = "EleventyChanged";
  }
}

function method<T extends object>(owner: T | undefined, name: string, piece: string): (...args: never[]) => unknown {
  const value = owner === undefined ? undefined : (owner as Record<string, unknown>)[name];
  if (typeof value !== "function") throw new EleventyChanged(piece);
  return (value as (...args: never[]) => unknown).bind(owner);
}

/**
 * The classes of Eleventy's errors that src/build/build-errors.ts recognises along an error's
 * chain (`originalError`, then `cause`); Eleventy names each error after its class.
 */
export const ERROR_CLASSES = {
  frontMatter: "TemplateContentFrontMatterError",
  duplicatePermalink: "DuplicatePermalinkOutputError",
  templateRender: "TemplateContentRenderError",
  templateCompile: "TemplateContentCompileError",
  nunjucks: "EleventyNunjucksError",
} as const;

/**
 * Eleventy warns of slow plugins ("Benchmark 199ms 12% … Transform") on stderr, where only
 * findings belong, through benchmark groups some of which exist before quietMode applies.
 */
export function quietBenchmarks(config: UserConfig): void {
  const manager = (config as unknown as { benchmarkManager?: object }).benchmarkManager;
  method(manager, "setVerboseOutput", "eleventyConfig.benchmarkManager.setVerboseOutput()")(false as never);
  const groups = method(manager, "getAll", "eleventyConfig.benchmarkManager.getAll()")() as Record<string, object>;
  for (const group of Object.values(groups)) method(group, "setIsVerbose", "a benchmark group's setIsVerbose()")(false as never);
}

/** The layout aliases the config added (addLayoutAlias), by alias. */
export function layoutAliases(config: UserConfig): Record<string, string> {
  const aliases = (config as unknown as { layoutAliases?: unknown }).layoutAliases;
  if (typeof aliases !== "object" || aliases === null) throw new EleventyChanged("eleventyConfig.layoutAliases");
  return aliases as Record<string, string>;
}

/** No line from Eleventy itself, its failed build's error and stack included: the command prints the findings. */
export function silenceEleventy(eleventy: Eleventy): void {
  method(eleventy, "disableLogger", "Eleventy's disableLogger()")();
}

/** `handle` gets every error of a watch-mode rebuild, instead of Eleventy printing it. */
export function onEleventyError(eleventy: Eleventy, handle: (error: unknown) => void): void {
  const handler = eleventy.errorHandler as unknown as Record<string, unknown> | undefined;
  method(handler, "error", "eleventy.errorHandler.error()");
  method(handler, "fatal", "eleventy.errorHandler.fatal()");
  handler!.error = handle;
  handler!.fatal = handle;
}

/**
 * The dev server of an initialized Eleventy, made ready to serve: its reload, its error messages
 * to the page, and the address it listens on.
 */
export async function devServer(eleventy: Eleventy): Promise<{ reload(): void; quietErrorPages(): void; listenOn(host: string): void }> {
  const serve = (eleventy as unknown as { eleventyServe?: { server?: object } }).eleventyServe;
  const reload = method(serve, "reload", "eleventy.eleventyServe.reload()");
  method(serve, "sendError", "eleventy.eleventyServe.sendError()");
  // What eleventy.serve() does first, and does once: the server exists from here on.
  await method(serve, "init", "eleventy.eleventyServe.init()")();
  await method(serve, "initServerInstance", "eleventy.eleventyServe.initServerInstance()")();
  const server = serve!.server as { server?: { listen(options: object): void } };
  method(server, "_serverListen", "eleventy.eleventyServe.server._serverListen()");
  return {
    // Tells every open page to reload.
    reload: () => void reload({ files: [] } as never),
    // Sends the reload client nothing for an error: the findings panel says it on the page.
    quietErrorPages: () => {
      (serve as { sendError: () => Promise<void> }).sendError = async () => {};
    },
    // Eleventy's dev server listens on every interface and has no option for the host: it calls
    // _serverListen(port) to listen, and again with port + 1 when the port is taken.
    listenOn: (host: string) => {
      (server as { _serverListen: (port: number) => void })._serverListen = (port: number) => {
        server.server!.listen({ port, host });
      };
    },
  };
}

/** The dev server's reload client, which it inlines into its error pages: the development policy allows it by its hash. */
export function reloadClientFile(): string {
  const server = path.dirname(createRequire(path.join(eleventyFolder(), "package.json")).resolve("@11ty/eleventy-dev-server"));
  return path.join(server, "client/reload-client.js");
}
