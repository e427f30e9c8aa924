/**
 * What the world sees, checked against what the build proves: the deployed security.txt, the
 * policy page, the published keys and the Web Key Directory, each a source with its own
 * findings. The data and keys come from the same loading as the build's; everything fetched
 * goes through a Fetcher (src/verify/net.ts). No Eleventy here.
 */
import markdownIt from "markdown-it";
import { readKeys } from "openpgp";
import type { PolicyContact } from "../data/load.ts";
import type { SiteData } from "../data/site-data.ts";
import { placed, type Finding } from "../findings/finding.ts";
import { finding, type RuleId } from "../rules/registry.ts";
import { locateInFiles } from "../findings/locate.ts";
import { formatFingerprint, keyReferencesInUrl, sameFingerprint } from "../formats/fingerprint.ts";
import { scanHtml } from "../formats/html-scan.ts";
import { fingerprintOf, reasonOf } from "../formats/openpgp.ts";
import { DEFAULT_EXPIRES, formatSecurityTxt, parseSecurityTxt, resolveExpires, SECURITY_TXT_PATH, securityTxtFields } from "../formats/security-txt.ts";
import { hashLocalPart, splitAddress } from "../formats/wkd.ts";
import { keyUrlPath } from "../formats/site-paths.ts";
import { verifySecurityTxt } from "../publish/sign.ts";
import { inspectKey } from "../rules/keys.ts";
import { checkPage, createPageMemo } from "../rules/page.ts";
import { fingerprintsOf } from "../types.ts";
import type { Fetched, Fetcher } from "./net.ts";

/** One thing the world sees, and what was found about it. */
export interface SourceResult {
  /** The URL asked (or the file read). */
  source: string;
  findings: Finding[];
  notices: string[];
  /** It could not be checked at all: neither agreement nor disagreement. */
  unreachable: boolean;
}

export interface VerifyInput {
  site: SiteData;
  contacts: PolicyContact[];
  policyPath: string;
  keysPath: string;
  now: Date;
  fetcher: Fetcher;
  /** Within this many days of Expires the deployed security.txt is a warning. */
  expiresWarningDays: number;
  /** Keyservers asked besides those the page links to; keys.openpgp.org is asked through its VKS API, others by HKP. */
  keyservers: string[];
  /** The hosts that may be asked: keyservers the deployed page links to are added to it. */
  allowedHosts: Set<string>;
}

const TEXT_PLAIN_UTF8 = /^text\/plain;\s*charset=utf-8$/i;

/** A finding about a deployed source: the URL stands for the file. */
function at(source: string, rule: RuleId, message: string, line = 1): Finding {
  return finding(rule, source, { line, column: 1 }, message);
}

function unreachable(source: string, fetched: Extract<Fetched, { ok: false }>): SourceResult {
  return {
    source,
    findings: [at(source, "deployed-unreachable", `could not be checked: ${fetched.fault}`)],
    notices: fetched.redirects.map((r) => `redirected: ${r}`),
    unreachable: true,
  };
}

function redirectNotices(fetched: Fetched): string[] {
  return fetched.redirects.map((r) => `redirected: ${r}`);
}

export async function verifySite(input: VerifyInput): Promise<SourceResult[]> {
  // The page first: the keyservers it links to are sources too.
  const page = verifyPolicyPage(input);
  const keyservers = page.then(({ html }) => Promise.all(verifyKeyservers(input, html)));
  const results = await Promise.all([
    verifySecurityTxtAt(input, `${input.site.url}${SECURITY_TXT_PATH}`, true),
    verifySecurityTxtAt(input, `${input.site.url}/security.txt`, false),
    page.then(({ result }) => result),
    ...input.contacts.filter((c) => c.key?.publicArmored !== undefined).map((c) => verifyPublishedKey(input, c)),
    ...input.contacts.filter((c) => c.key?.publicBinary !== undefined && inSiteDomain(c.email, input.site.url)).flatMap((c) => verifyWkd(input, c)),
  ]);
  return [...results, ...(await keyservers)].filter((r): r is SourceResult => r !== undefined);
}

const VKS_HOST = "keys.openpgp.org";

/** The keyservers to ask: the option's, and every host the deployed page looks a key up at. */
function keyserverHosts(input: VerifyInput, html: string | undefined): string[] {
  const hosts = new Set(input.keyservers.map((h) => h.toLowerCase()));
  for (const link of html === undefined ? [] : scanHtml(html).links) {
    if (keyReferencesInUrl(link.href).length === 0 || !/^https:\/\//i.test(link.href)) continue;
    hosts.add(new URL(link.href).hostname.toLowerCase());
  }
  return [...hosts];
}

function verifyKeyservers(input: VerifyInput, html: string | undefined): Array<Promise<SourceResult>> {
  const hosts = keyserverHosts(input, html);
  for (const host of hosts) input.allowedHosts.add(host);
  return hosts.flatMap((host) =>
    input.contacts.flatMap((contact) => {
      const fpr = contact.fingerprint.hex;
      if (host === VKS_HOST) {
        return [
          checkKeyserverKey(input, contact, `https://${host}/vks/v1/by-fingerprint/${fpr}`),
          checkKeyserverEmail(input, contact, `https://${host}/vks/v1/by-email/${encodeURIComponent(contact.email)}`),
        ];
      }
      return [checkKeyserverKey(input, contact, `https://${host}/pks/lookup?op=get&options=mr&search=0x${fpr}`)];
    }),
  );
}

/** The contact's current key, as the keyserver has it: there, the declared key, not revoked or expired there. */
async function checkKeyserverKey(input: VerifyInput, contact: PolicyContact, url: string): Promise<SourceResult> {
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) return unreachable(url, fetched);
  const findings: Finding[] = [];
  if (fetched.status === 404) {
    findings.push(at(url, "deployed-keyserver", `has no key ${formatFingerprint(contact.fingerprint)} of ${contact.email}, which the page sends researchers to look up: upload it (gpg --send-keys, or the keyserver's upload page)`));
  } else if (fetched.status !== 200) {
    findings.push(at(url, "deployed-keyserver", `answers ${fetched.status}, not the key`));
  } else {
    const type = fetched.headers.get("content-type") ?? "(none)";
    if (!/^application\/pgp-keys\b/i.test(type)) findings.push(at(url, "deployed-key", `is served as ${type}, not application/pgp-keys: set the Content-Type (see _headers, or npm run nginx-config)`));
    const report = await inspectKey(new TextDecoder().decode(fetched.body), { email: contact.email, fingerprint: contact.fingerprint, now: input.now });
    for (const p of report.problems.filter((p) => p.severity === "error" && p.rule !== "key-uid-mismatch" && p.rule !== "key-multiple")) {
      // A keyserver may strip user IDs (keys.openpgp.org does until the address is verified); what it says of the key itself is what counts.
      findings.push(at(url, "deployed-keyserver", `${p.message} [${p.rule}]`));
    }
  }
  return { source: url, findings, notices: redirectNotices(fetched), unreachable: false };
}

/** keys.openpgp.org by address: another key for the address is the drift that sends researchers astray. */
async function checkKeyserverEmail(input: VerifyInput, contact: PolicyContact, url: string): Promise<SourceResult> {
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) return unreachable(url, fetched);
  if (fetched.status === 404) return { source: url, findings: [], notices: [`no key is published for ${contact.email} by address (the address is not verified there)`], unreachable: false };
  const findings: Finding[] = [];
  if (fetched.status !== 200) {
    findings.push(at(url, "deployed-keyserver", `answers ${fetched.status}, not a key`));
  } else {
    let found: string[] = [];
    try {
      found = (await readKeys({ armoredKeys: new TextDecoder().decode(fetched.body) })).map((k) => k.getFingerprint().toUpperCase());
    } catch (error) {
      findings.push(at(url, "deployed-keyserver", `is not an OpenPGP key (openpgp.js: ${reasonOf(error)})`));
    }
    const declared = fingerprintsOf(contact).map((f) => f.hex);
    const other = found.filter((f) => !declared.includes(f));
    if (other.length > 0) {
      findings.push(at(url, "deployed-keyserver", `gives another key for ${contact.email}: ${other.map((hex) => formatFingerprint({ version: hex.length === 64 ? 6 : 4, hex })).join(", ")}; researchers who look the address up would encrypt to it: revoke that key, or declare it`));
    }
  }
  return { source: url, findings, notices: redirectNotices(fetched), unreachable: false };
}

function inSiteDomain(email: string, url: string): boolean {
  return splitAddress(email).domain.toLowerCase() === new URL(url).hostname.toLowerCase();
}

/** The security.txt the build would publish today, field by field. */
function expectedFields(input: VerifyInput): { fields: Array<[string, string]>; expires?: Date; problem?: string } {
  const resolved = resolveExpires(input.site.expires ?? DEFAULT_EXPIRES, input.now, { reviewed: input.site.reviewed });
  if (!resolved.expires) return { fields: [], problem: resolved.problem };
  const text = formatSecurityTxt(
    securityTxtFields({
      url: input.site.url,
      contacts: input.contacts.map((c) => ({
        email: c.email,
        fingerprint: c.fingerprint,
        ...(c.key?.publicArmored ? { keyUrl: `${input.site.url}${keyUrlPath(input.keysPath, c.email)}` } : {}),
      })),
      expires: resolved.expires,
      policyUrl: `${input.site.url}${input.policyPath}`,
      preferredLanguages: input.site.preferredLanguages ?? [input.site.language],
      ...(input.site.acknowledgments ? { acknowledgments: input.site.acknowledgments } : {}),
      ...(input.site.hiring ? { hiring: input.site.hiring } : {}),
      ...(input.site.csaf ? { csaf: input.site.csaf } : {}),
    }),
  );
  return { fields: parseSecurityTxt(text).fields.map((f) => [f.name, f.value]), expires: resolved.expires };
}

async function verifySecurityTxtAt(input: VerifyInput, url: string, required: boolean): Promise<SourceResult | undefined> {
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) return unreachable(url, fetched);
  // The file at the legacy place is optional: only checked when it is there.
  if (!required && fetched.status === 404) return undefined;
  const findings: Finding[] = [];
  const notices = redirectNotices(fetched);
  if (fetched.status !== 200) {
    findings.push(at(url, "deployed-securitytxt", `answers ${fetched.status}, not the file: deploy the build's public${SECURITY_TXT_PATH}`));
    return { source: url, findings, notices, unreachable: false };
  }
  const type = fetched.headers.get("content-type") ?? "(none)";
  if (!TEXT_PLAIN_UTF8.test(type)) findings.push(at(url, "deployed-securitytxt", `is served as ${type}; RFC 9116 asks for text/plain; charset=utf-8: set the Content-Type (see _headers, or npm run nginx-config)`));
  const text = new TextDecoder().decode(fetched.body);
  const parsed = parseSecurityTxt(text);
  if (parsed.signed) {
    const keys = input.contacts.flatMap((c) => (c.key?.publicArmored ? [c.key.publicArmored] : []));
    const verified = await Promise.all(keys.map((k) => verifySecurityTxt(text, k, input.now).then(() => true, () => false)));
    if (!verified.some(Boolean)) findings.push(at(url, "deployed-securitytxt", "is signed, but the signature does not verify with any declared contact's key: deploy a build signed with a declared key"));
  }
  const expected = expectedFields(input);
  const deployed = parsed.fields.map((f): [string, string] => [f.name, f.value]);
  const key = ([name, value]: [string, string]) => `${name.toLowerCase()}: ${value}`;
  const lineOf = (name: string) => parsed.fields.find((f) => f.name.toLowerCase() === name.toLowerCase())?.line ?? 1;
  for (const field of expected.fields) {
    if (!deployed.some((d) => key(d) === key(field))) {
      const there = deployed.filter(([name]) => name.toLowerCase() === field[0].toLowerCase()).map(([, v]) => v);
      findings.push(at(url, "deployed-securitytxt", `${field[0]} should be ${field[1]}${there.length > 0 ? `, but the deployed file says ${there.join(", ")}` : ", but the deployed file has no such line"}: deploy a fresh build`, lineOf(field[0])));
    }
  }
  // A field the build writes is judged above; any other is one the build does not publish.
  for (const field of deployed) {
    if (!expected.fields.some(([name]) => name.toLowerCase() === field[0].toLowerCase())) {
      findings.push(at(url, "deployed-securitytxt", `has ${field[0]}: ${field[1]}, which the build does not publish: deploy a fresh build`, lineOf(field[0])));
    }
  }
  const expires = parsed.fields.find((f) => f.name.toLowerCase() === "expires");
  const date = expires ? new Date(expires.value) : undefined;
  if (date && !Number.isNaN(date.getTime())) {
    const days = Math.ceil((date.getTime() - input.now.getTime()) / 86_400_000);
    if (days <= 0) findings.push(at(url, "deployed-securitytxt", `Expires ${expires!.value} has passed: researchers are told not to trust it; review the policy, update "reviewed", and deploy`, expires!.line));
    else if (days <= input.expiresWarningDays) findings.push(at(url, "deployed-securitytxt-expiring", `Expires ${expires!.value} is in ${days} days: review the policy, update "reviewed", and deploy`, expires!.line));
  }
  return { source: url, findings, notices, unreachable: false };
}

async function verifyPolicyPage(input: VerifyInput): Promise<{ result: SourceResult; html?: string }> {
  const url = `${input.site.url}${input.policyPath}`;
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) return { result: unreachable(url, fetched) };
  const findings: Finding[] = [];
  if (fetched.status !== 200) {
    findings.push(at(url, "deployed-page", `answers ${fetched.status}, not the policy page: deploy the build's public${input.policyPath}`));
    return { result: { source: url, findings, notices: redirectNotices(fetched), unreachable: false } };
  }
  const html = new TextDecoder().decode(fetched.body);
  const lineAt = (index: number) => html.slice(0, index).split("\n").length;
  const memo = createPageMemo();
  for (const p of checkPage(scanHtml(html), input.contacts, memo)) findings.push(placed(p, url, { line: lineAt(p.index ?? 0), column: 1 }));
  for (const contact of input.contacts) {
    for (const f of fingerprintsOf(contact)) {
      if (!memo.shown.has(f.hex)) findings.push(at(url, "fingerprint-not-shown", `the deployed page does not show ${formatFingerprint(f)} of ${contact.email}: deploy a fresh build`));
    }
  }
  return { result: { source: url, findings, notices: redirectNotices(fetched), unreachable: false }, html };
}

async function verifyPublishedKey(input: VerifyInput, contact: PolicyContact): Promise<SourceResult> {
  const url = `${input.site.url}${keyUrlPath(input.keysPath, contact.email)}`;
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) return unreachable(url, fetched);
  const findings: Finding[] = [];
  if (fetched.status !== 200) {
    findings.push(at(url, "deployed-key", `answers ${fetched.status}, not the key: deploy the build's public${keyUrlPath(input.keysPath, contact.email)}`));
  } else {
    const report = await inspectKey(new TextDecoder().decode(fetched.body), {
      email: contact.email,
      fingerprint: contact.fingerprint,
      previous: fingerprintsOf(contact).slice(1),
      now: input.now,
    });
    // The deployed file is judged as the committed one is; warnings about time stay the build's.
    for (const p of report.problems.filter((p) => p.severity === "error")) findings.push(at(url, "deployed-key", `${p.message} [${p.rule}]`));
  }
  return { source: url, findings, notices: redirectNotices(fetched), unreachable: false };
}

/** Both Web Key Directory methods as clients use them: the advanced one first, then the direct one. */
function verifyWkd(input: VerifyInput, contact: PolicyContact): Array<Promise<SourceResult>> {
  const { localPart, domain } = splitAddress(contact.email);
  const hash = hashLocalPart(localPart);
  const query = `?l=${encodeURIComponent(localPart)}`;
  const direct = `https://${domain}/.well-known/openpgpkey/hu/${hash}${query}`;
  const advanced = `https://openpgpkey.${domain}/.well-known/openpgpkey/${domain}/hu/${hash}${query}`;
  return [checkWkd(input, contact, direct, `https://${domain}/.well-known/openpgpkey/policy`, false), checkWkd(input, contact, advanced, `https://openpgpkey.${domain}/.well-known/openpgpkey/${domain}/policy`, true)];
}

async function checkWkd(input: VerifyInput, contact: PolicyContact, url: string, policyUrl: string, advanced: boolean): Promise<SourceResult> {
  const fetched = await input.fetcher.get(url);
  if (!fetched.ok) {
    // Clients fall back to the direct method when the advanced host is not there at all.
    if (advanced && fetched.unreachable) return { source: url, findings: [], notices: [`the advanced method's host is not there (${fetched.fault}); clients use the direct method`], unreachable: false };
    return unreachable(url, fetched);
  }
  const findings: Finding[] = [];
  if (fetched.status !== 200) {
    if (advanced && fetched.status === 404) return { source: url, findings, notices: ["the advanced method's host has no key for the address; clients then use the direct method"], unreachable: false };
    findings.push(at(url, "deployed-wkd", `answers ${fetched.status}, not the key: deploy the build's public/.well-known/openpgpkey/`));
    return { source: url, findings, notices: redirectNotices(fetched), unreachable: false };
  }
  const type = fetched.headers.get("content-type") ?? "(none)";
  if (!/^application\/octet-stream\b/i.test(type)) findings.push(at(url, "deployed-wkd", `is served as ${type}, not application/octet-stream: set the Content-Type (see _headers, or npm run nginx-config)`));
  if (fetched.headers.get("access-control-allow-origin") !== "*") findings.push(at(url, "deployed-wkd", "is served without Access-Control-Allow-Origin: *, so web mail clients cannot read it: set the header (see _headers, or npm run nginx-config)"));
  const head = new TextDecoder().decode(fetched.body.subarray(0, 40));
  if (head.startsWith("-----BEGIN")) {
    findings.push(at(url, "deployed-wkd", "holds an armored key; the Web Key Directory serves the binary key: deploy the build's file"));
  } else {
    let keys;
    try {
      keys = await readKeys({ binaryKeys: fetched.body });
    } catch (error) {
      keys = undefined;
      findings.push(at(url, "deployed-wkd", `is not an OpenPGP key (openpgp.js: ${reasonOf(error)})${/^\s*</.test(head) ? "; it looks like HTML" : ""}: deploy the build's file`));
    }
    if (keys) {
      const found = keys.map(fingerprintOf);
      const declared = fingerprintsOf(contact);
      if (!declared.some((d) => found.some((f) => f && sameFingerprint(f, d)))) {
        findings.push(at(url, "deployed-wkd", `holds ${found.map((f) => (f ? formatFingerprint(f) : "a key of another version")).join(", ")}, not the declared ${formatFingerprint(contact.fingerprint)} of ${contact.email}${advanced ? "; clients ask this host first" : ""}: deploy the build's file`));
      } else if (!keys.some((k) => k.getUserIDs().some((id) => id.toLowerCase().includes(`<${contact.email.toLowerCase()}>`) || id.toLowerCase() === contact.email.toLowerCase()))) {
        findings.push(at(url, "deployed-wkd", `holds the key, but no user ID on it carries ${contact.email}: clients ignore it`));
      }
    }
  }
  const policy = await input.fetcher.get(policyUrl);
  if (!policy.ok || policy.status !== 200) findings.push(at(policyUrl, "deployed-wkd", `the directory's policy file is ${policy.ok ? `answered with ${policy.status}` : `unreachable (${policy.fault})`}: deploy the build's public/.well-known/openpgpkey/policy`));
  return { source: url, findings, notices: redirectNotices(fetched), unreachable: false };
}

/**
 * A repository's SECURITY.md, read from a file or fetched: the page checks run on it as on
 * the policy page, against the same data; each problem at its line in the Markdown.
 */
export async function verifySecurityMd(input: Pick<VerifyInput, "contacts" | "fetcher" | "allowedHosts">, where: string, readFile: (file: string) => string): Promise<SourceResult> {
  let text: string;
  const notices: string[] = [];
  if (/^https:\/\//i.test(where)) {
    input.allowedHosts.add(new URL(where).hostname.toLowerCase());
    const fetched = await input.fetcher.get(where);
    if (!fetched.ok) return unreachable(where, fetched);
    notices.push(...redirectNotices(fetched));
    if (fetched.status !== 200) return { source: where, findings: [at(where, "deployed-security-md", `answers ${fetched.status}, not the file`)], notices, unreachable: false };
    text = new TextDecoder().decode(fetched.body);
  } else {
    try {
      text = readFile(where);
    } catch (error) {
      return { source: where, findings: [at(where, "deployed-unreachable", `could not be read: ${reasonOf(error)}`)], notices, unreachable: true };
    }
  }
  // Links as GitHub shows the file: a bare address with its scheme, never a guess that "example.com" is one.
  const md = markdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });
  const html = md.render(text);
  const findings = checkPage(scanHtml(html), input.contacts).map((p) => {
    const found = locateInFiles(new Map([[where, text]]), p.needles ?? []);
    return placed(p, where, found?.position ?? { line: 1, column: 1 });
  });
  return { source: where, findings, notices, unreachable: false };
}
