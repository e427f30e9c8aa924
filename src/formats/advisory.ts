/**
 * An advisory as its author writes it: `content/advisories/<id>.md`, the facts in front matter
 * and the details in Markdown. Read with the position of every value, so that each problem is
 * reported at its line. Pure: text in, the advisory and neutral problems out (worded by the
 * rule advisory-field); the checks on what it says are in src/rules/advisory.ts.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import type { CvssScore } from "./cvss.ts";
import type { Position } from "./json.ts";
import type { FormatProblem } from "./problem.ts";

/** A value as written, with where it was written. */
export interface At<T> {
  value: T;
  at: Position;
}

/** OSV's range types: SEMVER and ECOSYSTEM order versions, GIT names commits. */
export type RangeType = "SEMVER" | "ECOSYSTEM" | "GIT";

export interface AffectedRange {
  type: RangeType;
  introduced: At<string>;
  fixed?: At<string>;
  lastAffected?: At<string>;
  /** A GIT range's repository. */
  repo?: At<string>;
  at: Position;
}

export interface AffectedPackage {
  ecosystem: At<string>;
  name: At<string>;
  ranges: AffectedRange[];
  versions: Array<At<string>>;
  at: Position;
}

/** OSV's credit types. */
export const CREDIT_TYPES = ["FINDER", "REPORTER", "ANALYST", "COORDINATOR", "REMEDIATION_DEVELOPER", "REMEDIATION_REVIEWER", "REMEDIATION_VERIFIER", "TOOL", "SPONSOR", "OTHER"] as const;
export type CreditType = (typeof CREDIT_TYPES)[number];

export interface Credit {
  name: At<string>;
  contact: Array<At<string>>;
  type?: At<string>;
}

/** OSV's reference types. */
export const REFERENCE_TYPES = ["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB"] as const;

export interface Reference {
  type: At<string>;
  url: At<string>;
}

export interface AdvisorySource {
  id?: At<string>;
  aliases: Array<At<string>>;
  title?: At<string>;
  summary?: At<string>;
  published?: At<string>;
  modified?: At<string>;
  severity?: At<string>;
  affected: AffectedPackage[];
  credits: Credit[];
  references: Reference[];
  /** The Markdown after the front matter. */
  details: string;
  /** Where the front matter starts: findings about a missing field go there. */
  start: Position;
}

/** An advisory that passed its checks, as the pages, OSV, the feed and CSAF publish it. */
export interface Advisory {
  id: string;
  /** The file it was read from, as findings name it. */
  file: string;
  aliases: string[];
  title: string;
  summary: string;
  published: string;
  modified: string;
  severity?: CvssScore;
  affected: Array<{
    ecosystem: string;
    name: string;
    ranges: Array<{ type: AffectedRange["type"]; introduced: string; fixed?: string; lastAffected?: string; repo?: string }>;
    versions: string[];
  }>;
  credits: Array<{ name: string; contact: string[]; type?: CreditType }>;
  references: Array<{ type: string; url: string }>;
  /** The details, in Markdown. */
  details: string;
}

/**
 * Why the reader could not take the file as written: no front matter, YAML that does not parse,
 * a field of the wrong kind, or one missing where its item needs it. The rule advisory-field
 * words each code (src/rules/advisory/advisory-field.ts).
 */
export type AdvisoryProblemCode =
  | "noFrontMatter"
  | "frontMatterUnclosed"
  | "yamlInvalid"
  | "notFields"
  | "unknownField"
  | "notText"
  | "itemNotText"
  | "notList"
  | "itemNotFields"
  | "rangeTypeUnknown"
  | "rangeNoIntroduced"
  | "rangeFixedAndLastAffected"
  | "gitRangeNoRepo"
  | "packageNoEcosystem"
  | "packageNoName"
  | "packageNoVersions"
  | "creditNoName"
  | "referenceNoUrl";

/** Something the reader could not take as written, at its line and column in the file. */
export interface AdvisoryProblem extends FormatProblem<AdvisoryProblemCode> {
  line: number;
  column: number;
}

function problemAt(code: AdvisoryProblemCode, values: Readonly<Record<string, string | number>>, at: Position): AdvisoryProblem {
  return { code, values, line: at.line, column: at.column };
}

const FIELDS = ["id", "aliases", "title", "summary", "published", "modified", "severity", "affected", "credits", "references"];

/**
 * Reads an advisory file. Every value keeps its line and column in the file; what is there but
 * not of the expected kind is a problem with its code and the field it is about.
 */
export function readAdvisory(raw: string): { source?: AdvisorySource; problems: AdvisoryProblem[] } {
  const text = raw.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { problems: [problemAt("noFrontMatter", {}, { line: 1, column: 1 })] };
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) return { problems: [problemAt("frontMatterUnclosed", {}, { line: 1, column: 1 })] };
  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // The YAML starts on the file's second line.
  const pos = (offset: number | undefined): Position => {
    const { line, col } = counter.linePos(offset ?? 0);
    return { line: line + 1, column: col };
  };
  const problems: AdvisoryProblem[] = [];
  for (const error of doc.errors) problems.push(problemAt("yamlInvalid", { error: error.message.split("\n")[0]! }, pos(error.pos[0])));
  if (doc.errors.length > 0) return { problems };
  const root = doc.contents;
  if (!isMap(root)) return { problems: [problemAt("notFields", {}, { line: 2, column: 1 })] };

  const where = (node: Node | null | undefined): Position => pos(node?.range?.[0]);
  const field = (map: YAMLMap, key: string) => map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  const keyAt = (map: YAMLMap, key: string): Position => {
    const pair = field(map, key);
    return pair && isScalar(pair.key) ? where(pair.key) : where(map);
  };

  /** A text value: a string, or a number or date YAML would otherwise read, as written. */
  const text1 = (map: YAMLMap, key: string, name = key): At<string> | undefined => {
    const pair = field(map, key);
    if (!pair) return undefined;
    const node = pair.value as Node | null;
    if (isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) {
      // A number as written: YAML reads introduced: 1.10 as 1.1.
      return { value: typeof node.value === "string" ? node.value : (node.source ?? String(node.value)), at: where(node) };
    }
    problems.push(problemAt("notText", { field: name }, node ? where(node) : keyAt(map, key)));
    return undefined;
  };
  /** A list of text values; one value alone is taken as a list of one. */
  const texts = (map: YAMLMap, key: string, name = key): Array<At<string>> => {
    const pair = field(map, key);
    if (!pair || pair.value === null) return [];
    const node = pair.value as Node;
    const items = isSeq(node) ? node.items : [node];
    return items.flatMap((item) => {
      // A number as written: YAML reads versions: [1.10] as 1.1.
      if (isScalar(item) && (typeof item.value === "string" || typeof item.value === "number")) return [{ value: typeof item.value === "string" ? item.value : (item.source ?? String(item.value)), at: where(item as Node) }];
      problems.push(problemAt("itemNotText", { field: name }, where(item as Node)));
      return [];
    });
  };
  /** A list of maps. */
  const maps = (map: YAMLMap, key: string, name = key): YAMLMap[] => {
    const pair = field(map, key);
    if (!pair || pair.value === null) return [];
    const node = pair.value as Node;
    if (!isSeq(node)) {
      problems.push(problemAt("notList", { field: name }, where(node)));
      return [];
    }
    return node.items.flatMap((item) => {
      if (isMap(item)) return [item];
      problems.push(problemAt("itemNotFields", { field: name }, where(item as Node)));
      return [];
    });
  };

  for (const pair of root.items) {
    if (isScalar(pair.key) && typeof pair.key.value === "string" && !FIELDS.includes(pair.key.value) && !["layout", "permalink", "tags", "eleventyExcludeFromCollections"].includes(pair.key.value)) {
      problems.push(problemAt("unknownField", { field: pair.key.value, fields: FIELDS.join(", ") }, where(pair.key as Node)));
    }
  }

  const affected = maps(root, "affected").map((pkg, p): AffectedPackage => {
    const ranges = maps(pkg, "ranges", `affected[${p}].ranges`).flatMap((range, r): AffectedRange[] => {
      const name = `affected[${p}].ranges[${r}]`;
      const typeText = text1(range, "type", `${name}.type`);
      const type = (typeText?.value.toUpperCase() ?? "ECOSYSTEM") as RangeType;
      if (typeText && !["SEMVER", "ECOSYSTEM", "GIT"].includes(type)) {
        problems.push(problemAt("rangeTypeUnknown", { range: name, type: typeText.value }, typeText.at));
      }
      const introduced = text1(range, "introduced", `${name}.introduced`);
      if (!introduced) {
        problems.push(problemAt("rangeNoIntroduced", { range: name }, where(range)));
        return [];
      }
      const fixed = text1(range, "fixed", `${name}.fixed`);
      const lastAffected = text1(range, "last_affected", `${name}.last_affected`);
      if (fixed && lastAffected) problems.push(problemAt("rangeFixedAndLastAffected", { range: name }, lastAffected.at));
      const repo = text1(range, "repo", `${name}.repo`);
      if (type === "GIT" && !repo) problems.push(problemAt("gitRangeNoRepo", { range: name }, where(range)));
      return [{ type, introduced, ...(fixed ? { fixed } : {}), ...(lastAffected ? { lastAffected } : {}), ...(repo ? { repo } : {}), at: where(range) }];
    });
    const ecosystem = text1(pkg, "ecosystem", `affected[${p}].ecosystem`);
    const name = text1(pkg, "name", `affected[${p}].name`);
    if (!ecosystem) problems.push(problemAt("packageNoEcosystem", { package: `affected[${p}]` }, where(pkg)));
    if (!name) problems.push(problemAt("packageNoName", { package: `affected[${p}]` }, where(pkg)));
    const versions = texts(pkg, "versions", `affected[${p}].versions`);
    if (ranges.length === 0 && versions.length === 0) problems.push(problemAt("packageNoVersions", { package: `affected[${p}]` }, where(pkg)));
    return { ecosystem: ecosystem ?? { value: "", at: where(pkg) }, name: name ?? { value: "", at: where(pkg) }, ranges, versions, at: where(pkg) };
  });

  const credits = maps(root, "credits").flatMap((credit, c): Credit[] => {
    const name = text1(credit, "name", `credits[${c}].name`);
    if (!name) {
      problems.push(problemAt("creditNoName", { credit: `credits[${c}]` }, where(credit)));
      return [];
    }
    const type = text1(credit, "type", `credits[${c}].type`);
    return [{ name, contact: texts(credit, "contact", `credits[${c}].contact`), ...(type ? { type: { ...type, value: type.value.toUpperCase() } } : {}) }];
  });

  const references = maps(root, "references").flatMap((ref, r): Reference[] => {
    const url = text1(ref, "url", `references[${r}].url`);
    if (!url) {
      problems.push(problemAt("referenceNoUrl", { reference: `references[${r}]` }, where(ref)));
      return [];
    }
    const type = text1(ref, "type", `references[${r}].type`);
    // OSV writes its types in capitals; "fix" is taken as FIX.
    return [{ type: type ? { ...type, value: type.value.toUpperCase() } : { value: "WEB", at: url.at }, url }];
  });

  const optional = <T>(value: T | undefined, key: string) => (value === undefined ? {} : { [key]: value });
  const source: AdvisorySource = {
    ...optional(text1(root, "id"), "id"),
    aliases: texts(root, "aliases"),
    ...optional(text1(root, "title"), "title"),
    ...optional(text1(root, "summary"), "summary"),
    ...optional(text1(root, "published"), "published"),
    ...optional(text1(root, "modified"), "modified"),
    ...optional(text1(root, "severity"), "severity"),
    affected,
    credits,
    references,
    details: lines.slice(close + 1).join("\n").trim(),
    start: { line: 1, column: 1 },
  };
  return { source, problems };
}
