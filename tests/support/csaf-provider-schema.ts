/**
 * OASIS's JSON Schema of CSAF 2.0 provider metadata (tests/fixtures/specs/csaf-provider-json-schema-2.0.json,
 * draft 2020-12), with the CSAF document schema it refers to for the publisher, compiled once
 * with Ajv for the tests that check what the build publishes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
// FIRST's CVSS schemas, which the CSAF document schema refers to, as the reference validator ships them.
import cvss20 from "@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js";
import cvss30 from "@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js";
import cvss31 from "@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js";
import { ROOT } from "./fixture-site.ts";

// ajv-formats is CommonJS: its function is the module's default export.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const spec = (file: string) => JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/specs", file), "utf8")) as object;
// Registered under the id the CSAF schema refers to them by (theirs carries a date as a query), without their draft-07 $schema.
for (const cvss of [cvss20, cvss30, cvss31]) {
  const { $schema: _draft, license: _license, ...schema } = cvss;
  ajv.addSchema({ ...schema, $id: String(cvss.$id).replace(/\?.*$/, "") });
}
ajv.addSchema(spec("csaf-json-schema-2.0.json"));

export const validateProviderMetadata = ajv.compile(spec("csaf-provider-json-schema-2.0.json"));
