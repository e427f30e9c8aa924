/**
 * advisory-duplicate on sets of advisory files: an id or alias used a second time, reported
 * where it is used again, naming where it was first.
 */
import advisoryDuplicate from "../../../src/rules/advisory/advisory-duplicate.ts";
import advisoryId from "../../../src/rules/advisory/advisory-id.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, otherRule, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const ID = "id: GHSA-2c4m-59x9-fr2g";
const ALIAS = "  - CVE-2025-24981";
const first = edited([]);
/** Another advisory, GHSA-9xq4-56gh-9m3w, with the same alias or with `alias`. */
const other = (alias?: string) => edited([[ID, "id: GHSA-9xq4-56gh-9m3w"], ...(alias ? [[ALIAS, `  - ${alias}`] as [string, string]] : [])], "GHSA-9xq4-56gh-9m3w.md");

const sameAlias = other();
const aliasOfId = other("GHSA-2c4m-59x9-fr2g");
const sameId = edited([], "archive/GHSA-2c4m-59x9-fr2g.md");
const idOfAlias = edited([[ID, "id: CVE-2025-24981"], ["aliases:\n  - CVE-2025-24981\n", ""]], "CVE-2025-24981.md");
const ownAlias = edited([[ALIAS, "  - GHSA-2c4m-59x9-fr2g"]]);

testRule(advisoryDuplicate, (files: AdvisoryFile[]) => check(...files), {
  valid: [
    { name: "two advisories with their own ids and aliases", input: [first, other("CVE-2025-24982")] },
    { name: "one advisory alone", input: [first] },
    {
      name: "two advisories whose ids are both empty, which is advisory-field's",
      input: [edited([[ID, 'id: ""'], [ALIAS, "  - CVE-2025-1111"]]), edited([[ID, 'id: ""'], [ALIAS, "  - CVE-2025-2222"]], "second.md")],
    },
  ],
  invalid: [
    {
      name: "an alias that another advisory already has",
      input: [first, sameAlias],
      findings: [{ messageId: "alreadyAlias", ...at(sameAlias, "CVE-2025-24981"), message: "CVE-2025-24981 is already the alias of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:4: an id or alias names one advisory" }],
    },
    {
      name: "an alias that is another advisory's id",
      input: [first, aliasOfId],
      findings: [{ messageId: "alreadyId", ...at(aliasOfId, "GHSA-2c4m"), message: "GHSA-2c4m-59x9-fr2g is already the id of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:2: an id or alias names one advisory" }],
    },
    {
      name: "an advisory written twice, in two folders",
      input: [first, sameId],
      findings: [
        { messageId: "alreadyId", ...at(sameId, "GHSA-2c4m"), message: "GHSA-2c4m-59x9-fr2g is already the id of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:2: an id or alias names one advisory" },
        { messageId: "alreadyAlias", ...at(sameId, "CVE-2025-24981") },
      ],
    },
    {
      name: "an id that another advisory has as its alias",
      input: [first, idOfAlias],
      findings: [{ messageId: "alreadyAlias", ...at(idOfAlias, "CVE-2025-24981"), message: "CVE-2025-24981 is already the alias of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:4: an id or alias names one advisory" }],
    },
    {
      name: "an advisory whose alias is its own id",
      input: [ownAlias],
      findings: [
        otherRule(advisoryId, "aliasIsId", at(ownAlias, "GHSA-2c4m", 2)),
        { messageId: "alreadyId", ...at(ownAlias, "GHSA-2c4m", 2), message: "GHSA-2c4m-59x9-fr2g is already the id of the advisory in content/advisories/GHSA-2c4m-59x9-fr2g.md:2: an id or alias names one advisory" },
      ],
    },
  ],
  // The page's advisory comes after the good one, whose alias CVE-2025-24981 it repeats.
  example: (text) => [first, pageAdvisory(advisoryDuplicate.id, text)],
});
