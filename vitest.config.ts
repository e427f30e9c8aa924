import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The compiled runtime, imported by Node itself as the commands import it (tests/support/runtime.ts). */
const DIST = `${path.join(path.dirname(fileURLToPath(import.meta.url)), "dist")}${path.sep}`;

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    server: { deps: { external: [new RegExp(`^${DIST.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`)] } },
    // Fixture builds run Eleventy and openpgp.js; a cold worker can take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
