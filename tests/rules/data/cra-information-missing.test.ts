/**
 * cra-information-missing on site data read by readSiteData, as the CRA page's plugin reports it
 * (src/plugins/cra-page.ts): one warning per item of user information the data does not supply,
 * at "products" where the data declares them, else at the top of the file.
 */
import { readSiteData } from "../../../src/data/site-data.ts";
import { placed } from "../../../src/findings/finding.ts";
import craRule, { craInformationMissing } from "../../../src/rules/data/cra-information-missing.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DATA_FILE, GOOD, json, TOP, valueOf } from "./site-data-text.ts";

interface Input {
  text: string;
  /** Whether the site publishes advisories: it has their list page. */
  advisories: boolean;
}

function run({ text, advisories }: Input) {
  const { data, locate } = readSiteData(text, DATA_FILE);
  if (!data || !locate) throw new Error(`the case's data does not read: ${text}`);
  const at = data.products ? locate("products") : TOP;
  return craInformationMissing({ ...data, advisories }).map((p) => placed(p, DATA_FILE, at));
}

const PRODUCT = { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" };
const RELEASE = { version: "2.1.0", released: "2026-03-01", supportedUntil: "2031-03", sbom: "https://example.org/sbom/2.1.0.cdx.json" };
const DISCLOSURE = { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true };
const COMPLETE = { ...GOOD, products: [{ ...PRODUCT, releases: [RELEASE] }], disclosure: DISCLOSURE };
const field = (text: string) => valueOf(text, "products");

testRule(craRule, run, {
  example: (text) => ({ text, advisories: true }),
  valid: [{ name: "every item supplied, with advisories published", input: { text: json(COMPLETE), advisories: true } }],
  invalid: [
    {
      name: "no disclosure facts",
      input: { text: json({ ...COMPLETE, disclosure: undefined }), advisories: true },
      findings: [
        {
          messageId: "missing",
          ...field(json({ ...COMPLETE, disclosure: undefined })),
          message: 'the Cyber Resilience Act page states no coordinated vulnerability disclosure policy (Annex II (2); Annex I, Part II (5)): add "disclosure" to the site data',
        },
      ],
    },
    {
      name: "a product without releases, and so no support period",
      input: { text: json({ ...COMPLETE, products: [{ ...PRODUCT, releases: [RELEASE] }, { ...PRODUCT, name: "Example Archive", purl: "pkg:pypi/example-archive" }] }), advisories: true },
      findings: [
        {
          messageId: "missing",
          ...field(json({ ...COMPLETE, products: [{ ...PRODUCT, releases: [RELEASE] }, { ...PRODUCT, name: "Example Archive", purl: "pkg:pypi/example-archive" }] })),
          message: 'the Cyber Resilience Act page states no support period and its end date (Art. 13(8) and (19); Annex II (7)): add "releases", with "supportedUntil", for each of "products" to the site data',
        },
      ],
    },
    {
      name: "releases without an SBOM",
      input: { text: json({ ...COMPLETE, products: [{ ...PRODUCT, releases: [{ ...RELEASE, sbom: undefined }] }] }), advisories: true },
      findings: [{ messageId: "missing", ...field(json({ ...COMPLETE, products: [{ ...PRODUCT, releases: [{ ...RELEASE, sbom: undefined }] }] })), message: 'the Cyber Resilience Act page states no place of the software bill of materials (Annex II (9)): add "sbom" in the releases of "products" to the site data' }],
    },
    {
      name: "no advisories published",
      input: { text: json(COMPLETE), advisories: false },
      findings: [
        {
          messageId: "missing",
          ...field(json(COMPLETE)),
          message: 'the Cyber Resilience Act page states no information about fixed vulnerabilities (Annex I, Part II (4)): add advisories in content/advisories/, about the declared "products" to the site data',
        },
      ],
    },
    {
      name: "no products at all: the support period, the SBOM and the advisories missing, at the top of the file",
      input: { text: json({ ...GOOD, disclosure: DISCLOSURE }), advisories: true },
      findings: [
        { messageId: "missing", ...TOP },
        { messageId: "missing", ...TOP },
        { messageId: "missing", ...TOP },
      ],
    },
  ],
});
