/**
 * `npm run security-md [-- --output SECURITY.md] [--check]`: the repository's SECURITY.md,
 * written from the site data and keys the build reads (src/publish/security-md.ts). With
 * --check it writes nothing and exits 1 when the committed file differs from what it would
 * write, so that CI keeps the two in step. Data the build would stop on stops it too.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPolicyData, policyGlobal } from "../data/load.ts";
import { securityMd } from "../publish/security-md.ts";

const USAGE = "usage: npm run security-md -- [--data content/_data/security.json] [--keys content/keys] [--advisories content/advisories] [--output SECURITY.md] [--check]";

export interface SecurityMdIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_IO: SecurityMdIO = { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Resolves with the exit code: 0 written (or in step), 1 out of step or data with errors, 2 a usage error. */
export async function securityMdCommand(argv: string[], io: SecurityMdIO = PROCESS_IO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string", default: "content/_data/security.json" },
        keys: { type: "string", default: "content/keys" },
        advisories: { type: "string", default: "content/advisories" },
        output: { type: "string", default: "SECURITY.md" },
        check: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    io.stderr(`security-md: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const relative = (file: string) => path.relative(io.cwd, file) || file;
  const loaded = await loadPolicyData(io.cwd, { dataFile: values.data, keysDir: values.keys, expiryWarningDays: 30, relative });
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!loaded.data || errors.length > 0) {
    for (const f of errors) io.stderr(`${f.file}:${f.line}:${f.column}: error: ${f.message} [${f.rule}]\n`);
    io.stderr(`security-md: ${values.output} is not written from site data with errors: fix them (npm run build shows them too), then run it again\n`);
    return 1;
  }
  const global = policyGlobal(loaded);
  const advisoriesDir = path.resolve(io.cwd, values.advisories);
  const text = securityMd({
    site: loaded.data,
    contacts: global.contacts.map((c) => ({ ...c, published: c.key?.publicArmored !== undefined })),
    advisories: existsSync(advisoriesDir) && readdirSync(advisoriesDir).some((f) => f.endsWith(".md")),
    dataFile: values.data,
  });
  const output = path.resolve(io.cwd, values.output);
  if (values.check) {
    const committed = existsSync(output) ? readFileSync(output, "utf8") : undefined;
    if (committed === text) {
      io.stdout(`${values.output} is in step with ${values.data}.\n`);
      return 0;
    }
    io.stderr(committed === undefined ? `security-md: ${values.output} does not exist: run npm run security-md and commit it\n` : `security-md: ${values.output} differs from what npm run security-md writes, from line ${firstDifference(committed, text)}: run it and commit the result\n`);
    return 1;
  }
  writeFileSync(output, text);
  io.stdout(`Wrote ${values.output} from ${values.data}.\n`);
  return 0;
}

/** The first line, counted from 1, where two texts differ. */
function firstDifference(a: string, b: string): number {
  const [la, lb] = [a.split("\n"), b.split("\n")];
  const at = la.findIndex((line, i) => line !== lb[i]);
  return (at === -1 ? la.length : at) + 1;
}
