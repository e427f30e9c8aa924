/**
 * advisory-field on advisory files: what the reader could not take as written, the fields every
 * advisory needs, and OSV's ecosystems and credit types.
 */
import advisoryField from "../../../src/rules/advisory/advisory-field.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, TOP, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const SUMMARY = "summary: Prototype pollution in the options parser lets a crafted request change every later request's defaults.";
const RANGES = "    ranges:\n      - type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.4.3\n";
const AFFECTED = `affected:\n  - ecosystem: npm\n    name: "@example/options"\n${RANGES}`;
const DETAILS = /\n\n`parseOptions`[^]*$/;

const noFrontMatter = { name: "GHSA-2c4m-59x9-fr2g.md", text: "`parseOptions` merged the keys of a request's options.\n" };
const unclosed = { name: "GHSA-2c4m-59x9-fr2g.md", text: "---\nid: GHSA-2c4m-59x9-fr2g\ntitle: Prototype pollution\n" };
const badYaml = edited([["title: ", "title: [unclosed "]]);
const list = { name: "GHSA-2c4m-59x9-fr2g.md", text: "---\n- id: GHSA-2c4m-59x9-fr2g\n---\n\nDetails.\n" };
const misspelt = edited([["title:", "titel:"]]);
const summaryList = edited([[SUMMARY, "summary: [one, two]"]]);
const summaryKeyOnly = edited([[SUMMARY, "? summary"]]);
const aliasList = edited([["  - CVE-2025-24981", "  - [CVE-2025-24981]"]]);
const affectedText = edited([[AFFECTED, "affected: npm\n"]]);
const creditText = edited([["credits:\n", "credits:\n  - Ana Researcher\n"]]);
const rangeType = edited([["type: SEMVER", "type: CARGO"]]);
const noIntroduced = edited([["        introduced: 2.0.0\n", ""]]);
const both = edited([["        fixed: 2.4.3\n", "        fixed: 2.4.3\n        last_affected: 2.4.4\n"]]);
const gitNoRepo = edited([["type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.4.3", 'type: GIT\n        introduced: "0"\n        fixed: 4f6c2b9d0e1a3c5b7d9f1e2a4c6b8d0f2e4a6c8b']]);
const noEcosystem = edited([["  - ecosystem: npm\n    name:", "  - name:"]]);
const noName = edited([['    name: "@example/options"\n', ""]]);
const noVersions = edited([[RANGES, ""]]);
const creditNoName = edited([["  - name: Bo Maintainer\n    type: REMEDIATION_DEVELOPER", "  - type: REMEDIATION_DEVELOPER"]]);
const referenceNoUrl = edited([["  - type: ADVISORY\n    url: https://github.com/advisories/GHSA-2c4m-59x9-fr2g", "  - type: ADVISORY"]]);
const emptyId = edited([["id: GHSA-2c4m-59x9-fr2g", 'id: "  "']]);
const emptyTitle = edited([["title: Prototype pollution in @example/options", 'title: ""']]);
const emptySummary = edited([[SUMMARY, 'summary: " "']]);
const emptyPublished = edited([["published: 2025-03-01T09:30:00Z", 'published: ""']]);
const emptyModified = edited([["modified: 2025-03-04T10:00:00Z", 'modified: ""']]);
const npmCapitals = edited([["ecosystem: npm", "ecosystem: NPM"]]);
const debianSmall = edited([["ecosystem: npm", "ecosystem: debian:12"]]);
const cargo = edited([["ecosystem: npm", "ecosystem: Cargo"]]);
const discoverer = edited([["type: FINDER", "type: DISCOVERER"]]);

testRule(advisoryField, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "an advisory with every field", input: edited([]) },
    { name: "an ecosystem with a release after a colon", input: edited([["ecosystem: npm", "ecosystem: Debian:12"]]) },
    { name: "credit and reference types in small letters", input: edited([["type: FINDER", "type: finder"], ["type: FIX", "type: fix"]]) },
    { name: "a credit without a type, and a reference without one", input: edited([["    type: REMEDIATION_DEVELOPER\n", ""], ["  - type: ADVISORY\n    url:", "  - url:"]]) },
    { name: "a package that lists its versions instead of ranges", input: edited([[RANGES, "    versions:\n      - 2.0.0\n      - 2.0.1\n"]]) },
    { name: "versions written as numbers", input: edited([["introduced: 2.0.0", "introduced: 1.10"], ["fixed: 2.4.3", "fixed: 1.20"]]) },
  ],
  invalid: [
    { name: "a file without front matter", input: noFrontMatter, findings: [{ messageId: "noFrontMatter", ...TOP }] },
    { name: "front matter that is not closed", input: unclosed, findings: [{ messageId: "frontMatterUnclosed", ...TOP }] },
    {
      name: "front matter that is not valid YAML, at the line where the parser finds the error",
      input: badYaml,
      findings: [{ messageId: "yamlInvalid", ...at(badYaml, "summary:"), message: "the front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]" }],
    },
    { name: "front matter that is a list, not fields", input: list, findings: [{ messageId: "notFields", line: 2, column: 1 }] },
    {
      name: "a misspelt field, which also leaves its field missing",
      input: misspelt,
      findings: [
        { messageId: "unknownField", ...at(misspelt, "titel"), message: "`titel` is not an advisory field: the fields are id, aliases, title, summary, published, modified, severity, affected, credits, references" },
        { messageId: "noTitle", ...TOP },
      ],
    },
    {
      name: "a list where text belongs",
      input: summaryList,
      findings: [
        { messageId: "notText", ...at(summaryList, "[one, two]"), message: "`summary` must be text" },
        { messageId: "noSummary", ...TOP },
      ],
    },
    {
      name: "a field with no value at all, at its key",
      input: summaryKeyOnly,
      findings: [
        { messageId: "notText", ...at(summaryKeyOnly, "summary") },
        { messageId: "noSummary", ...TOP },
      ],
    },
    { name: "an alias that is a list", input: aliasList, findings: [{ messageId: "itemNotText", ...at(aliasList, "[CVE"), message: "each of `aliases` must be text" }] },
    {
      name: "`affected` written as text",
      input: affectedText,
      findings: [
        { messageId: "notList", ...at(affectedText, "npm"), message: '`affected` must be a list (each item on a line starting with "- ")' },
        { messageId: "noAffected", ...TOP },
      ],
    },
    { name: "a credit that is a name alone", input: creditText, findings: [{ messageId: "itemNotFields", ...at(creditText, "Ana Researcher"), message: "each item of `credits` must be a set of fields" }] },
    { name: "a range type OSV lacks", input: rangeType, findings: [{ messageId: "rangeTypeUnknown", ...at(rangeType, "CARGO"), message: '`affected[0].ranges[0].type` is "CARGO": it must be SEMVER, ECOSYSTEM or GIT' }] },
    {
      name: "a range without `introduced`, which leaves its package without versions",
      input: noIntroduced,
      findings: [
        { messageId: "rangeNoIntroduced", ...at(noIntroduced, "type: SEMVER"), message: '`affected[0].ranges[0]` has no `introduced`: give the first affected version ("0" for all versions before `fixed`)' },
        { messageId: "packageNoVersions", ...at(noIntroduced, "ecosystem: npm"), message: "`affected[0]` names no `ranges` and no `versions`: say which versions are affected" },
      ],
    },
    { name: "a range with both `fixed` and `last_affected`", input: both, findings: [{ messageId: "rangeFixedAndLastAffected", ...at(both, "2.4.4"), message: "`affected[0].ranges[0]` has both `fixed` and `last_affected`: OSV allows one" }] },
    { name: "a GIT range without its repository", input: gitNoRepo, findings: [{ messageId: "gitRangeNoRepo", ...at(gitNoRepo, "type: GIT"), message: "`affected[0].ranges[0]` is a GIT range without `repo`: give the repository's URL" }] },
    { name: "a package without its ecosystem", input: noEcosystem, findings: [{ messageId: "packageNoEcosystem", ...at(noEcosystem, 'name: "@example'), message: "`affected[0]` has no `ecosystem` (npm, PyPI, Maven, Go, …)" }] },
    { name: "a package without its name", input: noName, findings: [{ messageId: "packageNoName", ...at(noName, "ecosystem: npm"), message: "`affected[0]` has no `name`: the package's name in its ecosystem" }] },
    { name: "a package with neither ranges nor versions", input: noVersions, findings: [{ messageId: "packageNoVersions", ...at(noVersions, "ecosystem: npm") }] },
    { name: "a credit without a name", input: creditNoName, findings: [{ messageId: "creditNoName", ...at(creditNoName, "type: REMEDIATION_DEVELOPER"), message: "`credits[1]` has no `name`" }] },
    { name: "a reference without its address", input: referenceNoUrl, findings: [{ messageId: "referenceNoUrl", ...at(referenceNoUrl, "type: ADVISORY"), message: "`references[1]` has no `url`" }] },
    { name: "no id", input: edited([["id: GHSA-2c4m-59x9-fr2g\n", ""]]), findings: [{ messageId: "noId", ...TOP, message: "the advisory has no `id`: give its id (the GHSA id GitHub gave it, or its CVE id)" }] },
    { name: "an id of spaces", input: emptyId, findings: [{ messageId: "emptyId", ...at(emptyId, '"  "'), message: "`id` is empty: give its id (the GHSA id GitHub gave it, or its CVE id)" }] },
    { name: "no title", input: edited([["title: Prototype pollution in @example/options\n", ""]]), findings: [{ messageId: "noTitle", ...TOP, message: "the advisory has no `title`: a line that names the flaw and the product" }] },
    { name: "an empty title", input: emptyTitle, findings: [{ messageId: "emptyTitle", ...at(emptyTitle, '""'), message: "`title` is empty: a line that names the flaw and the product" }] },
    { name: "no summary", input: edited([[`${SUMMARY}\n`, ""]]), findings: [{ messageId: "noSummary", ...TOP, message: "the advisory has no `summary`: one sentence: what an attacker can do, in what" }] },
    { name: "a summary of one space", input: emptySummary, findings: [{ messageId: "emptySummary", ...at(emptySummary, '" "'), message: "`summary` is empty: one sentence: what an attacker can do, in what" }] },
    { name: "no publication time", input: edited([["published: 2025-03-01T09:30:00Z\n", ""]]), findings: [{ messageId: "noPublished", ...TOP, message: "the advisory has no `published`: when it was published, e.g. 2021-06-22T00:00:00Z" }] },
    { name: "an empty publication time, which no date check reads", input: emptyPublished, findings: [{ messageId: "emptyPublished", ...at(emptyPublished, '""'), message: "`published` is empty: when it was published, e.g. 2021-06-22T00:00:00Z" }] },
    { name: "no modification time", input: edited([["modified: 2025-03-04T10:00:00Z\n", ""]]), findings: [{ messageId: "noModified", ...TOP, message: "the advisory has no `modified`: when it last changed, e.g. 2021-06-22T00:00:00Z" }] },
    { name: "an empty modification time", input: emptyModified, findings: [{ messageId: "emptyModified", ...at(emptyModified, '""'), message: "`modified` is empty: when it last changed, e.g. 2021-06-22T00:00:00Z" }] },
    { name: "no affected package", input: edited([[AFFECTED, ""]]), findings: [{ messageId: "noAffected", ...TOP, message: "the advisory has no `affected`: name each affected package, its ecosystem and versions" }] },
    { name: "no details after the front matter", input: edited([[DETAILS, "\n"]]), findings: [{ messageId: "noDetails", ...TOP, message: "the advisory has no details: write them in Markdown after the front matter" }] },
    { name: "an ecosystem in the wrong letters", input: npmCapitals, findings: [{ messageId: "ecosystemCase", ...at(npmCapitals, "NPM"), message: 'the ecosystem "NPM" is not one OSV knows: write it "npm"' }] },
    { name: "an ecosystem with a release, in the wrong letters", input: debianSmall, findings: [{ messageId: "ecosystemCase", ...at(debianSmall, "debian:12"), message: 'the ecosystem "debian:12" is not one OSV knows: write it "Debian"' }] },
    {
      name: "an ecosystem OSV does not know",
      input: cargo,
      findings: [{ messageId: "ecosystemUnknown", ...at(cargo, "Cargo"), message: 'the ecosystem "Cargo" is not one OSV knows (AlmaLinux, Alpaquita, Alpine, Android, Azure Linux, BellSoft Hardened Containers, Bioconductor, Bitnami, Chainguard, CleanStart, ConanCenter, CRAN, …)' }],
    },
    {
      name: "a credit type OSV lacks",
      input: discoverer,
      findings: [{ messageId: "creditTypeUnknown", ...at(discoverer, "DISCOVERER"), message: 'the credit type "DISCOVERER" is not one of OSV\'s: FINDER, REPORTER, ANALYST, COORDINATOR, REMEDIATION_DEVELOPER, REMEDIATION_REVIEWER, REMEDIATION_VERIFIER, TOOL, SPONSOR, OTHER' }],
    },
  ],
  example: (text) => pageAdvisory(advisoryField.id, text),
});
