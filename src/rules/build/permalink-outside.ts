/**
 * permalink-outside: a page whose URL, as Eleventy maps a URL to a file, would be written
 * outside the output folder. The finding is at the page's `permalink` line; the build stops.
 */
import path from "node:path";
import type { Finding } from "../../findings/finding.ts";
import { frontMatterKeyLine } from "../../findings/locate.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "permalink-outside",
  severity: "error",
  family: "page",
  summary: "A permalink writes outside the output folder; the build stops before any page is written.",
  disable: "no",
  messages: {
    outsideOutput: 'the permalink "{{url}}" writes outside the output folder; use a permalink that starts with "/" and has no ".."',
  },
});

export default rule;

/** Whether a page's URL writes inside the output folder (an absolute path), as Eleventy maps a URL to a file. */
export function insideOutput(outputDir: string, url: string): boolean {
  const target = path.resolve(outputDir, `.${url.endsWith("/") ? `${url}index.html` : url}`);
  return target.startsWith(outputDir + path.sep);
}

/**
 * The finding for a page whose URL writes outside the output folder, at its `permalink` line.
 * `file` is the page as findings name it; `source` gives its text, or undefined where it has
 * none to read (line 1 then).
 */
export function permalinkOutside(url: string, file: string, source: () => string | undefined): Finding {
  const raw = source();
  const line = raw === undefined ? 1 : frontMatterKeyLine(raw, "permalink");
  return rule.finding("outsideOutput", { url }, file, { line, column: 1 });
}

/** A finding when `url` (false: the page is not written) writes outside `outputDir`; none when it writes inside. */
export function checkPermalink(outputDir: string, url: string | false, file: string, source: () => string | undefined): Finding | undefined {
  if (url === false || insideOutput(outputDir, url)) return undefined;
  return permalinkOutside(url, file, source);
}
