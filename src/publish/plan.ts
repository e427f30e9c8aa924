/**
 * Everything the build publishes from the site data and keys, made and verified in memory
 * before anything is written: security.txt (signed where a key is supplied), each contact's
 * public key, the Web Key Directory (and, for addresses elsewhere, their hosts' folders),
 * _headers, and the advisories as OSV and CSAF; or the findings that stop it. Pure apart
 * from openpgp.js: no Eleventy, no file system.
 */
import path from "node:path";
import type { PrivateKey } from "openpgp";
import type { PolicyContact } from "../data/load.ts";
import { fieldLocator, type SiteData } from "../data/site-data.ts";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import publishConflict from "../rules/publish/publish-conflict.ts";
import { checkSecurityTxt } from "../rules/publish/securitytxt-invalid.ts";
import securitytxtPolicy from "../rules/publish/securitytxt-policy.ts";
import { checkExpires } from "../rules/data/securitytxt-expires.ts";
import { checkExpiring } from "../rules/data/securitytxt-expiring.ts";
import { checkSiteUrl } from "../rules/data/securitytxt-url.ts";
import { checkKeyFileName } from "../rules/data/publish-key-path.ts";
import { frontMatterKeyLine } from "../findings/locate.ts";
import { formatFingerprint } from "../formats/fingerprint.ts";
import type { Position } from "../formats/json.ts";
import {
  DEFAULT_EXPIRES,
  formatSecurityTxt,
  SECURITY_TXT_PATH,
  securityTxtFields,
  type PublishedContact,
} from "../formats/security-txt.ts";
import { inDomain, WKD_DIRECT_PATH, WKD_HOSTS_FOLDER, wkdKeyPath } from "../formats/wkd.ts";
import { keyLifetimeFindings } from "../rules/key-lifetime.ts";
import { robotsTxt, sitemapPages, sitemapXml } from "./discovery.ts";
import { headersFor, type BuiltPage } from "./headers.ts";
import { wkdElsewhere, type HostFolder } from "./wkd-hosts.ts";
import { directoryEntries } from "./wkd-entries.ts";
import { concatBytes } from "../formats/openpgp.ts";
import { OSV_INDEX, osvIndex, osvRecord } from "./osv.ts";
import { ADVISORIES_PATH, keyUrlPath, THANKS_PATH } from "../formats/site-paths.ts";
import type { Advisory } from "../formats/advisory.ts";
import { csafDistributionFiles, csafDocumentFiles, csafRelativePath } from "./csaf.ts";
import { CSAF_PATH, PROVIDER_METADATA, WHITE_FOLDER } from "../formats/csaf-distribution.ts";
import { productOf } from "../rules/advisory/advisory-product-unknown.ts";
import type { SignRefusalReason } from "./sign.ts";
import { SIGNING_KEY_VARIABLE, SIGNING_PASSPHRASE_VARIABLE } from "./signing-key.ts";

/** What the publisher is asked to do. */
export interface PlanOptions {
  /** The policy page's URL path, which security.txt's Policy field names; a page must have it. */
  policyPath: string;
  /** The URL folder the contacts' public keys are published in. */
  keysPath: string;
  /** The armored private key that signs security.txt, if any. */
  signingKey: string | undefined;
  /** Its passphrase. */
  signingPassphrase: string | undefined;
  /** Within this many days of security.txt's Expires, a warning says the policy is due for review. */
  expiresWarningDays: number;
  /** A key that expires within this many days after security.txt's Expires is a warning. */
  keyMarginDays: number;
  /** Whether robots.txt and sitemap.xml are published too: a site that has its own leaves them out. Default: true. */
  discovery?: boolean;
}

/** One file the plugin writes: its path in the output folder and its bytes or text. */
export interface PublishedFile {
  file: string;
  content: string | Uint8Array;
}

/** A page Eleventy built, as `eleventy.after` reports it. */
export interface PublicationInput {
  site: SiteData;
  contacts: PolicyContact[];
  pages: BuiltPage[];
  outputDir: string;
  /** The data file as findings name it, and its text (for the lines of its fields). */
  dataFile: string;
  dataText?: string;
  /** Where each field of the data file stands, when the caller has parsed it already; else it is parsed from `dataText`. */
  locate?: (path: string) => Position;
  options: PlanOptions;
  now: Date;
  /** How findings name a page file; pages' input paths as given, by default. */
  relative?: (file: string) => string;
  /** Reads a page's source, for the line of its permalink. */
  readPage?: (inputPath: string) => string | undefined;
  /** The translations of the page at a URL, itself included (none for a page in one language): the sitemap's alternates and security.txt's Preferred-Languages. */
  translations?: (url: string) => Array<{ url: string; lang: string }>;
  /** The checked advisories, newest first: each published as OSV beside its page, and as CSAF where the data sets `csafProvider`. */
  advisories?: Advisory[];
  /** How notices name the folder the other hosts' directories are written to (default public-wkd). */
  hostsFolder?: string;
  /** How findings name the output folder (default: outputDir as given). */
  outputName?: string;
  /** Files the output already holds under /.well-known/csaf/ (a folder copied in): served beside the build's, and checked with them. */
  servedCsaf?: PublishedFile[];
  /** Reads another file the output already holds, by its path in it (a key that copied provider metadata names); undefined where there is none. */
  readOutput?: (file: string) => Uint8Array | undefined;
}

export interface Publication {
  files: PublishedFile[];
  /** The Web Key Directories of addresses outside the site's host: one folder per host that must serve them, never written in the site's output. */
  hosts: HostFolder[];
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
  const atField = (field: string, problem: Problem): Finding => placed(problem, dataFile, (locate ??= input.locate ?? fieldLocator(dataText ?? ""))(field));

  const siteUrl = new URL(site.url);
  const urlProblem = checkSiteUrl(site.url);
  if (urlProblem) findings.push(atField("url", urlProblem));

  const resolved = checkExpires(site.expires ?? DEFAULT_EXPIRES, now, site.reviewed);
  // Fixed by a review: found at "reviewed", unless "expires" is a fixed moment, which the review does not move.
  const expiresField = site.expires && "date" in site.expires ? "expires" : "reviewed";
  if (resolved.problem !== undefined) findings.push(atField(expiresField, resolved.problem));
  const expiring = resolved.expires === undefined ? undefined : checkExpiring(resolved.expires, now, options.expiresWarningDays);
  const warnings: Finding[] = expiring === undefined ? [] : [atField(expiresField, expiring)];

  // Every key the site points to outlives what points to it. Reported beside what follows, not instead of it: the signer's own check still runs.
  const keyLifetimes: Finding[] = [];
  if (resolved.expires !== undefined) {
    for (const contact of contacts) {
      if (!contact.key || contact.keyFile === undefined) continue;
      keyLifetimes.push(...keyLifetimeFindings({ ...contact, key: contact.key, keyFile: contact.keyFile }, resolved.expires, options.keyMarginDays, now));
    }
  }
  warnings.push(...keyLifetimes.filter((f) => f.severity === "warning"));
  const keyErrors = keyLifetimes.filter((f) => f.severity === "error");

  if (!input.pages.some((p) => p.url === options.policyPath)) {
    findings.push(securitytxtPolicy.finding("noPolicyPage", { url: site.url, path: options.policyPath }, dataFile, { line: 1, column: 1 }));
  }

  // The contacts' public keys: re-armored from the parsed key, never the committed file.
  const published: PublishedContact[] = [];
  contacts.forEach((contact, n) => {
    const armored = contact.key?.publicArmored;
    if (armored === undefined) {
      published.push({ email: contact.email, fingerprint: contact.fingerprint, ...teamOf(contact) });
      return;
    }
    const keyPathProblem = checkKeyFileName(contact.email, options.keysPath);
    if (keyPathProblem) {
      findings.push(atField(`${contact.field ?? `contacts.${n}`}.email`, keyPathProblem));
      return;
    }
    files.push({ file: `${options.keysPath.slice(1)}${contact.email}.asc`, content: armored });
    published.push({ email: contact.email, fingerprint: contact.fingerprint, ...teamOf(contact), keyUrl: `${site.url}${keyUrlPath(options.keysPath, contact.email)}` });
  });

  // The Web Key Directory: only addresses in the site's own domain, as binary keys.
  const entries = directoryEntries(contacts);
  // A team's address that no member's key carries has no directory entry: a client that looks it up finds no key.
  for (const team of new Set(contacts.flatMap((c) => (c.team === undefined ? [] : [c.team])))) {
    if (entries.some((e) => e.address.toLowerCase() === team.toLowerCase()) || contacts.some((c) => c.team === undefined && c.email.toLowerCase() === team.toLowerCase())) continue;
    notices.push(
      `${team} takes reports for its team, but no team member's key carries it on a valid user ID, so its Web Key Directory has no key and gpg --locate-keys ${team} finds none: add it to a member's key (gpg --quick-add-uid <fingerprint> 'Name <${team}>') and export the key again`,
    );
  }
  const inSite = new Map<string, Uint8Array[]>();
  for (const entry of entries.filter((e) => inDomain(e.address, siteUrl.hostname))) {
    const file = wkdKeyPath(entry.address).slice(1);
    inSite.set(file, [...(inSite.get(file) ?? []), entry.binary]);
  }
  for (const [file, parts] of inSite) files.push({ file, content: concatBytes(parts) });
  if (inSite.size > 0) files.push({ file: `${WKD_DIRECT_PATH.slice(1)}policy`, content: "" });
  // Every other address with a key: its directory on the hosts clients ask for its domain, in folders of their own.
  const elsewhere = wkdElsewhere(
    entries.map((e) => ({ email: e.address, key: { publicBinary: e.binary } })),
    siteUrl.hostname,
    input.hostsFolder ?? WKD_HOSTS_FOLDER,
  );
  notices.push(...elsewhere.notices);

  // What search engines look for, from the pages that exist.
  const translations = input.translations ?? (() => []);
  if (options.discovery !== false) {
    files.push({ file: "robots.txt", content: robotsTxt(site.url) });
    files.push({ file: "sitemap.xml", content: sitemapXml(site.url, sitemapPages(input.pages, translations)) });
  }

  const relative = input.relative ?? ((file: string) => file);
  const headers = headersFor(input.pages, { keysPath: options.keysPath, dataFile, relative });
  findings.push(...headers.findings);
  if (headers.text !== undefined) files.push({ file: "_headers", content: headers.text });

  // Each advisory's OSV record, beside its page, and the index of them that OSV.dev's REST importer reads first.
  const records = (input.advisories ?? []).map((advisory) => osvRecord(advisory, `${site.url}${ADVISORIES_PATH}${advisory.id}/`));
  for (const record of records) files.push({ file: `${ADVISORIES_PATH.slice(1)}${record.id}.json`, content: `${JSON.stringify(record, null, 2)}\n` });
  if (records.length > 0) files.push({ file: `${ADVISORIES_PATH.slice(1)}${OSV_INDEX}`, content: `${JSON.stringify(osvIndex(records), null, 2)}\n` });

  // CSAF 2.0, where the data turns it on: the documents, their hashes, the index and changes; the ROLIE feed and provider metadata once it is known whether they are signed.
  const csafPublisher = site.csafProvider
    ? { name: site.name, namespace: site.url, category: site.csafProvider.category, ...(site.csafProvider.contactDetails ? { contactDetails: site.csafProvider.contactDetails } : {}) }
    : undefined;
  const purlOf = (pkg: { ecosystem: string; name: string }) => productOf(pkg.ecosystem, pkg.name, site.products ?? [])?.purl;
  const csaf = csafPublisher ? csafDocumentFiles(input.advisories ?? [], { publisher: csafPublisher, site: site.url, lang: site.language, purlOf }) : [];
  files.push(...csaf);
  let csafSigned = false;
  let signerUnpublished = false;
  const csafUrls = [...new Set([...(site.csaf ?? []), ...(site.csafProvider ? [`${site.url}${PROVIDER_METADATA}`] : [])])];

  if (resolved.expires !== undefined && findings.length === 0) {
    const text = formatSecurityTxt(
      securityTxtFields({
        url: site.url,
        contacts: published,
        expires: resolved.expires,
        policyUrl: `${site.url}${options.policyPath}`,
        preferredLanguages: site.preferredLanguages ?? policyLanguages(site.language, translations(options.policyPath)),
        ...acknowledgmentsOf(site.acknowledgments, site.url, input.pages),
        ...(site.hiring ? { hiring: site.hiring } : {}),
        ...(csafUrls.length > 0 ? { csaf: csafUrls } : {}),
      }),
    );
    const signed = await signIfKeyGiven(text, resolved.expires, input, atField);
    if (signed.finding) findings.push(signed.finding);
    if (signed.notice) notices.push(signed.notice);
    if (signed.text !== undefined) {
      // The build's own output, held to every rule of RFC 9116 before it is written.
      // What breaks a requirement stops the publishing; what departs from a recommendation is a warning.
      for (const p of checkSecurityTxt(signed.text, { now, canonical: `${site.url}${SECURITY_TXT_PATH}` })) {
        (p.severity === "warning" ? warnings : findings).push(placed(p, dataFile, { line: 1, column: 1 }));
      }
      files.push({ file: SECURITY_TXT_PATH.slice(1), content: signed.text });
      // The key that signed security.txt, held to the same refusals, signs each CSAF document too (CSAF 2.0 section 7.1.19).
      // A CSAF client verifies with a key the provider metadata lists, and it lists only the keys the site publishes (requirement 20).
      const signer = signed.key?.getFingerprint().toUpperCase();
      const signerPublished = published.some((c) => c.keyUrl !== undefined && c.fingerprint.hex.toUpperCase() === signer);
      if (signed.key && csafPublisher && !signerPublished && csaf.some((f) => f.file.endsWith(".json"))) {
        signerUnpublished = true;
        notices.push(
          `the CSAF documents are not signed: the key that signs security.txt has no key file in the site's keys folder, so the provider metadata could not list it and no CSAF client could verify them (CSAF 2.0 requirement 20): add its public key as a contact's key file`,
        );
      }
      if (signed.key && signerPublished) {
        const documents = csaf.filter((f) => f.file.endsWith(".json"));
        const { signDetached } = await import("./sign.ts");
        const signatures = await signDetached(documents.map((f) => f.content), signed.key, now);
        documents.forEach((f, i) => files.push({ file: `${f.file}.asc`, content: signatures[i]! }));
        csafSigned = documents.length > 0;
      }
    }
  }
  if (csafPublisher) {
    if (!csafSigned && !signerUnpublished && (input.advisories ?? []).length > 0) {
      notices.push(
        `the CSAF documents are not signed, so ${PROVIDER_METADATA} names the role csaf_provider: set ${SIGNING_KEY_VARIABLE} to a contact's private key to sign them and publish as a csaf_trusted_provider (CSAF 2.0 section 7.2.3, requirements 18 to 20)`,
      );
    }
    files.push(
      ...csafDistributionFiles(input.advisories ?? [], {
        publisher: csafPublisher,
        site: site.url,
        keys: published.flatMap((c) => (c.keyUrl ? [{ fingerprint: c.fingerprint.hex, url: c.keyUrl }] : [])),
        signed: csafSigned,
        products: (site.products ?? []).map((p) => p.name),
        now,
      }),
    );
  }

  // The CSAF distribution as it will be served, the build's files and any copied in, held to CSAF 2.0 section 7.1 before it is written.
  const served = new Map<string, string | Uint8Array>([...(input.servedCsaf ?? []), ...files].map((f) => [f.file, f.content]));
  if (findings.length === 0 && [...served.keys()].some((file) => file.startsWith(CSAF_PATH.slice(1)))) {
    const { checkCsafDistribution } = await import("../rules/csaf.ts");
    const sources = csafPublisher ? (input.advisories ?? []).map((a) => ({ id: a.id, file: a.file, path: `${WHITE_FOLDER.slice(1)}${csafRelativePath(a)}` })) : [];
    const found = await checkCsafDistribution({ site: site.url, files: served, output: input.outputName ?? input.outputDir, sources, ...(input.readOutput ? { elsewhere: input.readOutput } : {}) });
    findings.push(...found.filter((f) => f.severity === "error"));
    warnings.push(...found.filter((f) => f.severity !== "error"));
  }

  findings.push(...conflicts(files, input.pages, input.outputDir, relative, input.readPage));
  // Errors stop the publishing; a warning is reported, and the files are written.
  findings.push(...keyErrors);
  return findings.length > 0 ? { files: [], hosts: [], findings: [...findings, ...warnings], notices: [] } : { files, hosts: elsewhere.hosts, findings: warnings, notices };
}

/** A team member's team, which security.txt names as the Contact in their stead. */
function teamOf(contact: PolicyContact): { team?: string } {
  return contact.team === undefined ? {} : { team: contact.team };
}

/** Where each refusal to sign is fixed: in the site data, or in the key supplied through the environment. */
const REFUSAL_FIELD: Partial<Record<SignRefusalReason, string>> = { undeclared: "contacts", "expires-too-soon": "expires" };

async function signIfKeyGiven(
  text: string,
  expires: Date,
  input: PublicationInput,
  atField: (field: string, problem: Problem) => Finding,
): Promise<{ text?: string; finding?: Finding; notice?: string; key?: PrivateKey }> {
  const { options, contacts, now } = input;
  if (options.signingKey === undefined) {
    return { text, notice: `${SECURITY_TXT_PATH} is not signed: set ${SIGNING_KEY_VARIABLE} (and ${SIGNING_PASSPHRASE_VARIABLE}) to a contact's private key to sign it` };
  }
  // openpgp.js is loaded only when there is a key to sign with.
  const { signSecurityTxt } = await import("./sign.ts");
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
    const { reason, ...problem } = result.refused;
    const field = REFUSAL_FIELD[reason];
    const refusal = field ? atField(field === "expires" && input.site.expires === undefined ? "" : field, problem) : placed(problem, SIGNING_KEY_VARIABLE, { line: 1, column: 1 });
    return { finding: refusal };
  }
  return { text: result.signed, key: result.key, notice: `${SECURITY_TXT_PATH} is signed with ${formatFingerprint(result.signer.fingerprint)} (${result.signer.email}), and the signature verified` };
}

/** A page that writes where the publisher would: the published file wins nothing, the build fails. */
function conflicts(
  files: PublishedFile[],
  pages: BuiltPage[],
  outputDir: string,
  relative: (file: string) => string,
  readPage: (inputPath: string) => string | undefined = () => undefined,
): Finding[] {
  const targets = new Set(files.map((f) => path.join(outputDir, f.file)));
  return pages
    .filter((p) => typeof p.outputPath === "string" && targets.has(path.resolve(p.outputPath)))
    .map((p) => {
      const text = readPage(p.inputPath);
      const line = text === undefined ? 1 : frontMatterKeyLine(text, "permalink");
      return publishConflict.finding("pageWritesPublished", { url: String(p.url) }, relative(p.inputPath), { line, column: 1 });
    });
}

/** The languages the policy is written in, its original's first: what security.txt's Preferred-Languages says when the data does not. */
export function policyLanguages(defaultLanguage: string, translations: Array<{ lang: string }>): string[] {
  return [...new Set([defaultLanguage, ...translations.map((t) => t.lang)])];
}

/** Where the site thanks its reporters: the data's own pages, else the thanks page the credits make, where it was built. */
export function acknowledgmentsOf(declared: string[] | undefined, siteUrl: string, pages: Array<{ url: string | false }>): { acknowledgments?: string[] } {
  if (declared) return { acknowledgments: declared };
  return pages.some((p) => p.url === THANKS_PATH) ? { acknowledgments: [`${siteUrl}${THANKS_PATH}`] } : {};
}
