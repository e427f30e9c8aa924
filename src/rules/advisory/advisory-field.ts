/**
 * advisory-field: what the advisory reader (src/formats/advisory.ts) could not take as written,
 * in words (its problem codes are message ids here), and the fields the checks require: each
 * one present and not empty, an ecosystem and a credit type OSV knows.
 */
import type { AdvisoryProblem, AdvisorySource, At } from "../../formats/advisory.ts";
import { CREDIT_TYPES } from "../../formats/advisory.ts";
import { placed, type Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-field",
  severity: "error",
  family: "advisory",
  summary: "An advisory field is missing, empty, of the wrong kind or not one of OSV's values, or its front matter is not valid YAML.",
  disable: "no",
  messages: {
    // What the reader found (src/formats/advisory.ts).
    noFrontMatter: "the file has no front matter: start it with a line of three dashes, the advisory's fields, then another",
    frontMatterUnclosed: "the front matter is not closed: end it with a line of three dashes",
    yamlInvalid: "the front matter is not valid YAML: {{error}}",
    notFields: "the front matter must be a set of fields (id: …, title: …)",
    unknownField: "`{{field}}` is not an advisory field: the fields are {{fields}}",
    notText: "`{{field}}` must be text",
    itemNotText: "each of `{{field}}` must be text",
    notList: '`{{field}}` must be a list (each item on a line starting with "- ")',
    itemNotFields: "each item of `{{field}}` must be a set of fields",
    rangeTypeUnknown: '`{{range}}.type` is "{{type}}": it must be SEMVER, ECOSYSTEM or GIT',
    rangeNoIntroduced: '`{{range}}` has no `introduced`: give the first affected version ("0" for all versions before `fixed`)',
    rangeFixedAndLastAffected: "`{{range}}` has both `fixed` and `last_affected`: OSV allows one",
    gitRangeNoRepo: "`{{range}}` is a GIT range without `repo`: give the repository's URL",
    packageNoEcosystem: "`{{package}}` has no `ecosystem` (npm, PyPI, Maven, Go, …)",
    packageNoName: "`{{package}}` has no `name`: the package's name in its ecosystem",
    packageNoVersions: "`{{package}}` names no `ranges` and no `versions`: say which versions are affected",
    creditNoName: "`{{credit}}` has no `name`",
    referenceNoUrl: "`{{reference}}` has no `url`",
    // The fields every advisory needs.
    noId: "the advisory has no `id`: give its id (the GHSA id GitHub gave it, or its CVE id)",
    emptyId: "`id` is empty: give its id (the GHSA id GitHub gave it, or its CVE id)",
    noTitle: "the advisory has no `title`: a line that names the flaw and the product",
    emptyTitle: "`title` is empty: a line that names the flaw and the product",
    noSummary: "the advisory has no `summary`: one sentence: what an attacker can do, in what",
    emptySummary: "`summary` is empty: one sentence: what an attacker can do, in what",
    noPublished: "the advisory has no `published`: when it was published, e.g. 2021-06-22T00:00:00Z",
    emptyPublished: "`published` is empty: when it was published, e.g. 2021-06-22T00:00:00Z",
    noModified: "the advisory has no `modified`: when it last changed, e.g. 2021-06-22T00:00:00Z",
    emptyModified: "`modified` is empty: when it last changed, e.g. 2021-06-22T00:00:00Z",
    noAffected: "the advisory has no `affected`: name each affected package, its ecosystem and versions",
    noDetails: "the advisory has no details: write them in Markdown after the front matter",
    // OSV's values.
    ecosystemCase: 'the ecosystem "{{ecosystem}}" is not one OSV knows: write it "{{known}}"',
    ecosystemUnknown: 'the ecosystem "{{ecosystem}}" is not one OSV knows ({{ecosystems}}, …)',
    creditTypeUnknown: 'the credit type "{{type}}" is not one of OSV\'s: {{types}}',
  },
});

export default rule;

/** OSV's ecosystems (the `ecosystemWithSuffix` pattern of ossf/osv-schema's schema.json, GIT included); one may carry a suffix after ":" (Debian:12). */
export const OSV_ECOSYSTEMS = ["AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "BellSoft Hardened Containers", "Bioconductor", "Bitnami", "Chainguard", "CleanStart", "ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images", "Echo", "FreeBSD", "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Kubernetes", "Linux", "Mageia", "Maven", "MinimOS", "npm", "NuGet", "opam", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux", "Root", "RubyGems", "SUSE", "SwiftURL", "TuxCare", "Ubuntu", "VSCode", "Wolfi", "GIT"];

/** What the reader could not take as written, as a finding in `file`. */
export function readerFinding(p: AdvisoryProblem, file: string): Finding {
  return placed(rule.fromFormat(p), file, p);
}

/** The fields an advisory must give, each with its message when missing and when empty. */
const REQUIRED = {
  id: ["noId", "emptyId"],
  title: ["noTitle", "emptyTitle"],
  summary: ["noSummary", "emptySummary"],
  published: ["noPublished", "emptyPublished"],
  modified: ["noModified", "emptyModified"],
} as const;

/** A required field's value, trimmed ("" where it is missing or empty), and the finding where it is. */
export function requiredField(source: AdvisorySource, key: keyof typeof REQUIRED, file: string): { value: string; finding?: Finding } {
  const value = source[key];
  const [missing, empty] = REQUIRED[key];
  if (value === undefined) return { value: "", finding: rule.finding(missing, {}, file, source.start) };
  const trimmed = value.value.trim();
  return trimmed === "" ? { value: "", finding: rule.finding(empty, {}, file, value.at) } : { value: trimmed };
}

/** An ecosystem OSV does not know; "" (none given) is the reader's problem, not this one. */
export function ecosystemFinding(ecosystem: At<string>, file: string): Finding | undefined {
  const name = ecosystem.value.split(":")[0]!;
  if (ecosystem.value === "" || OSV_ECOSYSTEMS.includes(name)) return undefined;
  const near = OSV_ECOSYSTEMS.find((e) => e.toLowerCase() === name.toLowerCase());
  return near
    ? rule.finding("ecosystemCase", { ecosystem: ecosystem.value, known: near }, file, ecosystem.at)
    : rule.finding("ecosystemUnknown", { ecosystem: ecosystem.value, ecosystems: OSV_ECOSYSTEMS.slice(0, 12).join(", ") }, file, ecosystem.at);
}

/** A credit type that is not one of OSV's. */
export function creditTypeFinding(type: At<string> | undefined, file: string): Finding | undefined {
  if (!type || (CREDIT_TYPES as readonly string[]).includes(type.value)) return undefined;
  return rule.finding("creditTypeUnknown", { type: type.value, types: CREDIT_TYPES.join(", ") }, file, type.at);
}
