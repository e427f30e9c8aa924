/**
 * `npm run verify [-- --format json|github] [--connect-to HOST1:PORT1:HOST2:PORT2]…`: the
 * deployed site, its published keys and its Web Key Directory, checked against the site data
 * and keys the build checks. Exit 0 when all agree, 1 when anything disagrees, 2 when
 * something could not be checked (or the data itself does not pass the build's checks).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPolicyData, policyGlobal } from "../data/load.ts";
import { FindingCollector } from "../findings/collector.ts";
import { isOutputFormat, OUTPUT_FORMATS, printReport, summarize, type Streams } from "../findings/report.ts";
import { splitAddress } from "../formats/wkd.ts";
import { DEFAULT_KEYS_PATH, DEFAULT_POLICY_PATH } from "../formats/site-paths.ts";
import { SECURITY_TXT_PATH } from "../formats/security-txt.ts";
import { isLoopback } from "../verify/faults.ts";
import { createFetcher, parseConnectTo } from "../verify/net.ts";
import { verifySecurityMd, verifySite } from "../verify/verify.ts";
import type { CsafExpected } from "../verify/csaf.ts";
import { PROVIDER_METADATA } from "../formats/csaf-distribution.ts";
import { ROLIE_FEED } from "../publish/csaf.ts";
import { applySuppressions } from "../rules/suppressions.ts";
import { buildSite } from "./build.ts";

const USAGE = `usage: npm run verify -- [--format ${OUTPUT_FORMATS.join("|")}] [--site URL] [--connect-to HOST1:PORT1:HOST2:PORT2]… [--keyserver keys.openpgp.org]… [--offline] [--security-md PATH|URL]… [--timeout 10] [--deadline 60] [--input content]`;

const HELP = `${USAGE}

Checks the deployed site, its published keys, its Web Key Directory and the keyservers against
the site data and keys that npm run build checks. Exit 0 when all agree, 1 when anything
disagrees, 2 when something could not be checked.

  --format text|json|github   how findings are printed (default text)
  --site URL                  fetch the site's own files from this origin instead of the
                              site data's url: a local preview (http://127.0.0.1:8080; plain
                              http only on 127.0.0.0/8, ::1 or localhost) or a staging copy
                              over https; what they say is still compared with the data's url
  --connect-to H1:P1:H2:P2    connect to H2:P2 wherever H1:P1 is asked for, as curl does;
                              repeatable (a staging server, or a preview before DNS)
  --keyserver HOST            a keyserver to look each key up on; repeatable
                              (default keys.openpgp.org)
  --offline                   ask no keyserver; the site and its WKD are still checked
  --security-md PATH|URL      also check a SECURITY.md against the site data; repeatable
  --timeout SECONDS           for each request, 1 to 120 (default 10)
  --deadline SECONDS          for the whole run, 1 to 600 (default 60)
  --input FOLDER              the site's content folder (default content)
  --help                      this text`;
const STREAMS: Streams = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** `verify`: resolves with the exit code. `config` is the build's Eleventy config, with which verify builds what it expects. */
export async function verifyCommand(argv: string[], config: string): Promise<number> {
  try {
    return await verify(argv, config);
  } catch (error) {
    process.stderr.write(`verify: ${(error as Error).message}\n`);
    return 2;
  }
}

async function verify(argv: string[], config: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: "string", default: "text" },
        site: { type: "string" },
        "connect-to": { type: "string", multiple: true, default: [] },
        timeout: { type: "string", default: "10" },
        deadline: { type: "string", default: "60" },
        input: { type: "string", default: "content" },
        keyserver: { type: "string", multiple: true },
        "security-md": { type: "string", multiple: true, default: [] },
        offline: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.offline && values.keyserver !== undefined) {
    process.stderr.write(`--offline asks no keyserver, and --keyserver names one: give one or the other\n${USAGE}\n`);
    return 2;
  }
  const format = values.format;
  if (!isOutputFormat(format)) {
    process.stderr.write(`--format ${format} is not a format: use ${OUTPUT_FORMATS.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  const timeout = Number(values.timeout);
  if (!(timeout > 0 && timeout <= 120)) {
    process.stderr.write(`--timeout ${values.timeout} is not a number of seconds from 1 to 120\n${USAGE}\n`);
    return 2;
  }
  const deadline = Number(values.deadline);
  if (!(deadline > 0 && deadline <= 600)) {
    process.stderr.write(`--deadline ${values.deadline} is not a number of seconds from 1 to 600\n${USAGE}\n`);
    return 2;
  }
  const connectTo = values["connect-to"].map(parseConnectTo);
  let copy: SiteCopy | undefined;
  if (values.site !== undefined) {
    try {
      copy = parseSiteOption(values.site);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
  }

  // The same data and keys as the build, checked the same way: a build error stops the verification.
  const findings = new FindingCollector({ root: process.cwd(), strict: false, suppress: applySuppressions });
  const loaded = await loadPolicyData(path.resolve(values.input), { dataFile: "_data/security.json", keysDir: "keys", expiryWarningDays: 30, relative: (f) => findings.relative(f) });
  const dataErrors = loaded.findings.filter((f) => f.severity === "error");
  if (!loaded.data || dataErrors.length > 0) {
    findings.add(...dataErrors);
    printReport(findings.report(), format, STREAMS);
    process.stderr.write("The site data or keys do not pass the build's checks: fix them (npm run build says how) before verifying the deployed site.\n");
    return 2;
  }
  // What the deployed site must hold is what the build publishes from this content today:
  // the build itself makes it, into a folder of its own, so verify never derives it a second way.
  const built = await buildExpected(values.input, config);
  if ("printed" in built) {
    process.stderr.write(`${built.printed}The site does not build: fix it (npm run build says how) before verifying the deployed site.\n`);
    return 2;
  }
  const site = loaded.data;
  const contacts = policyGlobal(loaded).contacts;
  const host = new URL(site.url).hostname.toLowerCase();
  const domains = contacts.map((c) => splitAddress(c.email).domain.toLowerCase());
  const allowedHosts = new Set([host, ...domains, ...domains.map((d) => `openpgpkey.${d}`)]);
  if (copy) allowedHosts.add(new URL(copy.origin).hostname.toLowerCase());
  // Said first, and again last: every ok below is about the copy, not about what researchers meet.
  const status = format === "text" ? STREAMS.stdout : STREAMS.stderr;
  if (copy) status(`${copyLine(copy, site.url, "checking")}\n`);

  const fetcher = createFetcher({
    connectTo,
    timeoutMs: timeout * 1000,
    maxBytes: 1_048_576,
    maxRedirects: 5,
    allowedHosts,
    concurrency: 8,
    deadline: new Date(Date.now() + deadline * 1000),
    ...(copy?.preview ? { plainHttpOrigin: copy.origin } : {}),
  });
  try {
    const keyservers = (values.keyserver ?? ["keys.openpgp.org"]).filter((k) => k !== "");
    if (values.offline) findings.notice("--offline: no keyserver was asked, neither keys.openpgp.org nor those the page links to; run without it to check the keys they give out");
    if (copy?.preview) findings.notice(`--site ${copy.origin}/: TLS is not checked, as the preview is served over plain http; verify the deployed site to check its certificate`);
    const results = [
      ...(await verifySite({ site, contacts, policyPath: DEFAULT_POLICY_PATH, keysPath: DEFAULT_KEYS_PATH, now: new Date(), fetcher, expiresWarningDays: 30, keyservers, offline: values.offline, securityTxt: built.securityTxt, ...(built.csaf ? { csaf: built.csaf } : {}), allowedHosts, ...(copy ? { copyAt: copy.origin } : {}) })),
      ...(await Promise.all(values["security-md"].map((where) => verifySecurityMd({ site, contacts, fetcher, allowedHosts }, where, (file) => readFileSync(file, "utf8"))))),
    ];
    for (const result of results) {
      findings.add(...result.findings);
      for (const notice of result.notices) findings.notice(`${result.source}: ${notice}`);
    }
    const report = findings.report();
    printReport(report, format, STREAMS);
    // One line per source: ok, or what is wrong there.
    const summary = results
      .map((r) => {
        if (r.notAsked !== undefined) return `not asked ${r.source}: ${r.notAsked}`;
        // A notice says what the checks could not read; it is printed above, and is no difference.
        const own = report.findings.filter((f) => f.file === r.source && f.severity !== "notice");
        const errors = own.filter((f) => f.severity === "error").length;
        return own.length === 0 ? `ok ${r.source}` : `${r.unreachable ? "not checked" : "differs"} ${r.source}: ${summarize({ errors, warnings: own.length - errors })}`;
      })
      .join("\n");
    status(`${summary}\n`);
    if (copy) status(`${copyLine(copy, site.url, "checked")}\n`);
    const disagree = results.some((r) => !r.unreachable && r.findings.some((f) => f.severity === "error"));
    if (disagree) return 1;
    if (results.some((r) => r.unreachable)) return 2;
    return 0;
  } finally {
    await fetcher.close();
  }
}

/** What --site names: the origin the site's own files are fetched from, and whether it is a local preview over plain http. */
export interface SiteCopy {
  /** Scheme, host and port, without a trailing slash, as the site data's url is written. */
  origin: string;
  preview: boolean;
}

/**
 * --site's URL: https anywhere, plain http only on this machine (a deployed policy must be
 * served over https, RFC 9116 section 3), and an origin only, as the site data's url is.
 */
export function parseSiteOption(text: string): SiteCopy {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--site ${text} is not a URL: give the origin that serves the copy, e.g. --site http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--site ${text} is not http or https: give the origin that serves the copy, e.g. --site http://127.0.0.1:8080`);
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(`--site ${text} is more than an origin: give the scheme, host and port only (e.g. --site ${url.origin}); the site's own paths are added to it`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new Error(
      `--site ${text} is plain http to ${url.hostname}, which is not this machine: a deployed policy must be served over https (RFC 9116, section 3), so verify it at its https URL; plain http is taken only for a local preview on 127.0.0.0/8, ::1 or localhost`,
    );
  }
  return { origin: url.origin, preview: url.protocol === "http:" };
}

/** The line said before and after the checks, when they are of a copy. */
function copyLine(copy: SiteCopy, siteUrl: string, verb: "checking" | "checked"): string {
  const what = copy.preview ? "a local preview" : "a copy of the site";
  return `${verb} ${what} at ${copy.origin}/, not the deployed site: security.txt's Canonical and the pages' URLs are compared with ${siteUrl}/; ${copy.preview ? "TLS, " : ""}the advanced Web Key Directory host and contacts' domains other than the site's host are not asked`;
}

/**
 * The security.txt the build publishes from the content folder today, made by the build itself
 * in a temporary folder (removed after); or what the build printed, when it fails.
 */
async function buildExpected(input: string, config: string): Promise<{ securityTxt: string; csaf?: CsafExpected } | { printed: string }> {
  const output = mkdtempSync(path.join(tmpdir(), "security-policy-verify-"));
  let printed = "";
  const quiet: Streams = { stdout: () => true, stderr: (text) => ((printed += text), true) };
  try {
    const result = await buildSite({ input, output: path.join(output, "site"), configPath: config, strict: false, streams: quiet });
    if (!result.ok) return { printed };
    const securityTxt = readFileSync(path.join(output, "site", SECURITY_TXT_PATH.slice(1)), "utf8");
    const metadata = path.join(output, "site", PROVIDER_METADATA.slice(1));
    if (!existsSync(metadata)) return { securityTxt };
    // The build's own files, read back: what the deployed distribution must hold.
    const role = (JSON.parse(readFileSync(metadata, "utf8")) as { role: string }).role;
    const feed = JSON.parse(readFileSync(path.join(output, "site", ROLIE_FEED.slice(1)), "utf8")) as { feed: { entry: Array<{ id: string }> } };
    return { securityTxt, csaf: { role, entries: feed.feed.entry.map((e) => e.id) } };
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}
