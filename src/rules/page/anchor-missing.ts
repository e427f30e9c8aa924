import type { Problem } from "../../findings/finding.ts";
import type { ScannedPage } from "../../formats/html-scan.ts";
import { defineRule } from "../rule.ts";

const anchorMissing = defineRule({
  id: "anchor-missing",
  severity: "error",
  family: "anchor",
  summary: "An in-page `#id` link with no target.",
  disable: "page",
  messages: {
    noTarget: 'link to "{{href}}" has no target: no element on this page has id "{{id}}"',
    noTargetDidYouMean: 'link to "{{href}}" has no target: no element on this page has id "{{id}}"; did you mean "#{{hint}}"?',
  },
});

export default anchorMissing;

/**
 * Every in-page link (`#id`, percent-escapes decoded) to an id no element on the page has; where
 * an id differs from it only in case or hyphens, the problem suggests it.
 */
export function checkAnchorTargets(page: ScannedPage): Problem[] {
  const problems: Problem[] = [];
  for (const link of page.links) {
    if (!link.href.startsWith("#") || link.href === "#") continue;
    let id: string;
    try {
      id = decodeURIComponent(link.href.slice(1));
    } catch {
      id = link.href.slice(1);
    }
    if (page.ids.has(id)) continue;
    const hint = [...page.ids.keys()].find((k) => k.toLowerCase() === id.toLowerCase() || k.replace(/-/g, "") === id.replace(/-/g, ""));
    const where = { index: link.index, needles: [link.href] };
    problems.push(
      // An empty id (`id=""`) is no target to suggest.
      hint
        ? anchorMissing.problem("noTargetDidYouMean", { href: link.href, id, hint }, where)
        : anchorMissing.problem("noTarget", { href: link.href, id }, where),
    );
  }
  return problems;
}
