/**
 * Publishes what researchers' tools look for, from the same site data and keys the pages are
 * checked against: `/.well-known/security.txt` (signed where a key is supplied), each contact's
 * public key at `/security/keys/<email>.asc`, a Web Key Directory (direct method) for the
 * addresses in the site's own domain, and a `_headers` file for Netlify and Cloudflare Pages.
 *
 * Everything is made after the pages are built and checked (`eleventy.after`), verified, and
 * only then written, into Eleventy's output folder: the staging folder that the build swaps in
 * when it passes. Any problem fails the build with one-line findings, and nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildEvent, UserConfig } from "@11ty/eleventy";
import { Parser } from "htmlparser2";
import { formatFingerprint } from "../formats/fingerprint.ts";
import { frontMatterKeyLine } from "../findings/locate.ts";
import { loadedPolicyData, policyGlobal, type PolicyContact } from "./policy-checks.ts";
import { ChecksFailed, findingPath, formatFinding, sortFindings } from "../findings/report.ts";
import {
  checkSecurityTxt,
  DEFAULT_EXPIRES,
  formatSecurityTxt,
  resolveExpires,
  SECURITY_TXT_PATH,
  securityTxtFields,
  type PublishedContact,
} from "../formats/security-txt.ts";
import { signSecurityTxt, SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE, type SignRefusalReason } from "../publish/sign.ts";
import type { Position } from "../formats/json.ts";
import { fieldLocator, type SiteData } from "../data/site-data.ts";
import type { Finding } from "../types.ts";
import { inDomain, WKD_DIRECT_PATH, wkdKeyPath } from "../formats/wkd.ts";

export interface PublishOptions {
  /** The site data, relative to the input folder: findings about its fields name their lines. */
  dataFile: string;
  /** The policy page's URL path, which security.txt's Policy field names; a page must have it. */
  policyPath: string;
  /** The URL folder the contacts' public keys are published in. */
  keysPath: string;
  /** The armored private key that signs security.txt. Default: the SECURITY_TXT_SIGNING_KEY environment variable. */
  signingKey: string | undefined;
  /** Its passphrase. Default: the SECURITY_TXT_SIGNING_PASSPHRASE environment variable. */
  signingPassphrase: string | undefined;
  /** Where findings are printed. */
  report: (line: string) => void;
  /** Where notices are printed (not findings: whether security.txt is signed, and by whom). */
  notice: (line: string) => void;
}

/** Where the contacts' public keys are published; the page's download links use it too. */
export const DEFAULT_KEYS_PATH = "/security/keys/";

const DEFAULTS: Omit<PublishOptions, "signingKey" | "signingPassphrase"> = {
  dataFile: "_data/security.json",
  policyPath: "/security/",
  keysPath: DEFAULT_KEYS_PATH,
  report: (line) => process.stderr.write(`${line}\n`),
  notice: (line) => process.stdout.write(`${line}\n`),
};

export function normalizeOptions(options: Partial<PublishOptions> = {}): PublishOptions {
  const fromEnvironment = (name: string) => (process.env[name] === "" ? undefined : process.env[name]);
  const merged: PublishOptions = {
    ...DEFAULTS,
    signingKey: fromEnvironment(SIGNING_KEY_VARIABLE),
    signingPassphrase: fromEnvironment(SIGNING_PASSPHRASE_VARIABLE),
    ...options,
  };
  const fail = (key: keyof PublishOptions, accepts: string) => {
    throw new TypeError(`publish: option \`${key}\` must be ${accepts}. Received: ${typeof merged[key]} (${String(merged[key]).slice(0, 40)})`);
  };
  if (typeof merged.dataFile !== "string") fail("dataFile", "a string");
  for (const key of ["policyPath", "keysPath"] as const) {
    if (typeof merged[key] !== "string" || !/^\/(?:[^/?#\s]+\/)*$/.test(merged[key])) fail(key, 'a URL path that starts and ends with "/", e.g. "/security/"');
  }
  for (const key of ["signingKey", "signingPassphrase"] as const) {
    if (merged[key] !== undefined && typeof merged[key] !== "string") fail(key, "a string or undefined");
  }
  if (typeof merged.report !== "function") fail("report", "a function");
  if (typeof merged.notice !== "function") fail("notice", "a function");
  return merged;
}

/** One file the plugin writes: its path in the output folder and its bytes or text. */
export interface PublishedFile {
  file: string;
  content: string | Uint8Array;
}

/** A page Eleventy built, as `eleventy.after` reports it. */
export interface BuiltPage {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

export default function publish(eleventyConfig: UserConfig, options: Partial<PublishOptions> = {}): void {
  const opts = normalizeOptions(options);
  if (loadedPolicyData(eleventyConfig) === undefined) {
    throw new Error("publish: add the policyChecks plugin before publish; publish writes from the data the checks load and verify");
  }

  eleventyConfig.on("eleventy.after", async (event: BuildEvent) => {
    if (event.outputMode !== "fs") return;
    const loaded = loadedPolicyData(eleventyConfig);
    // Without valid data the checks have already said why and stopped the build.
    if (!loaded?.data) return;

    const dataPath = path.join(event.directories.input, opts.dataFile);
    const plan = await planPublication({
      site: loaded.data,
      contacts: policyGlobal(loaded).contacts,
      pages: event.results ?? [],
      outputDir: path.resolve(event.directories.output),
      dataFile: findingPath(dataPath),
      dataText: existsSync(dataPath) ? readFileSync(dataPath, "utf8") : "",
      options: opts,
      now: new Date(),
    });

    if (plan.findings.length > 0) {
      const findings = sortFindings(plan.findings);
      for (const f of findings) opts.report(formatFinding(f));
      // The dev server keeps serving, and shows the findings, until the author fixes them.
      if (event.runMode === "build") throw new ChecksFailed(findings);
      return;
    }
    for (const line of plan.notices) opts.notice(line);
    const outputDir = path.resolve(event.directories.output);
    for (const { file, content } of plan.files) {
      const target = path.join(outputDir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  });
}

export interface PublicationInput {
  site: SiteData;
  contacts: PolicyContact[];
  pages: BuiltPage[];
  outputDir: string;
  /** The data file as findings name it, and its text (for the lines of its fields). */
  dataFile: string;
  dataText: string;
  options: PublishOptions;
  now: Date;
}

export interface Publication {
  files: PublishedFile[];
  findings: Finding[];
  notices: string[];
}

/** Everything to write, made and verified in memory; or the findings that stop the build. */
export async function planPublication(input: PublicationInput): Promise<Publication> {
  const { site, contacts, options, now, dataFile, dataText } = input;
  const findings: Finding[] = [];
  const notices: string[] = [];
  const files: PublishedFile[] = [];
  // Parsed for positions only when there is a finding to place.
  let locate: ((path: string) => Position) | undefined;
  const atField = (field: string, rule: string, message: string): Finding => ({
    file: dataFile,
    ...(locate ??= fieldLocator(dataText))(field),
    severity: "error",
    rule,
    message,
  });

  const siteUrl = new URL(site.url);
  if (siteUrl.pathname !== "/") {
    findings.push(
      atField("url", "securitytxt-url", `"url" is ${site.url}, which has a path; security.txt and the Web Key Directory live at the root of the host (RFC 9116 section 3): set "url" to ${siteUrl.origin}`),
    );
  }

  const resolved = resolveExpires(site.expires ?? DEFAULT_EXPIRES, now);
  if (resolved.problem !== undefined) findings.push(atField(site.expires ? "expires" : "", "securitytxt-expires", resolved.problem));

  if (!input.pages.some((p) => p.url === options.policyPath)) {
    findings.push({
      file: dataFile,
      line: 1,
      column: 1,
      severity: "error",
      rule: "securitytxt-policy",
      message: `security.txt's Policy names ${site.url}${options.policyPath}, but no page has the URL ${options.policyPath}: give the policy page "permalink: ${options.policyPath}"`,
    });
  }

  // The contacts' public keys: re-armored from the parsed key, never the committed file.
  const published: PublishedContact[] = [];
  contacts.forEach((contact, n) => {
    const armored = contact.key?.publicArmored;
    if (armored === undefined) {
      published.push({ email: contact.email, fingerprint: contact.fingerprint });
      return;
    }
    if (/[/\\\u0000-\u001f]/.test(contact.email)) {
      findings.push(atField(`contacts.${n}.email`, "publish-key-path", `${contact.email} holds a character that cannot be in a file name ("/", "\\" or a control character), so its key cannot be published as ${options.keysPath}<email>.asc: declare an address without one`));
      return;
    }
    files.push({ file: `${options.keysPath.slice(1)}${contact.email}.asc`, content: armored });
    published.push({ email: contact.email, fingerprint: contact.fingerprint, keyUrl: `${site.url}${keyUrlPath(options.keysPath, contact.email)}` });
  });

  // The Web Key Directory: only addresses in the site's own domain, as binary keys.
  const wkd = contacts.filter((c) => c.key?.publicBinary !== undefined && inDomain(c.email, siteUrl.hostname));
  for (const contact of wkd) files.push({ file: wkdKeyPath(contact.email).slice(1), content: contact.key!.publicBinary! });
  if (wkd.length > 0) files.push({ file: `${WKD_DIRECT_PATH.slice(1)}policy`, content: "" });

  const headers = headersFor(input.pages, { keysPath: options.keysPath, dataFile });
  findings.push(...headers.findings);
  if (headers.text !== undefined) files.push({ file: "_headers", content: headers.text });

  if (resolved.expires !== undefined && findings.length === 0) {
    const text = formatSecurityTxt(
      securityTxtFields({
        url: site.url,
        contacts: published,
        expires: resolved.expires,
        policyUrl: `${site.url}${options.policyPath}`,
        preferredLanguages: site.preferredLanguages ?? [site.language],
        ...(site.acknowledgments ? { acknowledgments: site.acknowledgments } : {}),
        ...(site.hiring ? { hiring: site.hiring } : {}),
        ...(site.csaf ? { csaf: site.csaf } : {}),
      }),
    );
    const signed = await signIfKeyGiven(text, resolved.expires, input, atField);
    if (signed.finding) findings.push(signed.finding);
    if (signed.notice) notices.push(signed.notice);
    if (signed.text !== undefined) {
      // The build's own output, held to every rule of RFC 9116 before it is written.
      for (const p of checkSecurityTxt(signed.text, { now, canonical: `${site.url}${SECURITY_TXT_PATH}` })) {
        findings.push({ file: dataFile, line: 1, column: 1, severity: "error", rule: "securitytxt-invalid", message: `the security.txt made from the data breaks a rule: ${p.message}` });
      }
      files.push({ file: SECURITY_TXT_PATH.slice(1), content: signed.text });
    }
  }

  findings.push(...conflicts(files, input.pages, input.outputDir));
  return findings.length > 0 ? { files: [], findings, notices: [] } : { files, findings, notices };
}

/** The URL path of a contact's published key: `/security/keys/security@example.org.asc` ("@" readable, the rest of the address encoded as a path segment needs). */
export function keyUrlPath(keysPath: string, email: string): string {
  return `${keysPath}${encodeURIComponent(email).replace(/%40/g, "@")}.asc`;
}

/** Where each refusal to sign is fixed: in the site data, or in the key supplied through the environment. */
const REFUSAL_FIELD: Partial<Record<SignRefusalReason, string>> = { undeclared: "contacts", "expires-too-soon": "expires" };

async function signIfKeyGiven(
  text: string,
  expires: Date,
  input: PublicationInput,
  atField: (field: string, rule: string, message: string) => Finding,
): Promise<{ text?: string; finding?: Finding; notice?: string }> {
  const { options, contacts, now } = input;
  if (options.signingKey === undefined) {
    return { text, notice: `notice: ${SECURITY_TXT_PATH} is not signed: set ${SIGNING_KEY_VARIABLE} (and ${SIGNING_PASSPHRASE_VARIABLE}) to a contact's private key to sign it` };
  }
  const result = await signSecurityTxt(
    text,
    { armored: options.signingKey, ...(options.signingPassphrase !== undefined ? { passphrase: options.signingPassphrase } : {}) },
    {
      contacts: contacts.map((c) => ({ email: c.email, fingerprint: c.fingerprint, ...(c.key?.publicArmored ? { publicKey: c.key.publicArmored } : {}) })),
      expires,
      now,
    },
  );
  if (result.refused) {
    const { reason, message } = result.refused;
    const field = REFUSAL_FIELD[reason];
    const finding: Finding = field
      ? atField(field === "expires" && input.site.expires === undefined ? "" : field, "sign-refused", `cannot sign security.txt: ${message}`)
      : { file: SIGNING_KEY_VARIABLE, line: 1, column: 1, severity: "error", rule: "sign-refused", message: `cannot sign security.txt: ${message}` };
    return { finding };
  }
  return { text: result.signed, notice: `notice: ${SECURITY_TXT_PATH} is signed with ${formatFingerprint(result.signer.fingerprint)} (${result.signer.email}), and the signature verified` };
}

/** A page that writes where the plugin would: the plugin's file wins nothing, the build fails. */
function conflicts(files: PublishedFile[], pages: BuiltPage[], outputDir: string): Finding[] {
  const targets = new Set(files.map((f) => path.join(outputDir, f.file)));
  return pages
    .filter((p) => typeof p.outputPath === "string" && targets.has(path.resolve(p.outputPath)))
    .map((p) => ({
      file: findingPath(p.inputPath),
      line: existsSync(p.inputPath) ? frontMatterKeyLine(readFileSync(p.inputPath, "utf8"), "permalink") : 1,
      column: 1,
      severity: "error" as const,
      rule: "publish-conflict",
      message: `this page writes ${String(p.url)}, which the build publishes from the site data; give the page another permalink`,
    }));
}

// ---------------------------------------------------------------------------
// _headers

/** The security headers every response gets, besides the pages' own Content-Security-Policy and Referrer-Policy. */
const COMMON_HEADERS: Array<[string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
];

/** What the pages ask for in their `<meta>` tags, which `_headers` sends as real headers. */
export interface PagePolicies {
  contentSecurityPolicy?: string;
  referrerPolicy?: string;
}

/** The Content-Security-Policy and referrer policy `<meta>` tags of a page, white space folded. */
export function pagePolicies(html: string): PagePolicies {
  const found: PagePolicies = {};
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name !== "meta" || attribs.content === undefined) return;
        const content = attribs.content.replace(/\s+/g, " ").trim();
        if (attribs["http-equiv"]?.toLowerCase() === "content-security-policy") found.contentSecurityPolicy ??= content;
        if (attribs.name?.toLowerCase() === "referrer") found.referrerPolicy ??= content;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  // The policies are <meta> elements of the head; the body, most of the page, need not be parsed again.
  const headEnd = html.search(/<\/head\s*>/i);
  parser.end(headEnd < 0 ? html : html.slice(0, headEnd));
  return found;
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages). No header is set by two rules that match the
 * same path: both hosts would then send both values.
 */
export function formatHeaders(h: { contentSecurityPolicy: string; referrerPolicy: string; keysPath: string }): string {
  // A <meta> cannot carry frame-ancestors; the header can, and does unless the page's policy says otherwise.
  const csp = /(?:^|;)\s*frame-ancestors\s/i.test(h.contentSecurityPolicy) ? h.contentSecurityPolicy : `${h.contentSecurityPolicy.replace(/;\s*$/, "")}; frame-ancestors 'none'`;
  const block = (pattern: string, headers: Array<[string, string]>) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return `${[
    "# Written by the build: the pages' own Content-Security-Policy and referrer policy, and the content types of security.txt, the keys and the Web Key Directory.",
    block("/*", [["Content-Security-Policy", csp], ["Referrer-Policy", h.referrerPolicy], ...COMMON_HEADERS]),
    block(SECURITY_TXT_PATH, [["Content-Type", "text/plain; charset=utf-8"]]),
    block(`${h.keysPath}*`, [["Content-Type", "application/pgp-keys"]]),
    block(`${WKD_DIRECT_PATH}*`, [
      ["Content-Type", "application/octet-stream"],
      ["Access-Control-Allow-Origin", "*"],
    ]),
  ].join("\n\n")}\n`;
}

/** `_headers` from the built pages, whose Content-Security-Policy `<meta>` must all agree: one header serves them all. */
function headersFor(pages: BuiltPage[], where: { keysPath: string; dataFile: string }): { text?: string; findings: Finding[] } {
  const html = pages.filter((p) => typeof p.outputPath === "string" && p.outputPath.endsWith(".html"));
  const findings: Finding[] = [];
  let first: { page: BuiltPage; policies: PagePolicies } | undefined;
  for (const page of html) {
    const policies = pagePolicies(page.content);
    const problem =
      policies.contentSecurityPolicy === undefined
        ? "has no Content-Security-Policy <meta>"
        : first && first.policies.contentSecurityPolicy !== policies.contentSecurityPolicy
          ? `has the Content-Security-Policy "${policies.contentSecurityPolicy}", while ${findingPath(first.page.inputPath)} has "${first.policies.contentSecurityPolicy}"`
          : undefined;
    if (problem) {
      findings.push({
        file: findingPath(page.inputPath),
        line: 1,
        column: 1,
        severity: "error",
        rule: "headers-csp",
        message: `the page ${problem}; _headers sends one policy for the whole site: give every page the base layout's <meta http-equiv="Content-Security-Policy">`,
      });
    } else {
      first ??= { page, policies };
    }
  }
  if (html.length === 0) {
    findings.push({ file: where.dataFile, line: 1, column: 1, severity: "error", rule: "headers-csp", message: "the build made no HTML page, so _headers has no Content-Security-Policy to send" });
  }
  if (findings.length > 0 || !first) return { findings };
  return {
    text: formatHeaders({
      contentSecurityPolicy: first.policies.contentSecurityPolicy!,
      referrerPolicy: first.policies.referrerPolicy ?? "no-referrer",
      keysPath: where.keysPath,
    }),
    findings,
  };
}
