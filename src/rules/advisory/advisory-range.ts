/**
 * advisory-range: an affected range that holds no version (its `fixed` not after its
 * `introduced`, or its `last_affected` before it, where the versions have an order to compare),
 * and a GIT range that names a commit by less than its full hash.
 */
import semver from "semver";
import type { AffectedRange } from "../../formats/advisory.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-range",
  severity: "error",
  family: "advisory",
  summary: "An affected range whose `fixed` is not after its `introduced` (or whose `last_affected` is before it).",
  disable: "no",
  messages: {
    commitNotFull: '"{{commit}}" is not a full commit hash: a GIT range names commits by all 40 (or 64) hex digits, in lower case',
    fixedNotAfter: "`fixed` ({{fixed}}) is not after `introduced` ({{introduced}}): the range would hold no version",
    lastAffectedBefore: "`last_affected` ({{lastAffected}}) is before `introduced` ({{introduced}}): the range would hold no version",
  },
});

export default rule;

/** Why a range holds no version, or names a commit by part of its hash, as a finding in `file`; else undefined. */
export function rangeFinding(range: AffectedRange, file: string): Finding | undefined {
  const end = range.fixed ?? range.lastAffected;
  if (range.type === "GIT") {
    // OSV names commits in full: a short hash is ambiguous, and its schema refuses one.
    for (const event of [range.introduced, end]) {
      if (event && !/^(?:0|[0-9a-f]{40}|[0-9a-f]{64})$/.test(event.value)) return rule.finding("commitNotFull", { commit: event.value }, file, event.at);
    }
    return undefined;
  }
  if (!end) return undefined;
  const order = compareVersions(range.introduced.value, end.value, range.type);
  if (order === undefined) return undefined;
  if (range.fixed && order >= 0) return rule.finding("fixedNotAfter", { fixed: end.value, introduced: range.introduced.value }, file, end.at);
  // Reached only without `fixed`: with both, the end compared is `fixed` (the reader reports the two together).
  if (range.lastAffected && order > 0) return rule.finding("lastAffectedBefore", { lastAffected: end.value, introduced: range.introduced.value }, file, end.at);
  return undefined;
}

/**
 * The order of two versions: SEMVER by semver's rules (pre-releases before the release); an
 * ecosystem's versions where both read as semver, or as dotted numbers; undefined where the
 * order is the ecosystem's own and is not known here. "0" is before every version.
 */
export function compareVersions(a: string, b: string, type: AffectedRange["type"]): number | undefined {
  if (a === "0") return b === "0" ? 0 : -1;
  if (b === "0") return 1;
  const strictA = semver.parse(a);
  const strictB = semver.parse(b);
  if (strictA && strictB) return semver.compare(strictA, strictB);
  if (type === "SEMVER") return undefined;
  const dotted = /^\d+(?:\.\d+)*$/;
  if (dotted.test(a) && dotted.test(b)) {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  }
  return undefined;
}
