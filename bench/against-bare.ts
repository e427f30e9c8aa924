/**
 * The full build against bare Eleventy, both run the way a maintainer runs them, through npm:
 * `npm run build` (every check, the decoration, the publishing) and `npm run build:bare`
 * (Eleventy, markdown-it and one minimal layout, bench/bare.eleventy.mjs), on the same
 * Markdown, in alternating pairs, each from a cold process into an empty output folder. Peak
 * memory is the largest resident size in each npm process tree (GNU time's %M).
 */
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./site.ts";
import { run, type Spawned } from "./spawned.ts";

export interface BareRun {
  ms: number;
  /** KiB; undefined where GNU time is not installed. */
  maxRssKiB?: number;
}

export interface AgainstBare {
  name: string;
  pages: number;
  full: BareRun[];
  bare: BareRun[];
  failure?: string;
}

const TIME = "/usr/bin/time";

/** `npm …` under GNU time where it is installed, for the process tree's peak memory. */
async function timed(args: string[], cwd: string, env: Record<string, string>): Promise<Spawned & { maxRssKiB?: number }> {
  const done = existsSync(TIME) ? await run(TIME, ["-f", "__maxrss %M", "npm", ...args], cwd, env) : await run("npm", args, cwd, env);
  const rss = /__maxrss (\d+)/.exec(done.stderr);
  return { ...done, ...(rss ? { maxRssKiB: Number(rss[1]) } : {}) };
}

/**
 * `input` is a site's content folder; the bare build's minimal layout is copied beside it,
 * where bench/bare.eleventy.mjs looks for it (../bench/bare-includes from the input).
 * `nodeBin`, a folder with another Node's `node` and `npm`, is put first on the PATH of both.
 */
export async function measureAgainstBare(name: string, pages: number, input: string, pairs: number, tmp: string, progress: (line: string) => void, nodeBin?: string): Promise<AgainstBare> {
  const env: Record<string, string> = nodeBin === undefined ? {} : { PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ""}` };
  const result: AgainstBare = { name, pages, full: [], bare: [] };
  const layouts = path.join(path.dirname(input), "bench/bare-includes");
  if (!existsSync(layouts)) cpSync(path.join(ROOT, "bench/bare-includes"), layouts, { recursive: true });
  const tag = `${pages}${nodeBin === undefined ? "" : "-other-node"}`;
  const outputs = { full: path.join(tmp, `against-bare-${tag}-full`, "public"), bare: path.join(tmp, `against-bare-${tag}-bare`, "public") };
  const commands = {
    full: ["run", "--silent", "build", "--", "--input", input, "--output", outputs.full],
    bare: ["run", "--silent", "build:bare", "--", `--input=${input}`, `--output=${outputs.bare}`],
  };
  for (let i = 0; i <= pairs; i++) {
    if (i > 0) progress(`${name} against bare Eleventy: pair ${i} of ${pairs}`);
    for (const which of i % 2 === 1 ? (["full", "bare"] as const) : (["bare", "full"] as const)) {
      rmSync(path.dirname(outputs[which]), { recursive: true, force: true });
      mkdirSync(path.dirname(outputs[which]), { recursive: true });
      const done = await timed(commands[which], ROOT, env);
      if (done.code !== 0) return { ...result, failure: `npm ${commands[which].join(" ")} failed (exit ${done.code}):\n${done.stderr.split("\n").slice(0, 15).join("\n")}` };
      // The first round warms the disk cache and the compiled build; it is not counted.
      if (i > 0) result[which].push({ ms: done.ms, ...(done.maxRssKiB !== undefined ? { maxRssKiB: done.maxRssKiB } : {}) });
    }
  }
  return result;
}
