import { existsSync } from "node:fs";

/** Debian's Chromium, or the one CHROME_PATH names. */
export const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/**
 * How the tests launch it: headless, and quiet on the network, so that nothing but the test's
 * own server on 127.0.0.1 is asked. playwright and chrome-launcher give each launch a fresh profile.
 */
export const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Why the browser tests cannot run here, or undefined: a missing browser fails every test with how to install it, never skips. */
export function missingChromium(): Error | undefined {
  return existsSync(CHROME) ? undefined : new Error(`Chromium not found at ${CHROME}; install it with apt-get install -y chromium (or set CHROME_PATH)`);
}
