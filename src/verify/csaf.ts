/**
 * The deployed CSAF distribution, walked as a client walks it: provider-metadata.json at its
 * well-known URL, the ROLIE feeds it lists, and for each entry the document, its hash files and
 * its signature, each fetched without a redirect (requirement 6) over the fetcher's TLS (3), each
 * hash compared with the document served (18), each signature verified with the contacts'
 * published keys (19, 20). What the build publishes today, its role and its feed's entries, is
 * what the deployed distribution must hold.
 */
import { createHash } from "node:crypto";
import { readKeys, type Key } from "openpgp";
import type { Finding } from "../findings/finding.ts";
import { detachedSignatureFailure, reasonOf } from "../formats/openpgp.ts";
import { PROVIDER_METADATA } from "../formats/csaf-distribution.ts";
import deployedCsaf from "../rules/deployed/deployed-csaf.ts";
import type { Fetched, Fetcher } from "./net.ts";

const FIRST = { line: 1, column: 1 } as const;

/** What a check of one URL gives: as verify's SourceResult. */
export interface CsafSource {
  source: string;
  findings: Finding[];
  notices: string[];
  unreachable: boolean;
}

/** What the build publishes from the same content today: the provider's role, and the ids its ROLIE feed lists. */
export interface CsafExpected {
  role: string;
  entries: string[];
}

export interface CsafWalk {
  fetcher: Fetcher;
  /** The site's origin as verify reaches it (the data's URL, or --site's copy). */
  base: string;
  /** The data's URL, which the distribution's files name. */
  site: string;
  /** The contacts' published keys, armored: those a signature may be made with. */
  publishedKeys: string[];
  expected?: CsafExpected;
  unreachable: (source: string, fetched: Extract<Fetched, { ok: false }>) => CsafSource;
}

interface Fetch {
  body?: Uint8Array;
  /** The result of this fetch, which its findings go to. */
  result?: CsafSource;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every source of the distribution, each a result of its own. */
export async function verifyCsafDistribution(walk: CsafWalk): Promise<CsafSource[]> {
  const { site, base } = walk;
  const at = (url: string) => (url.startsWith(site) ? `${base}${url.slice(site.length)}` : url);
  const pathOf = (url: string) => (url.startsWith(site) ? `public${url.slice(site.length)}` : url);
  const results: CsafSource[] = [];
  /** One fetch: its body where it is there and reached directly, and its result, which later findings go to. */
  const get = async (url: string): Promise<Fetch> => {
    const fetched = await walk.fetcher.get(at(url));
    if (!fetched.ok) {
      results.push(walk.unreachable(at(url), fetched));
      return {};
    }
    const result: CsafSource = { source: at(url), findings: [], notices: [], unreachable: false };
    results.push(result);
    if (fetched.redirects.length > 0) result.findings.push(deployedCsaf.finding("redirected", { redirects: fetched.redirects.join("; ") }, at(url), FIRST));
    else if (fetched.status !== 200) result.findings.push(deployedCsaf.finding("status", { status: fetched.status, path: pathOf(url) }, at(url), FIRST));
    return result.findings.length === 0 ? { body: fetched.body, result } : { result };
  };
  const say = (result: CsafSource | undefined, finding: Finding) => result?.findings.push(finding);
  const json = (url: string, fetch: Fetch): unknown => {
    if (!fetch.body) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(fetch.body)) as unknown;
    } catch (error) {
      say(fetch.result, deployedCsaf.finding("notJson", { reason: reasonOf(error), path: pathOf(url) }, at(url), FIRST));
      return undefined;
    }
  };

  const metadataUrl = `${site}${PROVIDER_METADATA}`;
  const metadataFetch = await get(metadataUrl);
  const metadata = json(metadataUrl, metadataFetch);
  if (metadata === undefined) return results;
  if (!isObject(metadata)) {
    say(metadataFetch.result, deployedCsaf.finding("malformed", { what: "not a JSON object" }, at(metadataUrl), FIRST));
    return results;
  }
  const role = typeof metadata.role === "string" ? metadata.role : "csaf_provider";
  // verify builds without the signing key, so its build is a csaf_provider; a trusted one when run with the key. Only claiming less is a disagreement.
  if (walk.expected?.role === "csaf_trusted_provider" && role !== walk.expected.role) say(metadataFetch.result, deployedCsaf.finding("roleDiffers", { role, expected: walk.expected.role }, at(metadataUrl), FIRST));
  const trusted = role === "csaf_trusted_provider";
  if (trusted && list(metadata.public_openpgp_keys).length === 0) say(metadataFetch.result, deployedCsaf.finding("keyMissing", {}, at(metadataUrl), FIRST));
  const keys: Key[] = (await Promise.all(walk.publishedKeys.map((armoredKeys) => readKeys({ armoredKeys })))).flat();

  const feeds = list(metadata.distributions).flatMap((d) => (isObject(d) && isObject(d.rolie) ? list(d.rolie.feeds) : [])).flatMap((f) => (isObject(f) && typeof f.url === "string" ? [f.url] : []));
  if (feeds.length === 0 && (walk.expected?.entries.length ?? 0) > 0) say(metadataFetch.result, deployedCsaf.finding("malformed", { what: "it lists no ROLIE feed, though the build publishes one" }, at(metadataUrl), FIRST));
  const listed = new Set<string>();
  for (const feedUrl of new Set(feeds)) {
    const feedFetch = await get(feedUrl);
    const feed = json(feedUrl, feedFetch);
    if (feed === undefined) continue;
    if (!isObject(feed) || !isObject(feed.feed) || !Array.isArray(feed.feed.entry)) {
      say(feedFetch.result, deployedCsaf.finding("malformed", { what: 'not a ROLIE feed: no "feed" with a list of "entry"' }, at(feedUrl), FIRST));
      continue;
    }
    for (const entry of feed.feed.entry) {
      const links = isObject(entry) ? list(entry.link).filter(isObject) : [];
      const id = isObject(entry) && typeof entry.id === "string" ? entry.id : "(no id)";
      listed.add(id);
      const href = (rel: string) => links.filter((l) => l.rel === rel && typeof l.href === "string").map((l) => l.href as string);
      const self = href("self")[0];
      if (self === undefined) {
        say(feedFetch.result, deployedCsaf.finding("entryIncomplete", { id, what: 'no link with rel "self" to the document' }, at(feedUrl), FIRST));
        continue;
      }
      const document = await get(self);
      const hashes = href("hash");
      const known = hashes.filter((h) => /\.sha(256|512)$/i.test(h));
      if (known.length === 0) say(feedFetch.result, deployedCsaf.finding("entryIncomplete", { id, what: "no link to a .sha256 or .sha512 hash file (CSAF 2.0 requirement 18)" }, at(feedUrl), FIRST));
      for (const hash of known) {
        const stated = await get(hash);
        if (!document.body || !stated.body) continue;
        const algorithm = /\.sha512$/i.test(hash) ? "sha512" : "sha256";
        const said = new TextDecoder().decode(stated.body).trim().split(/\s+/)[0] ?? "";
        const actual = createHash(algorithm).update(document.body).digest("hex");
        if (said.toLowerCase() !== actual) say(stated.result, deployedCsaf.finding("hashMismatch", { algorithm: algorithm === "sha512" ? "SHA-512" : "SHA-256", stated: said, actual }, at(hash), FIRST));
      }
      const signatures = href("signature");
      if (trusted && signatures.length === 0) say(feedFetch.result, deployedCsaf.finding("signatureMissing", { document: self }, at(feedUrl), FIRST));
      for (const signatureUrl of signatures) {
        const armored = await get(signatureUrl);
        if (!document.body || !armored.body) continue;
        const failure = keys.length === 0 ? "the site publishes no key" : await detachedSignatureFailure(document.body, new TextDecoder().decode(armored.body), keys);
        if (failure !== undefined) say(armored.result, deployedCsaf.finding("signatureBad", { document: self, reason: failure }, at(signatureUrl), FIRST));
      }
    }
    for (const id of walk.expected?.entries ?? []) if (!listed.has(id)) say(feedFetch.result, deployedCsaf.finding("entryMissing", { id }, at(feedUrl), FIRST));
  }
  return results;
}
