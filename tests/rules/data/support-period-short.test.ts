/**
 * support-period-short on site data read by readSiteData: each release's support period against
 * five years from its release (the EU Cyber Resilience Act, Art. 13(8)), a month counted to its
 * last day, and the product's supportReason that answers for all its releases.
 */
import { readSiteData } from "../../../src/data/site-data.ts";
import supportPeriodShort from "../../../src/rules/data/support-period-short.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DATA_FILE, GOOD, json, valueOf } from "./site-data-text.ts";

const run = (text: string) => readSiteData(text, DATA_FILE).findings;

const PRODUCT = { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" };
/** The good data with one product whose one release came out on `released` and is supported until `until`. */
const release = (released: string, until: string, more: Record<string, unknown> = {}) => json({ ...GOOD, products: [{ ...PRODUCT, ...more, releases: [{ version: "2.1.0", released, supportedUntil: until }] }] });
const TWO_SHORT = json({
  ...GOOD,
  products: [
    {
      ...PRODUCT,
      releases: [
        { version: "1.0.0", released: "2024-01-10", supportedUntil: "2026-01" },
        { version: "2.0.0", released: "2025-06-01", supportedUntil: "2030-05" },
      ],
    },
  ],
});
const END = 'the EU Cyber Resilience Act expects at least five years unless the product is expected to be in use for less (Art. 13(8)): extend "supportedUntil", or say why in the product\'s "supportReason"';

testRule(supportPeriodShort, run, {
  example: (text) => text,
  valid: [
    { name: "to the day five years on", input: release("2026-03-01", "2031-03-01") },
    { name: "a month counts to its last day: March 2031 for a release on 31 March 2026", input: release("2026-03-31", "2031-03") },
    { name: "a release on 29 February is held to 28 February five years on", input: release("2028-02-29", "2033-02-28") },
    { name: "a short period the product's supportReason answers for", input: release("2026-03-01", "2027-03", { supportReason: "a conference app, used for the week of the event" }) },
    { name: "a product with no releases", input: json({ ...GOOD, products: [PRODUCT] }) },
  ],
  invalid: [
    {
      name: "a day short of five years",
      input: release("2026-03-01", "2031-02-28"),
      findings: [{ messageId: "short", ...valueOf(release("2026-03-01", "2031-02-28"), "supportedUntil"), message: `release 2.1.0 of Example Options gets security fixes until 2031-02-28, less than five years after its release on 2026-03-01; ${END}` }],
    },
    {
      name: "a month that ends before the day five years on",
      input: release("2026-03-31", "2031-02"),
      findings: [{ messageId: "short", ...valueOf(release("2026-03-31", "2031-02"), "supportedUntil"), message: `release 2.1.0 of Example Options gets security fixes until 2031-02, less than five years after its release on 2026-03-31; ${END}` }],
    },
    {
      name: "each short release, at its own line",
      input: TWO_SHORT,
      findings: [
        { messageId: "short", ...valueOf(TWO_SHORT, "supportedUntil", 1) },
        { messageId: "short", ...valueOf(TWO_SHORT, "supportedUntil", 2) },
      ],
    },
  ],
});
