/** The parts of @secvisogram/csaf-validator-lib (which ships no types) the build and the tests use. */
declare module "@secvisogram/csaf-validator-lib/validate.js" {
  interface TestResult {
    name: string;
    isValid: boolean;
    errors: Array<{ instancePath: string; message: string }>;
    warnings: unknown[];
    infos: unknown[];
  }
  export default function validate(tests: unknown[], document: unknown): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
declare module "@secvisogram/csaf-validator-lib/validateStrict.js" {
  // The same function as validate.js, which refuses tests the library does not define.
  export { default } from "@secvisogram/csaf-validator-lib/validate.js";
}
declare module "@secvisogram/csaf-validator-lib/mandatoryTests.js" {
  const tests: Record<string, unknown>;
  export = tests;
}
declare module "@secvisogram/csaf-validator-lib/schemaTests.js" {
  export const csaf_2_0_strict: unknown;
}
declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js" {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js" {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js" {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module "@secvisogram/csaf-validator-lib/optionalTests.js" {
  const tests: Record<string, unknown>;
  export = tests;
}
