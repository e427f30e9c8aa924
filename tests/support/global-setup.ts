import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { compile } from "../../bin/compile.mjs";
import { WORK } from "./work.ts";

const SET_UP = "SECURITY_POLICY_SITE_TESTS_SET_UP";

/**
 * Each run lays its fixture sites out afresh; the last run's are removed first. The TypeScript
 * is compiled once, before any test builds with it or runs a command.
 */
export default async function setup(): Promise<() => void> {
  // vitest.config.ts has two projects, and each runs the global setup: the first call does it all.
  if (process.env[SET_UP] === "1") return () => {};
  process.env[SET_UP] = "1";
  rmSync(WORK, { recursive: true, force: true });
  await compile();
  return stopGpgAgents;
}

/**
 * Using a private key starts a gpg-agent for its keyring, which outlives the gpg command. After
 * the run, every agent of a keyring the tests made is stopped, so that none is left running
 * (each holds inotify instances, of which a user has 128).
 */
function stopGpgAgents(): void {
  const homes = new Set<string>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // The process ended while the list was read.
    }
    const at = args.indexOf("--homedir");
    if (args[0]?.endsWith("gpg-agent") && at >= 0 && args[at + 1]?.startsWith(WORK)) homes.add(args[at + 1]!);
  }
  for (const home of homes) spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
}
