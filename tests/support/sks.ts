/**
 * A real HKP keyserver for the tests: Debian's sks, its database built from a dump of the
 * given keys in a fresh folder, serving /pks/lookup on 127.0.0.1. Stopped by stop(), which
 * waits for it to go.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unarmor } from "openpgp";
import { accepts } from "./ports.ts";
import { WORK } from "./work.ts";

const SKS = "/usr/sbin/sks";

export function requireSks(): void {
  if (!existsSync(SKS)) throw new Error(`sks is not on this machine at ${SKS}: install it with apt-get install -y sks (as .ci/run does)`);
}

export interface Sks {
  stop(): Promise<void>;
}

/** sks serving the armored keys on 127.0.0.1:port. */
export async function startSks(armoredKeys: string[], port: number): Promise<Sks> {
  mkdirSync(WORK, { recursive: true });
  const base = mkdtempSync(path.join(WORK, "sks-"));
  for (const dir of ["var/lib/sks", "var/log/sks", "var/run/sks"]) mkdirSync(path.join(base, dir), { recursive: true });
  const packets = await Promise.all(armoredKeys.map(async (k) => (await unarmor(k)).data as Uint8Array));
  writeFileSync(path.join(base, "dump.pgp"), Buffer.concat(packets));
  writeFileSync(path.join(base, "sksconf"), "hostname: localhost\n");
  const built = spawnSync(SKS, ["build", path.join(base, "dump.pgp"), "-n", "10", "-cache", "10", "-basedir", base], { cwd: base, encoding: "utf8", timeout: 60_000 });
  if (built.status !== 0) throw new Error(`sks build failed: ${built.stderr}${built.stdout}`);
  const child = spawn(SKS, ["db", "-basedir", base, "-hkp_address", "127.0.0.1", "-hkp_port", String(port)], { cwd: base, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const until = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill("SIGKILL");
      const log = path.join(base, "var/log/sks/db.log");
      throw new Error(`sks did not start on port ${port}${existsSync(log) ? `: ${readFileSync(log, "utf8").slice(-500)}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!stopped) child.kill("SIGKILL");
    },
  };
}
