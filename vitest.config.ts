import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The compiled runtime, imported by Node itself as the commands import it (tests/support/runtime.ts). */
const DIST = `${path.join(path.dirname(fileURLToPath(import.meta.url)), "dist")}${path.sep}`;

/**
 * Tests that call our code directly and start nothing that outlives them: they share one module
 * graph per worker (no fresh import of everything for each file), which makes them several times
 * faster. Site builds, commands, servers and browsers keep a process of their own per file.
 */
const UNIT = [
  "tests/rules/**/*.test.ts",
  "tests/{address-text,advisories,alerts,date,dev,fingerprint,headers-file,json,layers,linktext,mailto,mojibake,page-checks,properties,purl,readme-contents,upgrade,report,rules,rules-table,security-txt,sign,site-data,suppress,verify-faults,wkd,workflow}.test.ts",
];

export default defineConfig({
  test: {
    // Two files at a time, whatever the core count (vitest's own default is one fewer than the
    // cores: one, on a two-core machine). Most files wait on a process they started (a build,
    // Chromium, nginx, GnuPG), so a second file fills the idle core: on a two-core machine the
    // whole run took about a minute less; three at a time took longer than two.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      { extends: true, test: { name: "sites", include: ["tests/**/*.test.ts"], exclude: UNIT } },
    ],
    globalSetup: ["tests/support/global-setup.ts"],
    server: { deps: { external: [new RegExp(`^${DIST.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`)] } },
    // Fixture builds run Eleventy and openpgp.js; a cold worker can take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
