import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Finding } from "../findings/finding.ts";
import buildError from "../rules/build/build-error.ts";
import permalinkDuplicate from "../rules/build/permalink-duplicate.ts";
import templateError from "../rules/build/template-error.ts";
import frontMatterInvalid from "../rules/source/front-matter-invalid.ts";
import layoutMissing from "../rules/source/layout-missing.ts";
import { frontMatterKey, frontMatterKeyLine, frontMatterLines } from "../findings/locate.ts";
import type { UserConfig } from "@11ty/eleventy";
import { ERROR_CLASSES, layoutAliases } from "../plugins/eleventy-internals.ts";

interface ErrorLike {
  name?: string;
  message?: string;
  originalError?: unknown;
  cause?: unknown;
  mark?: { line?: number; column?: number };
  reason?: string;
  stack?: string;
  lineno?: number;
  colno?: number;
}

/** The error and every error it wraps, outermost first. */
export function errorChain(error: unknown): ErrorLike[] {
  const errors: ErrorLike[] = [];
  for (let e: unknown = error; e && typeof e === "object" && errors.length < 20; ) {
    errors.push(e as ErrorLike);
    const next = (e as ErrorLike).originalError ?? (e as ErrorLike).cause;
    e = next;
  }
  return errors;
}

function keyLine(file: string, key: string): number {
  return existsSync(file) ? frontMatterKeyLine(readFileSync(file, "utf8"), key) : 1;
}

/** The first `./path/to/file.ext` an error message names. */
function fileIn(message: string): string | undefined {
  return /(?:^|[\s(`])(\.{0,2}\/?[\w./@-]+\.(?:md|njk|html|json|11tydata\.\w+|ts|js))\b/.exec(message)?.[1];
}

/** The errors of the chain that are of one of Eleventy's error classes (src/plugins/eleventy-internals.ts), by the name Eleventy gives each after its class. */
function ofClass(errors: ErrorLike[], ...names: string[]): ErrorLike | undefined {
  return errors.find((e) => e.name !== undefined && names.includes(e.name));
}

/** Every `./path` or `/path` an error message names, in order. */
function pathsIn(message: string): string[] {
  return [...message.matchAll(/(?:^|[\s(`"])(\.{1,2}\/[^\s)`"]+|\/[^\s)`"]+)/g)].map((m) => m[1] as string);
}

/** The layout a template's front matter names, where no file in the includes folder answers to it; undefined when it is found or not named. */
function missingLayout(template: string, layouts: LayoutLookup): { name: string; lookedFor: string } | undefined {
  if (!existsSync(template)) return undefined;
  const name = frontMatterKey(readFileSync(template, "utf8"), "layout")?.value;
  if (!name) return undefined;
  const file = layouts.aliases[name] ?? name;
  const base = path.join(layouts.includes, file);
  const candidates = [base, ...LAYOUT_EXTENSIONS.map((ext) => `${base}.${ext}`)];
  return candidates.some((c) => existsSync(c)) ? undefined : { name, lookedFor: base };
}

/** Where an Eleventy config looks layouts up, once Eleventy has read it. */
export function layoutLookup(config: UserConfig): LayoutLookup | undefined {
  const includes = config.directories?.includes;
  return includes === undefined ? undefined : { includes: path.resolve(includes), aliases: layoutAliases(config) };
}

/** The extensions Eleventy tries for a layout named without one. */
const LAYOUT_EXTENSIONS = ["njk", "md", "html", "liquid", "11ty.js", "11ty.cjs", "11ty.mjs"];

/** Where layouts are found: the includes folder and the config's layout aliases. */
export interface LayoutLookup {
  includes: string;
  aliases: Record<string, string>;
}

/**
 * Turns an error from Eleventy (or a template engine under it) into one finding that
 * names the file, the line where one is known, and what to fix: never a stack trace. The kind
 * of error is told by its class along the chain, and by the files themselves, never by the
 * wording of a message; messages give only the paths they name.
 */
export function explainBuildError(
  error: unknown,
  folders: {
    staging: string;
    output: string;
    relative: (file: string) => string;
    /** The content folder, whose files a stack frame may name. */
    input?: string;
    /** Where the templates' layouts are looked up. */
    layouts?: LayoutLookup;
  },
): Finding[] {
  const findingPath = folders.relative;
  const errors = errorChain(error);
  const messages = errors.map((e) => String(e.message ?? e)).filter((m) => m !== "");
  /** A file as findings name it; "(build)" where the error names none. */
  const named = (file: string | undefined): string => (file ? findingPath(file) : "(build)");

  const frontMatter = ofClass(errors, ERROR_CLASSES.frontMatter);
  if (frontMatter) {
    const yaml = errors.find((e) => e.mark);
    // The YAML parser is given the text after the opening `---` (from its line break), counting from 0.
    const line = yaml?.mark?.line !== undefined ? yaml.mark.line + 1 : 1;
    const column = (yaml?.mark?.column ?? 0) + 1;
    const reason = yaml?.reason ?? messages.at(-1) ?? "it cannot be read";
    return [frontMatterInvalid.finding("notYaml", { reason }, named(pathsIn(frontMatter.message ?? "")[0]), { line, column })];
  }

  const duplicate = ofClass(errors, ERROR_CLASSES.duplicatePermalink);
  if (duplicate) {
    // The output file first, then each page that writes it.
    const [written, ...pages] = pathsIn(duplicate.message ?? "");
    // Eleventy names the staging folder; the author knows it as the output folder.
    const target = findingPath(path.join(folders.output, path.relative(folders.staging, path.resolve(written ?? ""))));
    return pages.map((page) =>
      permalinkDuplicate.finding("sameOutput", { target, others: pages.filter((p) => p !== page).map(findingPath).join(", ") }, named(page), { line: keyLine(page, "permalink"), column: 1 }),
    );
  }

  // A template whose layout is nowhere to be found.
  if (folders.layouts) {
    for (const template of new Set(messages.flatMap(pathsIn))) {
      const missing = missingLayout(template, folders.layouts);
      if (missing) {
        return [layoutMissing.finding("notFound", { layout: missing.name, lookedFor: findingPath(missing.lookedFor) }, named(template), { line: keyLine(template, "layout"), column: 1 })];
      }
    }
  }

  // Nunjucks' own error under Eleventy's: it knows the line and column, and names the template first.
  const nunjucks = ofClass(errors, ERROR_CLASSES.templateRender, ERROR_CLASSES.templateCompile, ERROR_CLASSES.nunjucks) && errors.find((e) => typeof e.lineno === "number");
  if (nunjucks) {
    const template = pathsIn(nunjucks.message ?? "")[0];
    if (template !== undefined) {
      const detail = (nunjucks.message ?? "").split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "";
      // Nunjucks counts lines from the end of the front matter, which it never sees; the author counts from the top.
      const offset = existsSync(template) ? frontMatterLines(readFileSync(template, "utf8")) : 0;
      return [templateError.finding("cannotRender", { detail }, named(template), { line: nunjucks.lineno! + offset, column: nunjucks.colno ?? 1 })];
    }
  }

  // A JavaScript data file or template that threw: its own frame names the file and the line.
  const frame = folders.input === undefined ? undefined : errors.map((e) => frameIn(e.stack, folders.input!)).find((f) => f !== undefined);
  const file = frame?.file ?? messages.map(fileIn).find((f) => f !== undefined);
  const summary = messages
    .map((m) => m.split("\n")[0]?.trim())
    .filter((m): m is string => Boolean(m))
    .filter((m, i, list) => list.indexOf(m) === i)
    .join(": ");
  const where = { line: frame?.line ?? 1, column: frame?.column ?? 1 };
  return [summary ? buildError.finding("failed", { summary }, named(file), where) : buildError.finding("noReason", {}, named(file), where)];
}

/** The first stack frame in a file under `folder` (the site's content, where its data files live). */
function frameIn(stack: string | undefined, folder: string): { file: string; line: number; column: number } | undefined {
  for (const m of (stack ?? "").matchAll(/(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)/g)) {
    const file = decodeURIComponent(m[1] as string);
    if (!path.relative(folder, file).startsWith("..") && !file.includes(`${path.sep}node_modules${path.sep}`)) {
      return { file, line: Number(m[2]), column: Number(m[3]) };
    }
  }
  return undefined;
}
