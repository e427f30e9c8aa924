/**
 * `security-policy-site check FILE… [--keys DIR] [--data FILE] [--format text|json|github|sarif]`
 * (`npm run check -- …`): a SECURITY.md, an HTML page or a security.txt, checked against the
 * OpenPGP keys given, without building a site. Exit 0 when nothing is wrong, 1 when an error was
 * found, 2 when the files could not be checked (a missing file, an unreadable --keys folder, bad
 * --data, a wrong option).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FindingCollector, type Suppress } from "../findings/collector.ts";
import { OUTPUT_FORMATS, printReport, type Streams } from "../findings/report.ts";
import { formatSarif } from "../findings/sarif.ts";
import { check, CheckError } from "../verify/check.ts";

/** build and verify print the report's own formats; check also writes SARIF, for code scanning. */
export const CHECK_FORMATS = [...OUTPUT_FORMATS, "sarif"] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

export const CHECK_USAGE = `usage: security-policy-site check FILE… [--keys DIR] [--data FILE] [--format ${CHECK_FORMATS.join("|")}]`;

const HELP = `${CHECK_USAGE}

Checks a SECURITY.md (or an HTML page) and a security.txt against the OpenPGP keys given, as
the build checks the policy page: each fingerprint against its key, key links, mailto links,
anchors, and each key's expiry, encryption subkey and user IDs. Exit 0 when nothing is wrong,
1 when an error was found, 2 when the files could not be checked. Nothing is fetched.

  FILE                    a SECURITY.md, an HTML page, or a security.txt (named so, or
                          opening with RFC 9116 fields); repeatable
  --keys DIR              public keys: files named after an address
                          (security@example.org.asc), or any .asc, matched by fingerprint;
                          an armored key block printed in a page is read too
  --data FILE             the site data (_data/security.json): its contacts and their keys
                          instead of what the page presents
  --format FORMAT         text (default), json, github (workflow annotations) or sarif
  --help                  this text`;

/** What the command reads and writes besides its arguments: a test gives its own. */
export interface CheckIO {
  cwd: string;
  streams: Streams;
  now?: Date;
}

const PROCESS_IO: CheckIO = {
  get cwd() {
    return process.cwd();
  },
  streams: { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
};

/** `check`: resolves with the exit code; never throws. */
export async function checkCommand(argv: string[], io: CheckIO = PROCESS_IO): Promise<number> {
  const { stdout, stderr } = io.streams;
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        keys: { type: "string" },
        data: { type: "string" },
        format: { type: "string", default: "text" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    stderr(`check: ${(error as Error).message}\n${CHECK_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout(`${HELP}\n`);
    return 0;
  }
  const format = values.format;
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    stderr(`check: --format ${format} is not a format: use ${CHECK_FORMATS.join(", ")}\n${CHECK_USAGE}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    stderr(`check: no file to check: name a SECURITY.md, an HTML page or a security.txt\n${CHECK_USAGE}\n`);
    return 2;
  }
  try {
    const result = await check({ files: positionals, cwd: io.cwd, now: io.now ?? new Date(), ...(values.keys !== undefined ? { keys: values.keys } : {}), ...(values.data !== undefined ? { data: values.data } : {}) });
    // A SECURITY.md may turn a rule off where it is wrong, as a page of the site may. The
    // registry of every rule, which the comments are read against, is loaded only for a page that
    // has one (or for SARIF's rule descriptions): check starts faster without it.
    const pages = positionals.map((file) => ({ file, text: readFileSync(path.resolve(io.cwd, file), "utf8") }));
    const suppress: Suppress = pages.some((p) => p.text.includes(SUPPRESSION_MARK)) ? (await import("../rules/suppressions.ts")).applySuppressions : noComments;
    const findings = new FindingCollector({ root: io.cwd, strict: false, suppress });
    findings.add(...result.findings);
    for (const notice of result.notices) findings.notice(notice);
    for (const { file, text } of pages) findings.page(findings.relative(file), text);
    const report = findings.report();
    await print(report, format as CheckFormat, io.streams);
    return report.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CheckError) {
      stderr(`check: ${error.message}\n`);
      return 2;
    }
    // Anything else is a fault of ours: one line, never a stack trace.
    stderr(`check: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

/** What every suppression comment holds (`<!-- policy-checks-disable … -->`): FindingCollector.page keeps only pages with it. */
const SUPPRESSION_MARK = "policy-checks-";

const noComments: Suppress = (_file, _text, findings) => ({ kept: findings, suppressed: [], findings: [] });

async function print(report: ReturnType<FindingCollector["report"]>, format: CheckFormat, streams: Streams): Promise<void> {
  if (format !== "sarif") return printReport(report, format, streams);
  const { isRuleId, RULES, ruleDocPath } = await import("../rules/registry.ts");
  streams.stdout(formatSarif(report, tool(), (id) => (isRuleId(id) ? { id, summary: RULES[id].summary, helpUri: docUri(ruleDocPath(id)) } : undefined)));
}

/** The package's root: two folders above this module, in src/ or in dist/src/. */
const PACKAGE_ROOT = new URL(import.meta.url.includes("/dist/src/") ? "../../../" : "../../", import.meta.url);

/** A file of the package (its docs travel with it, in "files"), as an absolute URI. */
function docUri(file: string): string {
  return new URL(file, PACKAGE_ROOT).href;
}

function tool() {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("package.json", PACKAGE_ROOT)), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version, informationUri: docUri("README.md") };
}
