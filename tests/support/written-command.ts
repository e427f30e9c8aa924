/** A command that writes a repository file from the site data (src/build/security-md-command.ts), run in `cwd` with its output captured. */
import type { SecurityMdIO } from "../../src/build/security-md-command.ts";

export async function runWritten(command: (argv: string[], io: SecurityMdIO) => Promise<number>, cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await command(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
