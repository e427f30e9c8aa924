import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { finding, type Finding, type RuleId } from "../findings/finding.ts";
import { frontMatterKeyLine, frontMatterLines } from "../findings/locate.ts";

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

/**
 * Turns an error from Eleventy (or a template engine under it) into one finding that
 * names the file, the line where one is known, and what to fix: never a stack trace.
 */
export function explainBuildError(
  error: unknown,
  folders: { staging: string; output: string; relative: (file: string) => string; /** The content folder, whose files a stack frame may name. */ input?: string },
): Finding[] {
  const findingPath = folders.relative;
  const errors = errorChain(error);
  const messages = errors.map((e) => String(e.message ?? e)).filter((m) => m !== "");
  const all = messages.join("\n");
  const at = (file: string | undefined, line: number, column: number, rule: RuleId, message: string): Finding =>
    finding(rule, file ? findingPath(file) : "(build)", { line, column }, message);

  const frontMatter = /Having trouble reading front matter from template (\S+)/.exec(all);
  if (frontMatter) {
    const yaml = errors.find((e) => e.mark);
    // The YAML parser is given the text after the opening `---` (from its line break), counting from 0.
    const line = yaml?.mark?.line !== undefined ? yaml.mark.line + 1 : 1;
    const column = (yaml?.mark?.column ?? 0) + 1;
    const reason = yaml?.reason ?? messages.at(-1) ?? "it cannot be read";
    return [at(frontMatter[1], line, column, "front-matter-invalid", `the front matter is not valid YAML: ${reason}; fix the lines between the two "---"`)];
  }

  const layout = /layout that does not exist: (\S+)(?: \(via `layout: ([^`]+)`\))?/.exec(all);
  if (layout) {
    const template = /for the "([^"]+)" template/.exec(all)?.[1];
    const name = layout[2] ?? layout[1];
    return [
      at(
        template,
        template ? keyLine(template, "layout") : 1,
        1,
        "layout-missing",
        `the layout "${name}" does not exist (looked for ${findingPath(layout[1] ?? "")}); use "layouts/policy.njk" (or its alias "ballerina-inner-page"), or add the layout to _includes/`,
      ),
    ];
  }

  const conflict = /Output conflict: multiple input files are writing to `([^`]+)`/.exec(all);
  if (conflict) {
    const pages = [...all.matchAll(/^\s+\d+\. (\S+)$/gm)].map((m) => m[1] as string);
    // Eleventy names the staging folder; the author knows it as the output folder.
    const target = findingPath(path.join(folders.output, path.relative(folders.staging, path.resolve(conflict[1] ?? ""))));
    return pages.map((page) =>
      at(
        page,
        keyLine(page, "permalink"),
        1,
        "permalink-duplicate",
        `this page writes ${target}, and so does ${pages.filter((p) => p !== page).map(findingPath).join(", ")}; give each page its own permalink`,
      ),
    );
  }

  // Nunjucks reports `(file) [Line n, Column m]`.
  const njk = /\(([^)]+\.(?:njk|md|html))\)\s*\[Line (\d+), Column (\d+)\]\s*([^\n]*)/.exec(all);
  if (njk) {
    const detail = messages.at(-1)?.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? njk[4];
    // Nunjucks counts lines from the end of the front matter, which it never sees; the author counts from the top.
    const template = njk[1] as string;
    const offset = existsSync(template) ? frontMatterLines(readFileSync(template, "utf8")) : 0;
    return [at(template, Number(njk[2]) + offset, Number(njk[3]), "template-error", `the template cannot be rendered: ${detail}`)];
  }

  // A JavaScript data file or template that threw: its own frame names the file and the line.
  const frame = folders.input === undefined ? undefined : errors.map((e) => frameIn(e.stack, folders.input!)).find((f) => f !== undefined);
  const file = frame?.file ?? messages.map(fileIn).find((f) => f !== undefined);
  const summary = messages
    .map((m) => m.split("\n")[0]?.trim())
    .filter((m): m is string => Boolean(m))
    .filter((m, i, list) => list.indexOf(m) === i)
    .join(": ");
  return [at(file, frame?.line ?? 1, frame?.column ?? 1, "build-error", summary || "the build failed for a reason Eleventy did not give")];
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
