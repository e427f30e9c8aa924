/**
 * support-period-short: a release supported for less than five years, which the EU Cyber
 * Resilience Act expects unless the product is expected to be in use for less (Art. 13(8)).
 * The product's `supportReason` says why, and the rule is then quiet for its releases.
 */
import { lastsYears, supportEndDay } from "../../formats/support-period.ts";
import type { Product } from "../../types.ts";
import type { Problem } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

/** Art. 13(8): "the support period shall be at least five years". */
export const MIN_SUPPORT_YEARS = 5;

const rule = defineRule({
  id: "support-period-short",
  severity: "warning",
  family: "data",
  summary: "A release whose security fixes end less than five years after it was released, for a product whose data gives no `supportReason`.",
  disable: "no",
  messages: {
    // `until`: supportedUntil as written; `released`: the release day.
    short:
      'release {{version}} of {{product}} gets security fixes until {{until}}, less than five years after its release on {{released}}; the EU Cyber Resilience Act expects at least five years unless the product is expected to be in use for less (Art. 13(8)): extend "supportedUntil", or say why in the product\'s "supportReason"',
  },
});

export default rule;

/** Each short support period, with the path of the release's `supportedUntil` in the site data (`products.0.releases.1.supportedUntil`). */
export function shortSupportPeriods(products: Product[]): Array<{ problem: Problem; path: string }> {
  return products.flatMap((product, n) =>
    product.supportReason !== undefined
      ? []
      : (product.releases ?? []).flatMap((release, r) => {
          const end = supportEndDay(release.supportedUntil);
          if (end === undefined || lastsYears(release.released, end, MIN_SUPPORT_YEARS)) return [];
          const values = { version: release.version, product: product.name, until: release.supportedUntil, released: release.released };
          return [{ problem: rule.problem("short", values), path: `products.${n}.releases.${r}.supportedUntil` }];
        }),
  );
}
