import markdownIt from "markdown-it";
import alerts from "./alerts.ts";
import headingIds from "./heading-ids.ts";

/**
 * A SECURITY.md as GitHub renders it: its heading ids, which the build makes the same way
 * (heading-ids.ts), and its alerts. `verify --security-md` and `check` both read it so.
 */
export function renderSecurityMd(markdown: string): string {
  // Links as GitHub shows the file: a bare address with its scheme, never a guess that "example.com" is one.
  const md = markdownIt({ html: true, linkify: true }).use(headingIds).use(alerts);
  md.linkify.set({ fuzzyLink: false });
  return md.render(markdown);
}
