/**
 * OSV's own JSON Schema (tests/fixtures/specs/osv-schema.json, ossf/osv-schema's
 * validation/schema.json, draft 2020-12), compiled once with Ajv for the tests that check
 * the records the build writes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ROOT } from "./fixture-site.ts";

// ajv-formats is CommonJS: its function is the module's default export.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

export const validateOsv = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/specs/osv-schema.json"), "utf8")) as object);
