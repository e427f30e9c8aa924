import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Fixture builds run Eleventy and openpgp.js; a cold worker can take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
