import type { Problem } from "../../findings/finding.ts";
import type { ScannedPage } from "../../formats/html-scan.ts";
import { defineRule } from "../rule.ts";

const anchorDuplicate = defineRule({
  id: "anchor-duplicate",
  severity: "error",
  family: "anchor",
  summary: "An id used twice on one page.",
  disable: "page",
  messages: {
    duplicate: 'id "{{id}}" is used {{count}} times on this page; ids must be unique so links land in one place',
  },
});

export default anchorDuplicate;

/** Every use of an id after its first, at the element that uses it again. */
export function checkDuplicateIds(page: ScannedPage): Problem[] {
  return [...page.ids].flatMap(([id, places]) =>
    places.slice(1).map((index) => anchorDuplicate.problem("duplicate", { id, count: places.length }, { index, needles: [`id="${id}"`] })),
  );
}
