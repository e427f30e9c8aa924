/**
 * advisory-id on advisory files: ids OSV would not take, an id that is not its file's name, and
 * aliases that are not CVE or GHSA ids or that repeat the id.
 */
import advisoryDuplicate from "../../../src/rules/advisory/advisory-duplicate.ts";
import advisoryId from "../../../src/rules/advisory/advisory-id.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, otherRule, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const ID = "id: GHSA-2c4m-59x9-fr2g";
/** The good advisory with the id `id`, in a file named `name` (the id by default). */
const withId = (id: string, name = `${id}.md`) => edited([[ID, `id: "${id}"`]], name);
const withAlias = (alias: string) => edited([["  - CVE-2025-24981", `  - "${alias}"`]]);

const space = withId("GHSA-2c4m 59x9-fr2g");
const shortCve = withId("CVE-2021-123");
const paddedCve = withId("CVE-2021-01234");
const capitals = withId("GHSA-F5QG-FQRW-V5WW", "ghsa-f5qg-fqrw-v5ww.md");
const shortGhsa = withId("GHSA-f5qg-fqrw");
const bal = withId("BAL-2021-001");
const renamed = edited([], "renamed.md");
const badAlias = withAlias("CVE-25-24981");
const ownAlias = withAlias("GHSA-2c4m-59x9-fr2g");

testRule(advisoryId, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "a GHSA id in its file, with a CVE alias", input: edited([]) },
    { name: "a file named after its id in small letters", input: edited([], "ghsa-2c4m-59x9-fr2g.md") },
    { name: "a CVE id of four digits starting with 0", input: withId("CVE-2021-0123") },
    { name: "a CVE id of five digits", input: withId("CVE-2021-12345") },
    { name: "an id with another database's prefix", input: withId("PYSEC-2021-1") },
    { name: "an id with OSV's private prefix", input: withId("x_acme.2021:1") },
    { name: "a GHSA alias", input: withAlias("GHSA-f5qg-fqrw-v5ww") },
    { name: "an empty id, which is advisory-field's", input: edited([[ID, 'id: ""']]) },
  ],
  invalid: [
    { name: "an id with a space", input: space, findings: [{ messageId: "idCharacter", ...at(space, '"GHSA'), message: 'the id "GHSA-2c4m 59x9-fr2g" holds a character an address cannot (letters, digits, ".", "_", ":" and "-" only)' }] },
    { name: "a CVE id of three digits", input: shortCve, findings: [{ messageId: "idNotCve", ...at(shortCve, '"CVE'), message: 'the id "CVE-2021-123" is not a CVE id: CVE-, the year, then four digits or more (CVE-2021-32700)' }] },
    { name: "a CVE id of five digits starting with 0", input: paddedCve, findings: [{ messageId: "idNotCve", ...at(paddedCve, '"CVE') }] },
    { name: "a GHSA id in capitals", input: capitals, findings: [{ messageId: "idNotGhsa", ...at(capitals, '"GHSA'), message: 'the id "GHSA-F5QG-FQRW-V5WW" is not a GHSA id: GHSA- and three groups of four letters and digits (GHSA-f5qg-fqrw-v5ww)' }] },
    { name: "a GHSA id of two groups", input: shortGhsa, findings: [{ messageId: "idNotGhsa", ...at(shortGhsa, '"GHSA') }] },
    {
      name: "an id with a prefix OSV does not know",
      input: bal,
      findings: [{ messageId: "idPrefixUnknown", ...at(bal, '"BAL'), message: "the id \"BAL-2021-001\" does not start with a prefix OSV knows: use the advisory's GHSA id or CVE id, or a registered database's prefix" }],
    },
    {
      name: "an id that is not its file's name",
      input: renamed,
      findings: [{ messageId: "idNotFileName", ...at(renamed, "GHSA-2c4m"), message: "the id GHSA-2c4m-59x9-fr2g is not the file's name: rename the file to GHSA-2c4m-59x9-fr2g.md, so that its address and its file agree" }],
    },
    {
      name: "an id OSV would not take, in a file of another name",
      input: withId("BAL-2021-001", "GHSA-2c4m-59x9-fr2g.md"),
      findings: [
        { messageId: "idPrefixUnknown", line: 2, column: 5 },
        { messageId: "idNotFileName", line: 2, column: 5 },
      ],
    },
    { name: "an alias that is neither a CVE nor a GHSA id", input: badAlias, findings: [{ messageId: "aliasMalformed", ...at(badAlias, '"CVE'), message: 'the alias "CVE-25-24981" is neither a CVE id (CVE-2021-32700) nor a GHSA id (GHSA-f5qg-fqrw-v5ww)' }] },
    {
      name: "an alias that is the advisory's own id, which is also a second use of the id",
      input: ownAlias,
      findings: [
        { messageId: "aliasIsId", ...at(ownAlias, '"GHSA'), message: "the alias GHSA-2c4m-59x9-fr2g is the advisory's own id: leave it out of `aliases`" },
        otherRule(advisoryDuplicate, "alreadyId", at(ownAlias, '"GHSA')),
      ],
    },
  ],
  example: (text) => pageAdvisory(advisoryId.id, text),
});
