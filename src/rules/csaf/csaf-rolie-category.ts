/**
 * csaf-rolie-category: CSAF 2.0 requirement 17, the ROLIE category documents the provider
 * metadata lists (the build lists one naming the site's products, where it has any) served, and
 * each a category document.
 */
import { isObject, list, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-rolie-category",
  severity: "error",
  family: "csaf",
  summary: "A ROLIE category document the provider metadata lists is not served, or is not a category document (requirement 17).",
  disable: "no",
  messages: {
    notCategories: "is listed in provider-metadata.json as a ROLIE category document, but {{reason}} (CSAF 2.0 requirement 17): let the build write it from \"products\" in the site data, or take the copied one out of the site",
  },
});

export default rule;

export function checkCategories(d: Distribution): CsafIssue[] {
  return d.categories.flatMap((url): CsafIssue[] => {
    const path = d.pathOf(url);
    if (path === undefined) return [];
    const read = d.json(path);
    const categories = read?.ok && isObject(read.value) && isObject(read.value.categories) ? read.value.categories : undefined;
    if (categories !== undefined && Array.isArray(categories.category) && list(categories.category).every((c) => isObject(c) && typeof c.term === "string")) return [];
    const reason =
      read === undefined
        ? "the site does not serve it"
        : !read.ok
          ? `it is not JSON (${read.reason})`
          : categories === undefined
            ? 'it has no "categories" object'
            : !Array.isArray(categories.category)
              ? 'its "categories" has no list of "category"'
              : 'a category has no "term"';
    return [{ path, problem: rule.problem("notCategories", { reason }) }];
  });
}
