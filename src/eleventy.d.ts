/**
 * The parts of Eleventy 3's API this project uses. Eleventy ships no type declarations;
 * these keep the plugins strict without `eleventyConfig: any`.
 */
declare module "@11ty/eleventy" {
  import type { MarkdownIt } from "markdown-it";

  export interface PageData {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
    fileSlug: string;
  }

  export interface BuildEvent {
    directories: { input: string; output: string; includes: string; data: string };
    runMode: "build" | "watch" | "serve";
    outputMode: "fs" | "json" | "ndjson";
    incremental: boolean;
    results?: Array<{ inputPath: string; outputPath: string; url: string; content: string }>;
  }

  export interface ContentMap {
    /** Each input file's URLs (several with pagination), false for a page that writes no file. */
    inputPathToUrl: Record<string, Array<string | false>>;
  }

  export interface UserConfig {
    directories: { input: string; output: string; includes: string; data: string; layouts?: string };
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    addTransform(name: string, transform: (this: { page: PageData }, content: string) => string | Promise<string>): void;
    amendLibrary(name: "md", amend: (md: MarkdownIt) => void): void;
    /** A template format, or (with `key` naming a built-in one) another way to compile it; `this.defaultRenderer` is the built-in's. */
    addExtension(extension: string, options: { key?: string; compile?: (this: never, content: string, inputPath: string) => unknown }): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addLayoutAlias(alias: string, target: string): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate?(path: string, content: string, data?: Record<string, unknown>): void;
    addWatchTarget(path: string): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: "eleventy.before" | "eleventy.after", handler: (event: BuildEvent) => void | Promise<void>): void;
    /** Once every page's URL is known, before any page is rendered. */
    on(event: "eleventy.contentMap", handler: (map: ContentMap) => void | Promise<void>): void;
    /** When Eleventy makes its Nunjucks environment, before any template is compiled: the nunjucks module and the environment. */
    on(event: "eleventy.engine.njk", handler: (engine: { nunjucks: unknown; environment: { opts: object } }) => void): void;
    /** "sequential" runs each event's handlers one after another, in the order they were added. */
    setEventEmitterMode(mode: "parallel" | "sequential"): void;
  }

  /** Eleventy's own internationalization plugin: `page.lang` from the URL, and the locale_url and locale_links filters. */
  export function I18nPlugin(config: UserConfig, options: { defaultLanguage: string; errorMode?: "strict" | "allow-fallback" | "never" }): void;

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    source?: "cli" | "script";
    runMode?: "build" | "watch" | "serve";
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Builds, then rebuilds on every change (the dev server's mode). */
    watch(): Promise<void>;
    stopWatch(): Promise<void>;
    serve(port?: number | string): Promise<void>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    setIsVerbose(verbose: boolean): void;
    disableLogger(): void;
    /** Not documented: see src/plugins/eleventy-internals.ts, which checks each part it uses. */
    errorHandler: unknown;
  }
}

/** Eleventy's feed plugin: this project uses its filters (dateToRfc3339, absoluteUrl). */
declare module "@11ty/eleventy-plugin-rss" {
  import type { UserConfig } from "@11ty/eleventy";
  const rss: (eleventyConfig: UserConfig, options?: Record<string, unknown>) => void;
  export default rss;
}
