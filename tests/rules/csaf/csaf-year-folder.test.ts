/** csaf-year-folder on the distribution of tests/rules/csaf/distribution.ts: each document in the folder of the year its initial release date gives, as written. */
import csafYearFolder from "../../../src/rules/csaf/csaf-year-folder.ts";
import { testRule } from "../../support/rule-tester.ts";
import { copiedDocument, exampleInput, GOOD, runRule } from "./distribution.ts";

/** The first document copied to `path`, first released at `date`. */
const copy = (path: string, date: string) =>
  copiedDocument(path, (doc) => {
    doc.document.tracking.initial_release_date = date;
  });

testRule(csafYearFolder, runRule(csafYearFolder), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's year folders", input: GOOD },
    { name: "the last evening of a year west of Greenwich is that year, though it is the next in UTC", input: copy(".well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json", "2024-12-31T22:00:00-05:00") },
    { name: "a date that does not parse is the schema's to report", input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "last year") },
  ],
  invalid: [
    {
      name: "a document in the folder of the year UTC gives, not the year its date says",
      input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "2024-12-31T22:00:00-05:00"),
      findings: [{ messageId: "wrongFolder", line: 1, column: 1, message: "was first released on 2024-12-31T22:00:00-05:00, so CSAF 2.0 requirement 11 puts it in the folder 2024: move it to /.well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json" }],
    },
    {
      name: "a document in the folder of another year",
      input: copy(".well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json", "2024-06-01T00:00:00Z"),
      findings: [{ messageId: "wrongFolder", line: 1, column: 1, message: "was first released on 2024-06-01T00:00:00Z, so CSAF 2.0 requirement 11 puts it in the folder 2024: move it to /.well-known/csaf/white/2024/ghsa-xxxx-xxxx-xxxx.json" }],
    },
    {
      name: "a document beside the year folders",
      input: copy(".well-known/csaf/white/ghsa-xxxx-xxxx-xxxx.json", "2025-03-01T09:30:00Z"),
      findings: [{ messageId: "wrongFolder", line: 1, column: 1, message: "was first released on 2025-03-01T09:30:00Z, so CSAF 2.0 requirement 11 puts it in the folder 2025: move it to /.well-known/csaf/white/2025/ghsa-xxxx-xxxx-xxxx.json" }],
    },
  ],
});
