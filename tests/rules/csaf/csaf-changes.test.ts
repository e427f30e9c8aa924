/** csaf-changes on the distribution of tests/rules/csaf/distribution.ts: changes.csv lists each document with its current_release_date, newest first. */
import csafChanges from "../../../src/rules/csaf/csaf-changes.ts";
import { testRule } from "../../support/rule-tester.ts";
import { CHANGES, DOCUMENT, edited, exampleInput, GOOD, runRule, textOf, without } from "./distribution.ts";

const lines = textOf(CHANGES).trimEnd().split("\n");

testRule(csafChanges, runRule(csafChanges), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's changes, newest first", input: GOOD },
    { name: "a date written in another zone that is the same moment", input: edited(CHANGES, (t) => t.replace('"2025-03-04T10:00:00Z"', '"2025-03-04T11:00:00+01:00"')) },
  ],
  invalid: [
    {
      name: "no changes.csv",
      input: without(CHANGES),
      findings: [{ messageId: "missing", line: 1, column: 1, message: "is not published, though /.well-known/csaf/white/ holds CSAF documents; CSAF 2.0 requirement 13 lists each with its current_release_date in it, newest first" }],
    },
    {
      name: "a document left out",
      input: edited(CHANGES, () => `${lines.slice(0, 2).join("\n")}\n`),
      findings: [{ messageId: "unlisted", line: 1, column: 1, message: 'does not list /.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json, which the folder holds (CSAF 2.0 requirement 13): add the line "2025/ghsa-2c4m-59x9-fr2g.json","2025-03-04T10:00:00Z"' }],
    },
    {
      name: "a line that is not quoted is reported as it is, not as a document left out",
      input: edited(CHANGES, (t) => t.replace('"2025/ghsa-2c4m-59x9-fr2g.json","2025-03-04T10:00:00Z"', "2025/ghsa-2c4m-59x9-fr2g.json,2025-03-04T10:00:00Z")),
      findings: [
        { messageId: "malformed", line: 3, column: 1, message: 'has the line "2025/ghsa-2c4m-59x9-fr2g.json,2025-03-04T10:00:00Z", which is not a document\'s path and date, each in double quotes and separated by a comma (CSAF 2.0 requirement 13): write it as "2025/example-2025-001.json","2025-03-04T10:00:00Z"' },
        { messageId: "unlisted", line: 1, column: 1 },
      ],
    },
    {
      name: "a date that is not the document's",
      input: edited(CHANGES, (t) => t.replace('"2025-03-04T10:00:00Z"', '"2025-03-01T09:30:00Z"')),
      findings: [{ messageId: "wrongDate", line: 3, column: 1, message: "gives 2025/ghsa-2c4m-59x9-fr2g.json the date 2025-03-01T09:30:00Z, but its current_release_date is 2025-03-04T10:00:00Z (CSAF 2.0 requirement 13): write 2025-03-04T10:00:00Z" }],
    },
    {
      name: "a line for a document that is not there",
      input: edited(CHANGES, (t) => `${t}"2024/withdrawn.json","2024-01-01T00:00:00Z"\n`),
      findings: [{ messageId: "notThere", line: 4, column: 1, message: "lists 2024/withdrawn.json, but the folder has no such document (CSAF 2.0 requirement 13): remove the line" }],
    },
    {
      name: "oldest first",
      input: edited(CHANGES, () => `${[...lines].reverse().join("\n")}\n`),
      findings: [
        { messageId: "order", line: 2, column: 1, message: "lists 2025/cve-2025-31337.json (2025-06-10T10:00:00Z) after 2025/ghsa-2c4m-59x9-fr2g.json, which changed earlier; CSAF 2.0 requirement 13 lists the newest change first: sort the lines by date, newest first" },
        { messageId: "order", line: 3, column: 1 },
      ],
    },
  ],
});
