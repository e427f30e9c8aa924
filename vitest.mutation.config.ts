/**
 * The tests Stryker runs against each mutant of src/formats and src/rules (stryker.config.json):
 * the rules' tables of cases and the unit tests of the formats and checks, which call the pure
 * code directly. The site builds, the commands, the browser and the servers are left to
 * `npm test`; a mutant they alone would catch counts as surviving. tests/rules.test.ts and
 * tests/layers.test.ts read the source's text, which Stryker rewrites, so they are left out too.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// Spread, not mergeConfig: that would append this list to the base's tests/**, and run them all.
// One project of these tests alone, not the base's two.
const { projects: _projects, ...shared } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...shared,
    // These tests call pure code and share no state through it: one module graph serves them all,
    // which makes each mutant's run a fraction of a second rather than a fresh import of everything.
    isolate: false,
    include: [
      "tests/rules/**/*.test.ts",
      "tests/{address-text,advisories,date,decorate,fingerprint,headers-file,json,key-lifetime,key-rotation,keys,linktext,mailto,mojibake,properties,report,rules-table,security-txt,sign,site-data,suppress,translations,wkd}.test.ts",
    ],
  },
});
