/**
 * csaf-provider-metadata: CSAF 2.0 requirement 7, a provider-metadata.json that OASIS's JSON
 * schema accepts (schemas/csaf-provider-json-schema-2.0.json, errata 01, with the CSAF document
 * schema it refers to for the publisher). Ajv compiles them when a site has a CSAF folder.
 */
import { readFileSync } from "node:fs";
import { folderOf, PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-provider-metadata",
  severity: "error",
  family: "csaf",
  summary: "The site serves CSAF documents without a provider-metadata.json, or with one that is not JSON or that OASIS's provider metadata schema rejects (requirement 7).",
  disable: "no",
  messages: {
    missing: "is not published, though the site serves CSAF documents in {{folder}}; CSAF 2.0 requirement 7 describes them there: set \"csafProvider\" in the site data, and the build writes it",
    notJson: "is not JSON ({{reason}}) (CSAF 2.0 requirement 7): let the build write it (\"csafProvider\" in the site data), or take the copied one out of the site",
    /** `at`: the JSON pointer of what the schema rejects. */
    invalid: "does not match OASIS's provider metadata schema at {{at}}: {{reason}} (CSAF 2.0 requirement 7): let the build write it (\"csafProvider\" in the site data), or correct the copied one there",
  },
});

export default rule;

/** Where the published schemas are: the project's schemas/ folder, from src/rules/csaf/ or its compiled copy in dist/src/rules/csaf/. */
const SCHEMAS = new URL(import.meta.url.includes("/dist/src/") ? "../../../../schemas/" : "../../../schemas/", import.meta.url);

interface SchemaCheck {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}

let compiled: Promise<SchemaCheck> | undefined;

/** OASIS's provider metadata schema, compiled once per process. */
export function providerMetadataSchema(): Promise<SchemaCheck> {
  compiled ??= (async () => {
    const [{ Ajv2020 }, formats, cvss20, cvss30, cvss31] = await Promise.all([
      import("ajv/dist/2020.js"),
      import("ajv-formats"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js"),
    ]);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: its function is the module's default export.
    (formats.default as unknown as (a: typeof ajv) => void)(ajv);
    // FIRST's CVSS schemas, as the reference validator ships them, under the ids the CSAF schema refers to them by (without their draft-07 $schema).
    for (const { default: cvss } of [cvss20, cvss30, cvss31]) {
      const { $schema: _draft, license: _license, ...schema } = cvss;
      ajv.addSchema({ ...schema, $id: String(cvss.$id).replace(/\?.*$/, "") });
    }
    const schema = (file: string) => JSON.parse(readFileSync(new URL(file, SCHEMAS), "utf8")) as object;
    ajv.addSchema(schema("csaf-json-schema-2.0.json"));
    return ajv.compile(schema("csaf-provider-json-schema-2.0.json")) as SchemaCheck;
  })();
  return compiled;
}

export async function checkProviderMetadata(d: Distribution): Promise<CsafIssue[]> {
  const path = PROVIDER_METADATA.slice(1);
  if (d.metadata === undefined) {
    const first = d.documents[0];
    return first === undefined ? [] : [{ path, problem: rule.problem("missing", { folder: `/${folderOf(first.path)}` }) }];
  }
  if (!d.metadata.ok) return [{ path, problem: rule.problem("notJson", { reason: d.metadata.reason }) }];
  const validate = await providerMetadataSchema();
  if (validate(d.metadata.value)) return [];
  return (validate.errors ?? []).map((e) => ({ path, problem: rule.problem("invalid", { at: e.instancePath || "/", reason: e.message ?? "rejected" }) }));
}
