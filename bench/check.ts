/**
 * How long `check` takes on one SECURITY.md with one key, as a repository's workflow runs it:
 * the bin's own command (bin/security-policy-site.mjs check) in a fresh process each run, timed
 * from spawn to exit, after one run that is not timed (dist/ compiled, the disk cache warm).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BIN } from "../tests/support/runtime.ts";
import { ROOT } from "./site.ts";
import { timed } from "./verify.ts";

export interface CheckTimings {
  ms: number[];
  /** The exit code of the last run: 0, as the page and its key agree. */
  code: number | null;
}

/** A policy as repositories write one: where to report, the key's fingerprint beside the address, and a keyserver link. */
const SECURITY_MD = `# Security Policy

## Supported versions

Only the latest release receives security fixes.

## Reporting a vulnerability

Please do not open a public issue. Write to [security@example.org](mailto:security@example.org),
encrypted to our key:

| address | fingerprint |
|---|---|
| security@example.org | 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 |

The key is also on [keys.openpgp.org](https://keys.openpgp.org/search?q=7FC1+6F16+A8B3+D4C7+4BC3+3A73+E880+C9B8+C5B5+3E91).
We answer within three working days; see [what happens next](#what-happens-next).

## What happens next

We confirm the problem, fix it, and publish an advisory.
`;

export async function measureCheck(runs: number, tmp: string): Promise<CheckTimings> {
  const dir = path.join(tmp, "check");
  mkdirSync(path.join(dir, "keys"), { recursive: true });
  writeFileSync(path.join(dir, "SECURITY.md"), SECURITY_MD);
  copyFileSync(path.join(ROOT, "tests/fixtures/keys/ed25519.asc"), path.join(dir, "keys/security@example.org.asc"));
  const args = [BIN, "check", "SECURITY.md", "--keys", "keys"];
  const warm = await timed(args, dir, process.env);
  if (warm.code !== 0) throw new Error(`check of the bench's SECURITY.md exits ${warm.code}, not 0: ${warm.out.trim()}`);
  const ms: number[] = [];
  let code: number | null = null;
  for (let i = 0; i < runs; i++) {
    const run = await timed(args, dir, process.env);
    ms.push(run.ms);
    code = run.code;
  }
  return { ms, code };
}
