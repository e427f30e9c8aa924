/**
 * The deployed CSAF distribution, walked as a client walks it: provider-metadata.json at its
 * well-known URL, the ROLIE feeds it lists, and for each entry the document, its hash files and
 * its signature, each fetched without a redirect (requirement 6) over the fetcher's TLS (3), each
 * hash compared with the document served (18), each signature verified with the contacts'
 * published keys (19, 20).
 */
import { createHash } from "node:crypto";
import { createMessage, readKeys, readSignature, verify, type Key } from "openpgp";
import type { Finding } from "../findings/finding.ts";
import { reasonOf } from "../formats/openpgp.ts";
import { PROVIDER_METADATA } from "../publish/csaf.ts";
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

interface FeedEntry {
  id?: string;
  link?: Array<{ rel?: string; href?: string }>;
}

/** Every source of the distribution, from `base` (the site's origin as verify reaches it) and `site` (the data's URL, which the files name). */
export async function verifyCsafDistribution(fetcher: Fetcher, base: string, site: string, publishedKeys: string[], unreachable: (source: string, fetched: Extract<Fetched, { ok: false }>) => CsafSource): Promise<CsafSource[]> {
  const at = (url: string) => (url.startsWith(site) ? `${base}${url.slice(site.length)}` : url);
  const pathOf = (url: string) => (url.startsWith(site) ? `public${url.slice(site.length)}` : url);
  const results: CsafSource[] = [];
  /** One fetch: the answer's body where it is there and reached directly, else a result that says why. */
  const get = async (url: string): Promise<Uint8Array | undefined> => {
    const fetched = await fetcher.get(at(url));
    if (!fetched.ok) {
      results.push(unreachable(at(url), fetched));
      return undefined;
    }
    const findings: Finding[] = [];
    if (fetched.redirects.length > 0) findings.push(deployedCsaf.finding("redirected", { redirects: fetched.redirects.join("; ") }, at(url), FIRST));
    else if (fetched.status !== 200) findings.push(deployedCsaf.finding("status", { status: fetched.status, path: pathOf(url) }, at(url), FIRST));
    results.push({ source: at(url), findings, notices: [], unreachable: false });
    return findings.length === 0 ? fetched.body : undefined;
  };
  const json = <T>(url: string, body: Uint8Array): T | undefined => {
    try {
      return JSON.parse(new TextDecoder().decode(body)) as T;
    } catch (error) {
      results.find((r) => r.source === at(url))!.findings.push(deployedCsaf.finding("notJson", { reason: reasonOf(error), path: pathOf(url) }, at(url), FIRST));
      return undefined;
    }
  };

  const metadataUrl = `${site}${PROVIDER_METADATA}`;
  const metadataBody = await get(metadataUrl);
  const metadata = metadataBody && json<{ role?: string; public_openpgp_keys?: unknown[]; distributions?: Array<{ rolie?: { feeds?: Array<{ url?: string }> } }> }>(metadataUrl, metadataBody);
  if (!metadata) return results;
  const trusted = metadata.role === "csaf_trusted_provider";
  if (trusted && (metadata.public_openpgp_keys ?? []).length === 0) results.find((r) => r.source === at(metadataUrl))!.findings.push(deployedCsaf.finding("keyMissing", {}, at(metadataUrl), FIRST));
  const keys: Key[] = (await Promise.all(publishedKeys.map((armoredKeys) => readKeys({ armoredKeys })))).flat();

  for (const feedUrl of (metadata.distributions ?? []).flatMap((d) => (d.rolie?.feeds ?? []).flatMap((f) => (typeof f.url === "string" ? [f.url] : [])))) {
    const feedBody = await get(feedUrl);
    const feed = feedBody && json<{ feed?: { entry?: FeedEntry[] } }>(feedUrl, feedBody);
    for (const entry of feed?.feed?.entry ?? []) {
      const links = entry.link ?? [];
      const self = links.find((l) => l.rel === "self")?.href;
      if (self === undefined) continue;
      const document = await get(self);
      for (const hash of links.filter((l) => l.rel === "hash" && typeof l.href === "string").map((l) => l.href!)) {
        const stated = await get(hash);
        if (!document || !stated) continue;
        const algorithm = /\.sha512$/i.test(hash) ? "sha512" : /\.sha256$/i.test(hash) ? "sha256" : undefined;
        if (algorithm === undefined) continue;
        const said = new TextDecoder().decode(stated).trim().split(/\s+/)[0] ?? "";
        const actual = createHash(algorithm).update(document).digest("hex");
        if (said.toLowerCase() !== actual) results.find((r) => r.source === at(hash))!.findings.push(deployedCsaf.finding("hashMismatch", { algorithm: algorithm.toUpperCase().replace("SHA", "SHA-"), stated: said, actual }, at(hash), FIRST));
      }
      const signatures = links.filter((l) => l.rel === "signature" && typeof l.href === "string").map((l) => l.href!);
      if (trusted && signatures.length === 0) results.find((r) => r.source === at(feedUrl))!.findings.push(deployedCsaf.finding("signatureMissing", { document: self }, at(feedUrl), FIRST));
      for (const signatureUrl of signatures) {
        const armored = await get(signatureUrl);
        if (!document || !armored) continue;
        const failure = await checkSignature(document, new TextDecoder().decode(armored), keys);
        if (failure !== undefined) results.find((r) => r.source === at(signatureUrl))!.findings.push(deployedCsaf.finding("signatureBad", { document: self, reason: failure }, at(signatureUrl), FIRST));
      }
    }
  }
  return results;
}

/** Why the detached signature does not verify `document` with any of `keys`; undefined when it does. */
async function checkSignature(document: Uint8Array, armoredSignature: string, keys: Key[]): Promise<string | undefined> {
  if (keys.length === 0) return "the site publishes no key";
  try {
    const signature = await readSignature({ armoredSignature });
    const result = await verify({ message: await createMessage({ binary: document }), signature, verificationKeys: keys, expectSigned: true });
    await result.signatures[0]!.verified;
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}
