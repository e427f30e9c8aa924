/**
 * An advisory as its author writes it: `content/advisories/<id>.md`, the facts in front matter
 * and the details in Markdown. Read with the position of every value, so that each problem is
 * reported at its line. Pure: text in, the advisory and problems out; the checks on what it
 * says are in src/rules/advisory.ts.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import type { CvssScore } from "./cvss.ts";
import type { Position } from "./json.ts";

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

/** Something the reader could not take as written: a field of the wrong kind, or YAML that does not parse. */
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

export interface ShapeProblem {
  message: string;
  at: Position;
}

const FIELDS = ["id", "aliases", "title", "summary", "published", "modified", "severity", "affected", "credits", "references"];

/**
 * Reads an advisory file. Every value keeps its line and column in the file; what is there but
 * not of the expected kind is a problem naming the field and what it should be.
 */
export function readAdvisory(raw: string): { source?: AdvisorySource; problems: ShapeProblem[] } {
  const text = raw.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { problems: [{ message: "the file has no front matter: start it with a line of three dashes, the advisory's fields, then another", at: { line: 1, column: 1 } }] };
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) return { problems: [{ message: "the front matter is not closed: end it with a line of three dashes", at: { line: 1, column: 1 } }] };
  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // The YAML starts on the file's second line.
  const pos = (offset: number | undefined): Position => {
    const { line, col } = counter.linePos(offset ?? 0);
    return { line: line + 1, column: col };
  };
  const problems: ShapeProblem[] = [];
  for (const error of doc.errors) problems.push({ message: `the front matter is not valid YAML: ${error.message.split("\n")[0]}`, at: pos(error.pos[0]) });
  if (doc.errors.length > 0) return { problems };
  const root = doc.contents;
  if (!isMap(root)) return { problems: [{ message: "the front matter must be a set of fields (id: …, title: …)", at: { line: 2, column: 1 } }] };

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
    problems.push({ message: `\`${name}\` must be text`, at: node ? where(node) : keyAt(map, key) });
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
      problems.push({ message: `each of \`${name}\` must be text`, at: where(item as Node) });
      return [];
    });
  };
  /** A list of maps. */
  const maps = (map: YAMLMap, key: string, name = key): YAMLMap[] => {
    const pair = field(map, key);
    if (!pair || pair.value === null) return [];
    const node = pair.value as Node;
    if (!isSeq(node)) {
      problems.push({ message: `\`${name}\` must be a list (each item on a line starting with "- ")`, at: where(node) });
      return [];
    }
    return node.items.flatMap((item) => {
      if (isMap(item)) return [item];
      problems.push({ message: `each item of \`${name}\` must be a set of fields`, at: where(item as Node) });
      return [];
    });
  };

  for (const pair of root.items) {
    if (isScalar(pair.key) && typeof pair.key.value === "string" && !FIELDS.includes(pair.key.value) && !["layout", "permalink", "tags", "eleventyExcludeFromCollections"].includes(pair.key.value)) {
      problems.push({ message: `\`${pair.key.value}\` is not an advisory field: the fields are ${FIELDS.join(", ")}`, at: where(pair.key as Node) });
    }
  }

  const affected = maps(root, "affected").map((pkg, p): AffectedPackage => {
    const ranges = maps(pkg, "ranges", `affected[${p}].ranges`).flatMap((range, r): AffectedRange[] => {
      const name = `affected[${p}].ranges[${r}]`;
      const typeText = text1(range, "type", `${name}.type`);
      const type = (typeText?.value.toUpperCase() ?? "ECOSYSTEM") as RangeType;
      if (typeText && !["SEMVER", "ECOSYSTEM", "GIT"].includes(type)) {
        problems.push({ message: `\`${name}.type\` is "${typeText.value}": it must be SEMVER, ECOSYSTEM or GIT`, at: typeText.at });
      }
      const introduced = text1(range, "introduced", `${name}.introduced`);
      if (!introduced) {
        problems.push({ message: `\`${name}\` has no \`introduced\`: give the first affected version ("0" for all versions before \`fixed\`)`, at: where(range) });
        return [];
      }
      const fixed = text1(range, "fixed", `${name}.fixed`);
      const lastAffected = text1(range, "last_affected", `${name}.last_affected`);
      if (fixed && lastAffected) problems.push({ message: `\`${name}\` has both \`fixed\` and \`last_affected\`: OSV allows one`, at: lastAffected.at });
      const repo = text1(range, "repo", `${name}.repo`);
      if (type === "GIT" && !repo) problems.push({ message: `\`${name}\` is a GIT range without \`repo\`: give the repository's URL`, at: where(range) });
      return [{ type, introduced, ...(fixed ? { fixed } : {}), ...(lastAffected ? { lastAffected } : {}), ...(repo ? { repo } : {}), at: where(range) }];
    });
    const ecosystem = text1(pkg, "ecosystem", `affected[${p}].ecosystem`);
    const name = text1(pkg, "name", `affected[${p}].name`);
    if (!ecosystem) problems.push({ message: `\`affected[${p}]\` has no \`ecosystem\` (npm, PyPI, Maven, Go, …)`, at: where(pkg) });
    if (!name) problems.push({ message: `\`affected[${p}]\` has no \`name\`: the package's name in its ecosystem`, at: where(pkg) });
    const versions = texts(pkg, "versions", `affected[${p}].versions`);
    if (ranges.length === 0 && versions.length === 0) problems.push({ message: `\`affected[${p}]\` names no \`ranges\` and no \`versions\`: say which versions are affected`, at: where(pkg) });
    return { ecosystem: ecosystem ?? { value: "", at: where(pkg) }, name: name ?? { value: "", at: where(pkg) }, ranges, versions, at: where(pkg) };
  });

  const credits = maps(root, "credits").flatMap((credit, c): Credit[] => {
    const name = text1(credit, "name", `credits[${c}].name`);
    if (!name) {
      problems.push({ message: `\`credits[${c}]\` has no \`name\``, at: where(credit) });
      return [];
    }
    const type = text1(credit, "type", `credits[${c}].type`);
    return [{ name, contact: texts(credit, "contact", `credits[${c}].contact`), ...(type ? { type: { ...type, value: type.value.toUpperCase() } } : {}) }];
  });

  const references = maps(root, "references").flatMap((ref, r): Reference[] => {
    const url = text1(ref, "url", `references[${r}].url`);
    if (!url) {
      problems.push({ message: `\`references[${r}]\` has no \`url\``, at: where(ref) });
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
