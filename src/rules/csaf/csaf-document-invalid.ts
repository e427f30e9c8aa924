/**
 * csaf-document-invalid: CSAF 2.0 requirement 1, each document valid: by OASIS's JSON schema
 * (the strict one, which allows no field it does not define) and by the mandatory tests of
 * section 6.1, both as @secvisogram/csaf-validator-lib runs them, the reference validator of
 * the CSAF ecosystem. It is loaded only when there is a document to check: about a second.
 */
import type { Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue, DocumentSource } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-document-invalid",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document the site serves is not JSON, or fails the CSAF 2.0 JSON schema or one of the mandatory tests of section 6.1 (requirement 1).",
  disable: "no",
  messages: {
    notJson: "is not JSON ({{reason}}); CSAF 2.0 requirement 1 serves only valid CSAF documents: replace it with the document, or take it out of the folder",
    /** `test`: the schema or the mandatory test, `at`: the JSON pointer of what fails. */
    failed: "fails {{test}} at {{at}}: {{reason}} (CSAF 2.0 requirement 1): correct the document, or take it out of the folder",
    /** The same, for a document the build makes from an advisory. */
    advisoryFailed: "becomes the CSAF document {{document}}, which fails {{test}} at {{at}}: {{reason}} (CSAF 2.0 requirement 1): correct the advisory's field that gives {{at}}",
  },
});

export default rule;

/** "mandatoryTest_6_1_27_3" → "mandatory test 6.1.27.3"; the schema test by what it is. */
function testName(name: string): string {
  if (name.startsWith("csaf_2_0")) return "the CSAF 2.0 JSON schema";
  const test = /^mandatoryTest_([\d_]+)$/.exec(name);
  return test ? `mandatory test ${test[1]!.replace(/_/g, ".")}` : name;
}

export async function checkDocuments(d: Distribution, sources: DocumentSource[]): Promise<CsafIssue[]> {
  if (d.documents.length === 0) return [];
  const [{ default: validate }, { csaf_2_0_strict }, mandatory] = await Promise.all([
    import("@secvisogram/csaf-validator-lib/validate.js"),
    import("@secvisogram/csaf-validator-lib/schemaTests.js"),
    import("@secvisogram/csaf-validator-lib/mandatoryTests.js"),
  ]);
  const issues: CsafIssue[] = [];
  for (const doc of d.documents) {
    if (!doc.read.ok) {
      issues.push({ path: doc.path, problem: rule.problem("notJson", { reason: doc.read.reason }) });
      continue;
    }
    const source = sources.find((s) => s.path === doc.path);
    // The mandatory tests read a document the schema accepts; on one it refuses (a null where a list item should be) they can throw.
    let result = await validate([csaf_2_0_strict], doc.read.value);
    if (result.isValid) {
      try {
        result = await validate(Object.values(mandatory), doc.read.value);
      } catch (error) {
        // The validator failing on a document the schema accepts is this document's finding, not a crash of the build.
        result = { isValid: false, tests: [{ name: "the mandatory tests", isValid: false, errors: [{ instancePath: "/", message: `the validator stopped: ${error instanceof Error ? error.message : String(error)}` }], warnings: [], infos: [] }] };
      }
    }
    for (const test of result.tests.filter((t) => !t.isValid)) {
      // A test's first error names what to correct; the others are usually its repetitions.
      const first = test.errors[0];
      const values = { test: testName(test.name), at: first?.instancePath || "/", reason: first?.message ?? "no reason given" };
      issues.push(source ? { file: source.file, problem: rule.problem("advisoryFailed", { ...values, document: `/${doc.path}` }) } : { path: doc.path, problem: rule.problem("failed", values) });
    }
  }
  return issues;
}
