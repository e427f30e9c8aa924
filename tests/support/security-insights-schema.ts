/**
 * OpenSSF Security Insights 2.1.0's header and project definitions as JSON Schema
 * (tests/fixtures/specs/security-insights-2.1.0-project.schema.json, written from the
 * specification's schema.cue, which is published as CUE only), compiled once with Ajv.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ROOT } from "./fixture-site.ts";

// ajv-formats is CommonJS: its function is the module's default export.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

export const validateSecurityInsights = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/specs/security-insights-2.1.0-project.schema.json"), "utf8")) as object);
