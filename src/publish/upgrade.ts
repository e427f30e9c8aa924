/**
 * Which releases of a product to upgrade to, for an advisory's affected package: the product's
 * declared releases that still get security fixes and that no range or version of the advisory
 * affects. Pure. A release whose place in a range cannot be told (a GIT range of
 * commits, an ecosystem's own version order) is never recommended.
 */
import type { Advisory } from "../formats/advisory.ts";
import { isSupportedOn, supportEndDay } from "../formats/support-period.ts";
import { compareVersions } from "../rules/advisory/advisory-range.ts";
import type { Release } from "../types.ts";

type Affected = Advisory["affected"][number];

/** Whether `version` is affected: true, false, or undefined where the order of versions is not known here. */
export function isAffected(version: string, pkg: Affected): boolean | undefined {
  let unknown = false;
  // A listed version is the release where it is the same version by the ecosystem's order ("2.1" is "2.1.0"), or written the same.
  const type = pkg.ranges[0]?.type ?? "ECOSYSTEM";
  for (const listed of pkg.versions) {
    if (listed === version) return true;
    const order = compareVersions(version, listed, type);
    if (order === 0) return true;
    if (order === undefined) unknown = true;
  }
  for (const range of pkg.ranges) {
    if (range.type === "GIT") {
      unknown = true;
      continue;
    }
    const from = compareVersions(version, range.introduced, range.type);
    const end = range.fixed ?? range.lastAffected;
    const to = end === undefined ? -1 : compareVersions(version, end, range.type);
    if (from === undefined || to === undefined) {
      unknown = true;
      continue;
    }
    const inside = from >= 0 && (range.fixed !== undefined ? to < 0 : to <= 0);
    if (inside) return true;
  }
  return unknown ? undefined : false;
}

/**
 * The releases to upgrade to, newest first: every declared release that still gets security
 * fixes on `now` and is known to be unaffected, so that a reader on an older line sees the fix
 * in their own line beside the newest. Empty where none is known.
 */
export function upgradeTargets(pkg: Affected, releases: readonly Release[], now: Date): Release[] {
  const type = pkg.ranges[0]?.type ?? "ECOSYSTEM";
  const candidates = releases.filter((r) => isSupportedOn(supportEndDay(r.supportedUntil)!, now) && isAffected(r.version, pkg) === false);
  // Where two versions do not order, the later release day comes first.
  return candidates.sort((a, b) => -(compareVersions(a.version, b.version, type) ?? (a.released < b.released ? -1 : a.released > b.released ? 1 : 0)));
}
