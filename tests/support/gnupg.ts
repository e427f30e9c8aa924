/** GnuPG as the tests run it: in a home of its own, without prompts or passphrases; a missing gpg says how to install it. */
import { spawnSync } from "node:child_process";

export function gpg(home: string, args: string[], input?: string): string {
  const run = spawnSync("gpg", ["--homedir", home, "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "", ...args], { encoding: "utf8", input });
  if (run.error) throw new Error(`gpg is not on this machine: install gnupg (apt-get install gnupg, as .ci/run does). ${run.error.message}`);
  if (run.status !== 0) throw new Error(`gpg ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}
