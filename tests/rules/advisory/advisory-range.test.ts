/**
 * advisory-range on advisory files: a range that holds no version, by semver's order and by
 * dotted numbers (an end equal to its start, and one just after it), and a GIT range that names
 * a commit by less than its full hash.
 */
import advisoryField from "../../../src/rules/advisory/advisory-field.ts";
import advisoryRange from "../../../src/rules/advisory/advisory-range.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, otherRule, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const RANGE = "      - type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.4.3\n";
/** The good advisory with one range of these lines (type, introduced, then its end). */
const range = (...lines: string[]) => edited([[RANGE, `      - ${lines.join("\n        ")}\n`]]);
const HASH = "4f6c2b9d0e1a3c5b7d9f1e2a4c6b8d0f2e4a6c8b";
const git = (introduced: string, fixed: string) => range("type: GIT", "repo: https://github.com/example/options", `introduced: "${introduced}"`, `fixed: "${fixed}"`);

const equal = range("type: SEMVER", "introduced: 2.0.0", "fixed: 2.0.0");
const earlier = range("type: SEMVER", "introduced: 2.0.0", "fixed: 1.9.0");
const preRelease = range("type: SEMVER", "introduced: 2.0.0", "fixed: 2.0.0-rc.1");
const fixedAtZero = range("type: SEMVER", "introduced: 1.0.0", 'fixed: "0"');
const zeroes = range("type: ECOSYSTEM", 'introduced: "0"', 'fixed: "0"');
const dotted = range("type: ECOSYSTEM", "introduced: 1.10", "fixed: 1.9");
const dottedEqual = range("type: ECOSYSTEM", "introduced: 1.10", "fixed: 1.10.0");
const lastBefore = range("type: SEMVER", "introduced: 2.0.0", "last_affected: 1.9.9");
const bothFixedFirst = range("type: SEMVER", "introduced: 2.0.0", "fixed: 2.0.0", "last_affected: 2.4.3");
const shortFixed = git("0", "4f6c2b9");
const shortBoth = git("4f6c2b9", "9f2c4e6");
const capitals = git("0", HASH.toUpperCase());

testRule(advisoryRange, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "a fixed version after the first affected one", input: edited([]) },
    { name: "a fix one patch after the first affected version", input: range("type: SEMVER", "introduced: 2.0.0", "fixed: 2.0.1") },
    { name: "every version before the fix", input: range("type: SEMVER", 'introduced: "0"', "fixed: 2.4.3") },
    { name: "the last affected version equal to the first", input: range("type: SEMVER", "introduced: 2.0.0", "last_affected: 2.0.0") },
    { name: "a range without an end", input: range("type: SEMVER", "introduced: 2.0.0") },
    { name: "dotted numbers in order, where 1.10 is after 1.9", input: range("type: ECOSYSTEM", "introduced: 1.9", "fixed: 1.10") },
    { name: "versions whose order is the ecosystem's own", input: range("type: ECOSYSTEM", "introduced: 1.0.0.RELEASE", "fixed: 0.9") },
    { name: "versions that are not semver in a SEMVER range", input: range("type: SEMVER", "introduced: 1.10", "fixed: 1.9") },
    { name: "a `last_affected` before the start beside a `fixed` after it, which advisory-field reports", input: range("type: SEMVER", "introduced: 2.0.0", "fixed: 2.4.3", "last_affected: 1.0.0") },
    { name: "a GIT range from the first commit to a full hash", input: git("0", HASH) },
    { name: "a GIT range by SHA-256 hashes", input: git(HASH.repeat(2).slice(0, 64), HASH.repeat(2).slice(16, 80)) },
  ],
  invalid: [
    {
      name: "a fix equal to the first affected version",
      input: equal,
      findings: [{ messageId: "fixedNotAfter", ...at(equal, "2.0.0", 2), message: "`fixed` (2.0.0) is not after `introduced` (2.0.0): the range would hold no version" }],
    },
    { name: "a fix before the first affected version", input: earlier, findings: [{ messageId: "fixedNotAfter", ...at(earlier, "1.9.0") }] },
    { name: "a fix in a pre-release of the first affected version", input: preRelease, findings: [{ messageId: "fixedNotAfter", ...at(preRelease, "2.0.0-rc.1"), message: "`fixed` (2.0.0-rc.1) is not after `introduced` (2.0.0): the range would hold no version" }] },
    { name: "a fix at version 0, which is before every version", input: fixedAtZero, findings: [{ messageId: "fixedNotAfter", ...at(fixedAtZero, '"0"') }] },
    { name: "a fix at version 0 of a range from version 0", input: zeroes, findings: [{ messageId: "fixedNotAfter", ...at(zeroes, '"0"', 2) }] },
    { name: "dotted numbers out of order, where 1.9 is before 1.10", input: dotted, findings: [{ messageId: "fixedNotAfter", ...at(dotted, "1.9"), message: "`fixed` (1.9) is not after `introduced` (1.10): the range would hold no version" }] },
    { name: "dotted numbers that differ only by a trailing zero", input: dottedEqual, findings: [{ messageId: "fixedNotAfter", ...at(dottedEqual, "1.10.0") }] },
    {
      name: "a last affected version before the first",
      input: lastBefore,
      findings: [{ messageId: "lastAffectedBefore", ...at(lastBefore, "1.9.9"), message: "`last_affected` (1.9.9) is before `introduced` (2.0.0): the range would hold no version" }],
    },
    {
      name: "a range with both ends, whose fix is not after its start",
      input: bothFixedFirst,
      findings: [
        otherRule(advisoryField, "rangeFixedAndLastAffected", at(bothFixedFirst, "2.4.3")),
        { messageId: "fixedNotAfter", ...at(bothFixedFirst, "2.0.0", 2) },
      ],
    },
    {
      name: "a GIT range fixed by a short hash",
      input: shortFixed,
      findings: [{ messageId: "commitNotFull", ...at(shortFixed, '"4f6c2b9"'), message: '"4f6c2b9" is not a full commit hash: a GIT range names commits by all 40 (or 64) hex digits, in lower case' }],
    },
    { name: "a GIT range with two short hashes, at the first", input: shortBoth, findings: [{ messageId: "commitNotFull", ...at(shortBoth, '"4f6c2b9"') }] },
    { name: "a GIT range with a hash in capitals", input: capitals, findings: [{ messageId: "commitNotFull", ...at(capitals, `"${HASH.toUpperCase()}"`) }] },
  ],
  example: (text) => pageAdvisory(advisoryRange.id, text),
});
