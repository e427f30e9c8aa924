/**
 * The files a repository keeps about its security, written from the site data and keys the build
 * reads: `npm run security-md` writes SECURITY.md (src/publish/security-md.ts) and `npm run
 * security-insights` writes security-insights.yml (src/publish/security-insights.ts). With
 * --check either writes nothing and exits 1 when the committed file differs from what it would
 * write, so that CI keeps the two in step. Data the build would stop on stops them too.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPolicyData, policyGlobal, type PolicyData } from "../data/load.ts";
import { securityInsights } from "../publish/security-insights.ts";
import { securityMd } from "../publish/security-md.ts";

export interface SecurityMdIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_IO: SecurityMdIO = { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

interface Options {
  data: string;
  advisories: string;
  cwd: string;
}

/** One file a command writes: its name, where it goes by default, and how it is made from the loaded data (or what the data lacks for it). */
interface Written {
  command: string;
  output: string;
  make: (loaded: PolicyData & { data: NonNullable<PolicyData["data"]> }, options: Options) => { text: string } | { missing: string[] };
}

const SECURITY_MD: Written = {
  command: "security-md",
  output: "SECURITY.md",
  make: (loaded, options) => {
    const advisoriesDir = path.resolve(options.cwd, options.advisories);
    return {
      text: securityMd({
        site: loaded.data,
        contacts: policyGlobal(loaded).contacts.map((c) => ({ ...c, published: c.key?.publicArmored !== undefined })),
        advisories: existsSync(advisoriesDir) && readdirSync(advisoriesDir).some((f) => f.endsWith(".md")),
        dataFile: options.data,
      }),
    };
  },
};

const SECURITY_INSIGHTS: Written = {
  command: "security-insights",
  output: "security-insights.yml",
  make: (loaded) => securityInsights({ site: loaded.data, contacts: policyGlobal(loaded).contacts.map((c) => ({ ...c, published: c.key?.publicArmored !== undefined })) }),
};

/** `security-md`: resolves with the exit code: 0 written (or in step), 1 out of step or data with errors, 2 a usage error. */
export async function securityMdCommand(argv: string[], io: SecurityMdIO = PROCESS_IO): Promise<number> {
  return await writeFromData(SECURITY_MD, argv, io);
}

/** `security-insights`: as `security-md`, for security-insights.yml. */
export async function securityInsightsCommand(argv: string[], io: SecurityMdIO = PROCESS_IO): Promise<number> {
  return await writeFromData(SECURITY_INSIGHTS, argv, io);
}

async function writeFromData(written: Written, argv: string[], io: SecurityMdIO): Promise<number> {
  const usage = `usage: npm run ${written.command} -- [--data content/_data/security.json] [--keys content/keys] [--advisories content/advisories] [--output ${written.output}] [--check]`;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string", default: "content/_data/security.json" },
        keys: { type: "string", default: "content/keys" },
        advisories: { type: "string", default: "content/advisories" },
        output: { type: "string", default: written.output },
        check: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    io.stderr(`${written.command}: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const relative = (file: string) => path.relative(io.cwd, file) || file;
  const loaded = await loadPolicyData(io.cwd, { dataFile: values.data, keysDir: values.keys, expiryWarningDays: 30, relative });
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!loaded.data || errors.length > 0) {
    for (const f of errors) io.stderr(`${f.file}:${f.line}:${f.column}: error: ${f.message} [${f.rule}]\n`);
    io.stderr(`${written.command}: ${values.output} is not written from site data with errors: fix them (npm run build shows them too), then run it again\n`);
    return 1;
  }
  const made = written.make({ ...loaded, data: loaded.data }, { data: values.data, advisories: values.advisories, cwd: io.cwd });
  if ("missing" in made) {
    io.stderr(`${written.command}: ${values.output} needs what ${values.data} does not say: add ${made.missing.join("; and ")}\n`);
    return 1;
  }
  const output = path.resolve(io.cwd, values.output);
  if (values.check) {
    const committed = existsSync(output) ? readFileSync(output, "utf8") : undefined;
    if (committed === made.text) {
      io.stdout(`${values.output} is in step with ${values.data}.\n`);
      return 0;
    }
    io.stderr(
      committed === undefined
        ? `${written.command}: ${values.output} does not exist: run npm run ${written.command} and commit it\n`
        : `${written.command}: ${values.output} differs from what npm run ${written.command} writes, from line ${firstDifference(committed, made.text)}: run it and commit the result\n`,
    );
    return 1;
  }
  writeFileSync(output, made.text);
  io.stdout(`Wrote ${values.output} from ${values.data}.\n`);
  return 0;
}

/** The first line, counted from 1, where two texts differ. */
function firstDifference(a: string, b: string): number {
  const [la, lb] = [a.split("\n"), b.split("\n")];
  const at = la.findIndex((line, i) => line !== lb[i]);
  return (at === -1 ? la.length : at) + 1;
}
