/**
 * What the world sees, checked against what the build proves: the deployed security.txt, the
 * policy page, the published keys and the Web Key Directory, each a source with its own
 * findings. The data and keys come from the same loading as the build's; everything fetched
 * goes through a Fetcher (src/verify/net.ts). No Eleventy here.
 */
import { readKeys } from "openpgp";
import type { PolicyContact } from "../data/load.ts";
import type { SiteData } from "../data/site-data.ts";
import { placed, type Finding } from "../findings/finding.ts";
import { locateInFiles } from "../findings/locate.ts";
import { dayCount } from "../formats/date.ts";
import { formatFingerprint, keyReferencesInUrl, sameFingerprint } from "../formats/fingerprint.ts";
import { scanHtml } from "../formats/html-scan.ts";
import { fingerprintOf, reasonOf } from "../formats/openpgp.ts";
import { parseSecurityTxt, SECURITY_TXT_PATH } from "../formats/security-txt.ts";
import { hashLocalPart, splitAddress, WKD_HOSTS_FOLDER } from "../formats/wkd.ts";
import { keyUrlPath } from "../formats/site-paths.ts";
import { verifySecurityTxt } from "../publish/sign.ts";
import { directoryEntries } from "../publish/wkd-entries.ts";
import { verifyCsafDistribution, type CsafExpected } from "./csaf.ts";
import deployedKey from "../rules/deployed/deployed-key.ts";
import deployedKeyserver from "../rules/deployed/deployed-keyserver.ts";
import deployedPage from "../rules/deployed/deployed-page.ts";
import deployedSecurityMd from "../rules/deployed/deployed-security-md.ts";
import deployedSecuritytxt from "../rules/deployed/deployed-securitytxt.ts";
import deployedSecuritytxtExpiring from "../rules/deployed/deployed-securitytxt-expiring.ts";
import deployedUnreachable from "../rules/deployed/deployed-unreachable.ts";
import deployedWkd from "../rules/deployed/deployed-wkd.ts";
import keyMultiple from "../rules/key/key-multiple.ts";
import keyUidMismatch, { validAddresses } from "../rules/key/key-uid-mismatch.ts";
import fingerprintNotShown from "../rules/publish/fingerprint-not-shown.ts";
import { inspectKey } from "../rules/keys.ts";
import { checkPage, createPageMemo } from "../rules/page.ts";
import { renderSecurityMd } from "../markdown/security-md.ts";
import { fingerprintsOf, type OtherAddress } from "../types.ts";
import { faultText, type Fault, type Fetched, type Fetcher } from "./net.ts";

/** One thing the world sees, and what was found about it. */
export interface SourceResult {
  /** The URL asked (or the file read). */
  source: string;
  findings: Finding[];
  notices: string[];
  /** It could not be checked at all: neither agreement nor disagreement. */
  unreachable: boolean;
  /** Not asked, and why (a host that is no part of a preview): neither agreement nor disagreement. */
  notAsked?: string;
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
  /** Ask no keyserver at all, not even those the page links to (--offline). */
  offline?: boolean;
  /** The security.txt the build publishes from the same content today: what the deployed one must say. */
  securityTxt: string;
  /** The CSAF distribution the build publishes today, where it publishes one: its role and its feed's entries. */
  csaf?: CsafExpected;
  /** The hosts that may be asked: keyservers the deployed page links to are added to it. */
  allowedHosts: Set<string>;
  /**
   * Where the site's own files are fetched from instead of `site.url` (--site): a local preview
   * or a staging copy, which serves the same files under another origin. What they say is still
   * compared with `site.url`; other hosts (the advanced WKD host, a contact's domain) are no part
   * of such a copy, and are not asked.
   */
  copyAt?: string;
}

/** A server's answer, of whatever status. */
export type Answer = Extract<Fetched, { ok: true }>;

/** No answer to judge. */
export type Failure = Extract<Fetched, { ok: false }>;

const TEXT_PLAIN_UTF8 = /^text\/plain;\s*charset=utf-8$/i;

/** A deployed source has no lines of its own: a finding about it is at its first. */
const FIRST = { line: 1, column: 1 } as const;

/**
 * deployed-unreachable's finding for a fault, whose id is the message's: a Fault pairs each id
 * with its values, which `finding`'s type cannot see through a union of ids.
 */
const faultFinding = deployedUnreachable.finding as (messageId: Fault["id"], values: Fault["values"], file: string, at: { line: number; column: number }) => Finding;

/** A source that could not be had: deployed-unreachable, in the fault's own words. */
export function unreachable(source: string, fetched: Failure): SourceResult {
  return {
    source,
    findings: [faultFinding(fetched.fault.id, fetched.fault.values, source, FIRST)],
    notices: redirectNotices(fetched),
    unreachable: true,
  };
}

function redirectNotices(fetched: Fetched): string[] {
  return fetched.redirects.map((r) => `redirected: ${r}`);
}

/** A source that answered, with what was found about it. */
function answered(source: string, answer: Answer, findings: Finding[]): SourceResult {
  return { source, findings, notices: redirectNotices(answer), unreachable: false };
}

function text(answer: Answer): string {
  return new TextDecoder().decode(answer.body);
}

/** Where the site's own files are fetched from: its URL, or the copy --site names. */
function siteBase(input: Pick<VerifyInput, "site" | "copyAt">): string {
  return input.copyAt ?? input.site.url;
}

/** A source a copy of the site does not serve: named in the summary, never silently left out. */
function notAsked(source: string, why: string): SourceResult {
  return { source, findings: [], notices: [], unreachable: false, notAsked: why };
}

export async function verifySite(input: VerifyInput): Promise<SourceResult[]> {
  // The page first: the keyservers it links to are sources too.
  const page = verifyPolicyPage(input);
  const keyservers = input.offline ? Promise.resolve([]) : page.then(({ html }) => Promise.all(verifyKeyservers(input, html)));
  const base = siteBase(input);
  const results = await Promise.all([
    verifySecurityTxtAt(input, `${base}${SECURITY_TXT_PATH}`, true),
    verifySecurityTxtAt(input, `${base}/security.txt`, false),
    page.then(({ result }) => result),
    ...input.contacts.filter((c) => c.key?.publicArmored !== undefined).map((c) => verifyPublishedKey(input, c)),
    // Each key under each address it is served for: a team member's under the team's address too, where the key carries it.
    ...directoryEntries(input.contacts).flatMap((e) => verifyWkd(input, { ...e.holder, email: e.address })),
  ]);
  // The CSAF distribution, where the data publishes one: walked from its provider metadata.
  const csaf = input.site.csafProvider
    ? await verifyCsafDistribution({
        fetcher: input.fetcher,
        base,
        site: input.site.url,
        publishedKeys: input.contacts.flatMap((c) => (c.key?.publicArmored ? [c.key.publicArmored] : [])),
        ...(input.csaf ? { expected: input.csaf } : {}),
        unreachable,
      })
    : [];
  return [...results, ...(await keyservers), ...csaf].filter((r): r is SourceResult => r !== undefined);
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
  return fetched.ok ? await judgeKeyserverKey(input, contact, url, fetched) : unreachable(url, fetched);
}

/** A keyserver's answer for the contact's fingerprint, judged. */
export async function judgeKeyserverKey(input: Pick<VerifyInput, "now">, contact: PolicyContact, url: string, answer: Answer): Promise<SourceResult> {
  const findings: Finding[] = [];
  if (answer.status === 404) {
    findings.push(deployedKeyserver.finding("missing", { fingerprint: formatFingerprint(contact.fingerprint), email: contact.email }, url, FIRST));
  } else if (answer.status !== 200) {
    findings.push(deployedKeyserver.finding("statusKey", { status: answer.status }, url, FIRST));
  } else {
    const type = answer.headers.get("content-type") ?? "(none)";
    if (!/^application\/pgp-keys\b/i.test(type)) findings.push(deployedKey.finding("contentType", { type }, url, FIRST));
    const report = await inspectKey(text(answer), { email: contact.email, fingerprint: contact.fingerprint, now: input.now });
    for (const p of report.problems.filter((p) => p.severity === "error" && p.rule !== keyUidMismatch.id && p.rule !== keyMultiple.id)) {
      // A keyserver may strip user IDs (keys.openpgp.org does until the address is verified); what it says of the key itself is what counts.
      findings.push(deployedKeyserver.finding("keyProblem", { message: p.message, rule: p.rule }, url, FIRST));
    }
  }
  return answered(url, answer, findings);
}

/** keys.openpgp.org by address: another key for the address is the drift that sends researchers astray. */
async function checkKeyserverEmail(input: VerifyInput, contact: PolicyContact, url: string): Promise<SourceResult> {
  const fetched = await input.fetcher.get(url);
  return fetched.ok ? await judgeKeyserverEmail(contact, url, fetched) : unreachable(url, fetched);
}

/** keys.openpgp.org's answer for the contact's address, judged. */
export async function judgeKeyserverEmail(contact: PolicyContact, url: string, answer: Answer): Promise<SourceResult> {
  if (answer.status === 404) return { source: url, findings: [], notices: [`no key is published for ${contact.email} by address (the address is not verified there)`], unreachable: false };
  const findings: Finding[] = [];
  if (answer.status !== 200) {
    findings.push(deployedKeyserver.finding("statusByEmail", { status: answer.status }, url, FIRST));
  } else {
    let found: string[] = [];
    try {
      found = (await readKeys({ armoredKeys: text(answer) })).map((k) => k.getFingerprint().toUpperCase());
    } catch (error) {
      findings.push(deployedKeyserver.finding("notAKey", { reason: reasonOf(error) }, url, FIRST));
    }
    const declared = fingerprintsOf(contact).map((f) => f.hex);
    const other = found.filter((f) => !declared.includes(f));
    if (other.length > 0) {
      const fingerprints = other.map((hex) => formatFingerprint({ version: hex.length === 64 ? 6 : 4, hex })).join(", ");
      findings.push(deployedKeyserver.finding("otherKey", { email: contact.email, fingerprints }, url, FIRST));
    }
  }
  return answered(url, answer, findings);
}

/** What judging a deployed security.txt needs: the keys that may sign it, and the file the build publishes. */
export type SecurityTxtInput = Pick<VerifyInput, "contacts" | "now" | "expiresWarningDays" | "securityTxt">;

async function verifySecurityTxtAt(input: VerifyInput, url: string, required: boolean): Promise<SourceResult | undefined> {
  const fetched = await input.fetcher.get(url);
  return fetched.ok ? await judgeSecurityTxt(input, url, fetched, required) : unreachable(url, fetched);
}

/**
 * A deployed security.txt against the one the build publishes today: served as RFC 9116
 * asks, signed by a declared key if signed, every field the build's, not expired. A file that
 * is not `required` (the legacy /security.txt) is judged only when it is there: undefined on 404.
 */
export async function judgeSecurityTxt(input: SecurityTxtInput, url: string, answer: Answer, required: boolean): Promise<SourceResult | undefined> {
  if (!required && answer.status === 404) return undefined;
  const findings: Finding[] = [];
  if (answer.status !== 200) {
    findings.push(deployedSecuritytxt.finding("status", { status: answer.status }, url, FIRST));
    return answered(url, answer, findings);
  }
  const type = answer.headers.get("content-type") ?? "(none)";
  if (!TEXT_PLAIN_UTF8.test(type)) findings.push(deployedSecuritytxt.finding("contentType", { type }, url, FIRST));
  const deployedText = text(answer);
  const parsed = parseSecurityTxt(deployedText);
  if (parsed.signed) {
    const keys = input.contacts.flatMap((c) => (c.key?.publicArmored ? [c.key.publicArmored] : []));
    const verified = await Promise.all(keys.map((k) => verifySecurityTxt(deployedText, k, input.now).then(() => true, () => false)));
    if (!verified.some(Boolean)) findings.push(deployedSecuritytxt.finding("signature", {}, url, FIRST));
  }
  const expected = { fields: parseSecurityTxt(input.securityTxt).fields.map((f): [string, string] => [f.name, f.value]) };
  const deployed = parsed.fields.map((f): [string, string] => [f.name, f.value]);
  const key = ([name, value]: [string, string]) => `${name.toLowerCase()}: ${value}`;
  const lineOf = (name: string) => ({ line: parsed.fields.find((f) => f.name.toLowerCase() === name.toLowerCase())?.line ?? 1, column: 1 });
  for (const [field, value] of expected.fields) {
    if (!deployed.some((d) => key(d) === key([field, value]))) {
      const there = deployed.filter(([name]) => name.toLowerCase() === field.toLowerCase()).map(([, v]) => v);
      findings.push(
        there.length > 0
          ? deployedSecuritytxt.finding("fieldDiffers", { field, expected: value, deployed: there.join(", ") }, url, lineOf(field))
          : deployedSecuritytxt.finding("fieldMissing", { field, expected: value }, url, lineOf(field)),
      );
    }
  }
  // A field the build writes is judged above; any other is one the build does not publish.
  for (const [field, value] of deployed) {
    if (!expected.fields.some(([name]) => name.toLowerCase() === field.toLowerCase())) {
      findings.push(deployedSecuritytxt.finding("fieldExtra", { field, value }, url, lineOf(field)));
    }
  }
  const expires = parsed.fields.find((f) => f.name.toLowerCase() === "expires");
  const date = expires ? new Date(expires.value) : undefined;
  if (expires && date && !Number.isNaN(date.getTime())) {
    const days = Math.ceil((date.getTime() - input.now.getTime()) / 86_400_000);
    const at = { line: expires.line, column: 1 };
    if (days <= 0) findings.push(deployedSecuritytxt.finding("expired", { expires: expires.value }, url, at));
    else if (days <= input.expiresWarningDays) findings.push(deployedSecuritytxtExpiring.finding("expiring", { expires: expires.value, days: dayCount(days) }, url, at));
  }
  return answered(url, answer, findings);
}

async function verifyPolicyPage(input: VerifyInput): Promise<{ result: SourceResult; html?: string }> {
  const url = `${siteBase(input)}${input.policyPath}`;
  const fetched = await input.fetcher.get(url);
  return fetched.ok ? judgePolicyPage(input, url, fetched) : { result: unreachable(url, fetched) };
}

/** The deployed policy page, checked as the build checks the page, and showing every declared fingerprint; its HTML for the keyservers it links to. */
export function judgePolicyPage(input: Pick<VerifyInput, "contacts" | "policyPath"> & { site?: Pick<SiteData, "otherAddresses"> }, url: string, answer: Answer): { result: SourceResult; html?: string } {
  const findings: Finding[] = [];
  if (answer.status !== 200) {
    findings.push(deployedPage.finding("status", { status: answer.status, path: input.policyPath }, url, FIRST));
    return { result: answered(url, answer, findings) };
  }
  const html = text(answer);
  const lineAt = (index: number) => html.slice(0, index).split("\n").length;
  const memo = createPageMemo();
  for (const p of checkPage(scanHtml(html), input.contacts, memo, input.site?.otherAddresses ?? [])) findings.push(placed(p, url, { line: lineAt(p.index ?? 0), column: 1 }));
  for (const contact of input.contacts) {
    for (const f of fingerprintsOf(contact)) {
      if (!memo.shown.has(f.hex)) findings.push(fingerprintNotShown.finding("notDeployed", { fingerprint: formatFingerprint(f), email: contact.email }, url, FIRST));
    }
  }
  return { result: answered(url, answer, findings), html };
}

async function verifyPublishedKey(input: VerifyInput, contact: PolicyContact): Promise<SourceResult> {
  const url = `${siteBase(input)}${keyUrlPath(input.keysPath, contact.email)}`;
  const fetched = await input.fetcher.get(url);
  return fetched.ok ? await judgePublishedKey(input, contact, url, fetched) : unreachable(url, fetched);
}

/** A published key file, judged as the committed one is; warnings about time stay the build's. */
export async function judgePublishedKey(input: Pick<VerifyInput, "keysPath" | "now">, contact: PolicyContact, url: string, answer: Answer): Promise<SourceResult> {
  const findings: Finding[] = [];
  if (answer.status !== 200) {
    findings.push(deployedKey.finding("status", { status: answer.status, path: keyUrlPath(input.keysPath, contact.email) }, url, FIRST));
  } else {
    const report = await inspectKey(text(answer), {
      email: contact.email,
      fingerprint: contact.fingerprint,
      previous: fingerprintsOf(contact).slice(1),
      now: input.now,
    });
    for (const p of report.problems.filter((p) => p.severity === "error")) findings.push(deployedKey.finding("keyProblem", { message: p.message, rule: p.rule }, url, FIRST));
  }
  return answered(url, answer, findings);
}

/**
 * Both Web Key Directory methods as clients use them (draft-koch-openpgp-webkey-service,
 * section 3.1): the advanced one at openpgpkey.<domain>, then the direct one at the address's
 * domain, which is the site's host or, for an address elsewhere, a host of its own.
 */
function verifyWkd(input: VerifyInput, contact: PolicyContact): Array<Promise<SourceResult>> {
  const { localPart } = splitAddress(contact.email);
  const domain = splitAddress(contact.email).domain.toLowerCase();
  const siteHost = new URL(input.site.url).hostname.toLowerCase();
  const own = domain === siteHost;
  const hash = hashLocalPart(localPart);
  const query = `?l=${encodeURIComponent(localPart)}`;
  const directBase = own ? siteBase(input) : `https://${domain}`;
  const direct = `${directBase}/.well-known/openpgpkey/hu/${hash}${query}`;
  const advanced = `https://openpgpkey.${domain}/.well-known/openpgpkey/${domain}/hu/${hash}${query}`;
  const elsewhere = own ? undefined : { siteHost, domain };
  const copy = input.copyAt === undefined ? undefined : "a copy of the site serves only the site's own host: verify the deployed site to check it";
  return [
    copy && !own ? Promise.resolve(notAsked(direct, `${domain} is ${contact.email}'s domain, not the site's host; ${copy}`)) : checkWkd(input, contact, direct, `${directBase}/.well-known/openpgpkey/policy`, false, elsewhere),
    copy ? Promise.resolve(notAsked(advanced, `the advanced method's host openpgpkey.${domain}: ${copy}`)) : checkWkd(input, contact, advanced, `https://openpgpkey.${domain}/.well-known/openpgpkey/${domain}/policy`, true, elsewhere),
  ];
}

/** An address whose domain is not the site's host: its directory is on hosts of its own, which the build writes to a folder beside the site's. */
export interface Elsewhere {
  siteHost: string;
  /** The address's domain, in lower case. */
  domain: string;
}

async function checkWkd(input: VerifyInput, contact: PolicyContact, url: string, policyUrl: string, advanced: boolean, elsewhere?: Elsewhere): Promise<SourceResult> {
  const { result, askPolicy } = await judgeWkdKey(contact, url, await input.fetcher.get(url), advanced, elsewhere, input.now);
  if (askPolicy) result.findings.push(...judgeWkdPolicy(policyUrl, await input.fetcher.get(policyUrl), elsewhere && new URL(policyUrl).hostname));
  return result;
}

/**
 * A Web Key Directory's answer for the contact: the declared binary key carrying the address,
 * served as clients read it. `askPolicy`: the key was there, so the directory's policy file is
 * asked next (judgeWkdPolicy). `elsewhere`: the address is not in the site's host, so a missing
 * key says which host must serve the folder the build wrote for it.
 */
export async function judgeWkdKey(contact: PolicyContact, url: string, fetched: Fetched, advanced: boolean, elsewhere?: Elsewhere, now = new Date()): Promise<{ result: SourceResult; askPolicy: boolean }> {
  if (!fetched.ok) {
    // Clients fall back to the direct method when the advanced host is not there at all.
    if (advanced && fetched.unreachable) return { result: { source: url, findings: [], notices: [`the advanced method's host is not there (${faultText(fetched.fault)}); clients use the direct method`], unreachable: false }, askPolicy: false };
    return { result: unreachable(url, fetched), askPolicy: false };
  }
  const findings: Finding[] = [];
  if (fetched.status !== 200) {
    if (advanced && fetched.status === 404) return { result: { source: url, findings, notices: ["the advanced method's host has no key for the address; clients then use the direct method"], unreachable: false }, askPolicy: false };
    findings.push(
      elsewhere
        ? deployedWkd.finding("statusElsewhere", { status: fetched.status, email: contact.email, siteHost: elsewhere.siteHost, host: new URL(url).hostname, folder: `${WKD_HOSTS_FOLDER}/${new URL(url).hostname}/` }, url, FIRST)
        : deployedWkd.finding("status", { status: fetched.status }, url, FIRST),
    );
    return { result: answered(url, fetched, findings), askPolicy: false };
  }
  const type = fetched.headers.get("content-type") ?? "(none)";
  if (!/^application\/octet-stream\b/i.test(type)) findings.push(deployedWkd.finding("contentType", { type }, url, FIRST));
  if (fetched.headers.get("access-control-allow-origin") !== "*") findings.push(deployedWkd.finding("noCors", {}, url, FIRST));
  const head = new TextDecoder().decode(fetched.body.subarray(0, 40));
  if (head.startsWith("-----BEGIN")) {
    findings.push(deployedWkd.finding("armored", {}, url, FIRST));
  } else {
    let keys;
    try {
      keys = await readKeys({ binaryKeys: fetched.body });
    } catch (error) {
      keys = undefined;
      findings.push(deployedWkd.finding(/^\s*</.test(head) ? "notAKeyHtml" : "notAKey", { reason: reasonOf(error) }, url, FIRST));
    }
    if (keys) {
      const found = keys.map(fingerprintOf);
      const declared = fingerprintsOf(contact);
      if (!declared.some((d) => found.some((f) => f && sameFingerprint(f, d)))) {
        const values = { found: found.map((f) => (f ? formatFingerprint(f) : "a key of another version")).join(", "), fingerprint: formatFingerprint(contact.fingerprint), email: contact.email };
        findings.push(deployedWkd.finding(advanced ? "otherKeyAdvanced" : "otherKey", values, url, FIRST));
      } else {
        // The declared key itself must carry the address on a valid user ID: in a team's file, another member's key carrying it says nothing of this one.
        const mine = keys.filter((k) => {
          const f = fingerprintOf(k);
          return f !== undefined && declared.some((d) => sameFingerprint(f, d));
        });
        const addresses = (await Promise.all(mine.map((k) => validAddresses(k, now)))).flat();
        if (!addresses.some((a) => a.toLowerCase() === contact.email.toLowerCase())) findings.push(deployedWkd.finding("noAddress", { email: contact.email }, url, FIRST));
      }
    }
  }
  return { result: answered(url, fetched, findings), askPolicy: true };
}

/**
 * The directory's policy file: clients ask for it before they trust the directory. `elsewhere`:
 * the host, when it is not the site's, whose folder the build wrote beside the site's.
 */
export function judgeWkdPolicy(policyUrl: string, policy: Fetched, elsewhere?: string): Finding[] {
  const missing = (why: string) => deployedWkd.finding("policyElsewhere", { why, host: elsewhere!, folder: `${WKD_HOSTS_FOLDER}/${elsewhere}/` }, policyUrl, FIRST);
  if (!policy.ok) return [elsewhere ? missing(faultText(policy.fault)) : deployedWkd.finding("policyUnreachable", { fault: faultText(policy.fault) }, policyUrl, FIRST)];
  if (policy.status !== 200) return [elsewhere ? missing(`answered with ${policy.status}`) : deployedWkd.finding("policyStatus", { status: policy.status }, policyUrl, FIRST)];
  return [];
}

/**
 * A repository's SECURITY.md, read from a file or fetched: the page checks run on it as on
 * the policy page, against the same data; each problem at its line in the Markdown.
 */
export async function verifySecurityMd(
  input: Pick<VerifyInput, "contacts" | "fetcher" | "allowedHosts"> & { site?: Pick<SiteData, "otherAddresses"> },
  where: string,
  readFile: (file: string) => string,
): Promise<SourceResult> {
  const others = input.site?.otherAddresses ?? [];
  if (!/^https:\/\//i.test(where)) return readSecurityMd(input.contacts, where, readFile, others);
  input.allowedHosts.add(new URL(where).hostname.toLowerCase());
  const fetched = await input.fetcher.get(where);
  return fetched.ok ? judgeSecurityMd(input.contacts, where, fetched, others) : unreachable(where, fetched);
}

/** A SECURITY.md in a file. */
export function readSecurityMd(contacts: PolicyContact[], file: string, readFile: (file: string) => string, others: OtherAddress[] = []): SourceResult {
  let markdown: string;
  try {
    markdown = readFile(file);
  } catch (error) {
    return { source: file, findings: [deployedUnreachable.finding("unreadable", { reason: reasonOf(error) }, file, FIRST)], notices: [], unreachable: true };
  }
  return { source: file, findings: checkSecurityMd(contacts, file, markdown, others), notices: [], unreachable: false };
}

/** A SECURITY.md a server answered with. */
export function judgeSecurityMd(contacts: PolicyContact[], url: string, answer: Answer, others: OtherAddress[] = []): SourceResult {
  if (answer.status !== 200) return answered(url, answer, [deployedSecurityMd.finding("status", { status: answer.status }, url, FIRST)]);
  return answered(url, answer, checkSecurityMd(contacts, url, text(answer), others));
}

/**
 * The page checks on the Markdown, rendered as GitHub shows it: its heading ids, which the
 * build makes the same way (src/markdown/heading-ids.ts), and its alerts.
 */
function checkSecurityMd(contacts: PolicyContact[], where: string, markdown: string, others: OtherAddress[]): Finding[] {
  const html = renderSecurityMd(markdown);
  return checkPage(scanHtml(html), contacts, undefined, others).map((p) => {
    const found = locateInFiles(new Map([[where, markdown]]), p.needles ?? []);
    return placed(p, where, found?.position ?? { line: 1, column: 1 });
  });
}
