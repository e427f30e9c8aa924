/**
 * Which releases an advisory's page tells a reader to upgrade to (src/publish/upgrade.ts): the
 * supported releases no range or listed version affects, newest first.
 */
import { describe, expect, it } from "vitest";
import type { Advisory } from "../src/formats/advisory.ts";
import { isAffected, upgradeTargets } from "../src/publish/upgrade.ts";
import type { Release } from "../src/types.ts";

type Affected = Advisory["affected"][number];
const NOW = new Date("2026-12-06T12:00:00Z");
const pkg = (ranges: Affected["ranges"], versions: string[] = []): Affected => ({ ecosystem: "npm", name: "@example/options", ranges, versions });
const release = (version: string, supportedUntil = "2031-12", released = "2026-01-01"): Release => ({ version, released, supportedUntil });

describe("isAffected", () => {
  const twoLines = pkg([
    { type: "SEMVER", introduced: "2.0.0", fixed: "2.4.2" },
    { type: "SEMVER", introduced: "3.0.0", fixed: "3.0.1" },
  ]);

  it.each([
    ["1.9.0", false],
    ["2.0.0", true],
    ["2.4.1", true],
    ["2.4.2", false],
    ["3.0.0", true],
    ["3.0.1", false],
    ["3.1.0-beta.1", false],
  ])("%s in 2.0.0 to before 2.4.2 and 3.0.0 to before 3.0.1: %s", (version, affected) => {
    expect(isAffected(version, twoLines)).toBe(affected);
  });

  it("a last_affected range includes its end; an open range everything after its start; a listed version is affected", () => {
    expect(isAffected("1.2.0", pkg([{ type: "ECOSYSTEM", introduced: "0", lastAffected: "1.2.0" }]))).toBe(true);
    expect(isAffected("1.2.1", pkg([{ type: "ECOSYSTEM", introduced: "0", lastAffected: "1.2.0" }]))).toBe(false);
    expect(isAffected("9.0.0", pkg([{ type: "SEMVER", introduced: "1.0.0" }]))).toBe(true);
    expect(isAffected("0.9.0", pkg([], ["0.9.0"]))).toBe(true);
  });

  it("a listed version is the same release by the version order, however it is written", () => {
    expect(isAffected("v2.1.0", pkg([], ["2.1.0"]))).toBe(true);
    expect(isAffected("2.1.0", pkg([{ type: "ECOSYSTEM", introduced: "3.0", fixed: "3.1" }], ["2.1"]))).toBe(true);
    expect(isAffected("2.1.1", pkg([], ["2.1.0"]))).toBe(false);
    // Where the order is the ecosystem's own, a release written otherwise is not known to be unaffected.
    expect(isAffected("1:2.1-1", pkg([], ["1:2.1-2"]))).toBeUndefined();
  });

  it("is not known for a GIT range of commits, nor for versions whose order is the ecosystem's own", () => {
    expect(isAffected("2.4.2", pkg([{ type: "GIT", introduced: "0", fixed: "a".repeat(40) }]))).toBeUndefined();
    expect(isAffected("1:2.4.2-1", pkg([{ type: "ECOSYSTEM", introduced: "0", fixed: "1:2.4.2-2" }]))).toBeUndefined();
  });
});

describe("upgradeTargets", () => {
  const twoLines = pkg([
    { type: "SEMVER", introduced: "2.0.0", fixed: "2.4.2" },
    { type: "SEMVER", introduced: "3.0.0", fixed: "3.0.1" },
  ]);

  it("lists the supported, unaffected releases newest first, and leaves out the affected and the ended", () => {
    const releases = [release("2.4.1"), release("3.0.1"), release("2.4.2"), release("3.0.0"), release("1.9.0", "2026-03")];
    expect(upgradeTargets(twoLines, releases, NOW).map((r) => r.version)).toEqual(["3.0.1", "2.4.2"]);
  });

  it("is empty where no release is fixed yet, or where the order cannot be told", () => {
    expect(upgradeTargets(twoLines, [release("2.4.1"), release("3.0.0")], NOW)).toEqual([]);
    expect(upgradeTargets(pkg([{ type: "GIT", introduced: "0", fixed: "a".repeat(40) }]), [release("3.0.1")], NOW)).toEqual([]);
  });

  it("a release whose support ends on the day of the build is still offered; the day after, not", () => {
    expect(upgradeTargets(twoLines, [release("3.0.1", "2026-12-06")], NOW).map((r) => r.version)).toEqual(["3.0.1"]);
    expect(upgradeTargets(twoLines, [release("3.0.1", "2026-12-05")], NOW)).toEqual([]);
  });
});
