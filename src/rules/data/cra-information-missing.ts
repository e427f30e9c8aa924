/**
 * cra-information-missing: an item of the user information the EU Cyber Resilience Act
 * (Regulation (EU) 2024/2847) asks a manufacturer to give, which the site data does not supply,
 * so that the site's CRA page (/security/cra/) has nothing to link it to. Reported only for a
 * site that has that page; each message names the field that would supply the item.
 */
import type { Problem } from "../../findings/finding.ts";
import type { Contact, Disclosure, Product } from "../../types.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "cra-information-missing",
  severity: "warning",
  family: "data",
  summary: "An item of the user information the EU Cyber Resilience Act asks for that the site data does not supply, on a site with a CRA page.",
  disable: "no",
  messages: {
    // `item`: what the user is to be told; `reference`: where the Regulation asks for it; `field`: the site data field that supplies it.
    missing: "the Cyber Resilience Act page states no {{item}} ({{reference}}): add {{field}} to the site data",
  },
});

export default rule;

/** The items, in the order of the Regulation's annexes. */
export const CRA_ITEMS = [
  { id: "manufacturer", item: "name and contact of the manufacturer", reference: "Annex II (1)", field: '"name", "url" and "contacts"' },
  { id: "contact", item: "single point of contact for reporting vulnerabilities", reference: "Annex II (2); Annex I, Part II (6)", field: '"contacts"' },
  { id: "cvd", item: "coordinated vulnerability disclosure policy", reference: "Annex II (2); Annex I, Part II (5)", field: '"disclosure"' },
  { id: "support", item: "support period and its end date", reference: "Art. 13(8) and (19); Annex II (7)", field: '"releases", with "supportedUntil", for each of "products"' },
  { id: "sbom", item: "place of the software bill of materials", reference: "Annex II (9)", field: '"sbom" in the releases of "products"' },
  { id: "advisories", item: "information about fixed vulnerabilities", reference: "Annex I, Part II (4)", field: 'advisories in content/advisories/, about the declared "products"' },
] as const;

export type CraItemId = (typeof CRA_ITEMS)[number]["id"];

/** What the CRA page is made from: the site data, and whether the site publishes advisories. */
export interface CraSource {
  name: string;
  url: string;
  contacts: readonly Contact[];
  products?: readonly Product[];
  disclosure?: Disclosure;
  /** The site publishes its advisories' list, feed and OSV records. */
  advisories: boolean;
}

/** Whether the data supplies each item. */
export function craStated(source: CraSource): Record<CraItemId, boolean> {
  const products = source.products ?? [];
  const releases = products.flatMap((p) => p.releases ?? []);
  return {
    manufacturer: source.name !== "" && source.url !== "" && source.contacts.length > 0,
    contact: source.contacts.length > 0,
    cvd: source.disclosure !== undefined,
    support: products.length > 0 && products.every((p) => (p.releases ?? []).length > 0),
    sbom: releases.some((r) => r.sbom !== undefined),
    advisories: source.advisories && products.length > 0,
  };
}

/** A warning for each item the data does not supply. */
export function craInformationMissing(source: CraSource): Problem[] {
  const stated = craStated(source);
  return CRA_ITEMS.filter((i) => !stated[i.id]).map((i) => rule.problem("missing", { item: i.item, reference: i.reference, field: i.field }));
}
