/**
 * The advisories as CSAF 2.0 (OASIS, "Common Security Advisory Framework Version 2.0"): one
 * `csaf_security_advisory` document per advisory, in the folder layout a CSAF provider serves
 * (section 7.1: `white/<year>/<id>.json`, `index.txt`, `changes.csv`, a `.sha256` and `.sha512`
 * beside each document), and the provider metadata at /.well-known/csaf/provider-metadata.json.
 * Pure: advisories and site facts in, files out; the signatures are made by the publisher.
 */
import { createHash } from "node:crypto";
import type { Advisory } from "../formats/advisory.ts";
import { CSAF_PATH, csafFileName, PROVIDER_METADATA, WHITE_FOLDER } from "../formats/csaf-distribution.ts";

export interface CsafPublisher {
  name: string;
  /** The publisher's namespace, a URL it controls: the site's. */
  namespace: string;
  category: "vendor" | "coordinator" | "discoverer" | "other" | "translator" | "user";
  contactDetails?: string;
}

/** A file to publish, by its path under the output folder. */
export interface CsafFile {
  file: string;
  content: string;
}

/** Where a document sits under the TLP:WHITE folder: the year its initial release date gives (as written, in its own zone: requirement 11), then its file name. */
export function csafRelativePath(advisory: Advisory): string {
  return `${advisory.published.slice(0, 4)}/${csafFileName(advisory.id)}`;
}

/** OSV ecosystems that have a package URL "vers" scheme of their own (github.com/package-url/purl-spec, VERSION-RANGE-SPEC). */
const VERS_SCHEMES: Record<string, string> = { npm: "npm", PyPI: "pypi", Maven: "maven", Go: "golang", "crates.io": "cargo", RubyGems: "gem", NuGet: "nuget", Packagist: "composer", Hex: "hex", Pub: "pub" };

/** An OSV range as a vers range: `vers:npm/>=2.0.0|<2.4.3`. */
export function versRange(ecosystem: string, range: Advisory["affected"][number]["ranges"][number]): string {
  const scheme = VERS_SCHEMES[ecosystem.split(":")[0]!] ?? "generic";
  const constraints = [range.introduced === "0" ? undefined : `>=${range.introduced}`, range.fixed ? `<${range.fixed}` : range.lastAffected ? `<=${range.lastAffected}` : undefined].filter((c) => c !== undefined);
  return `vers:${scheme}/${constraints.length > 0 ? constraints.join("|") : "*"}`;
}

interface Branch {
  category: string;
  name: string;
  branches?: Branch[];
  product?: { name: string; product_id: string; product_identification_helper?: { purl: string } };
}

/** The package URL, without a version, of the declared product an affected package is; undefined where none is declared. */
export type PurlOf = (pkg: Advisory["affected"][number]) => string | undefined;

/** A package URL with a version: `@version` after the name, before any qualifiers (`?`) or subpath (`#`), the version percent-encoded. */
export function withVersion(purl: string, version: string): string {
  const end = purl.search(/[?#]/);
  const at = end === -1 ? purl.length : end;
  return `${purl.slice(0, at)}@${encodeURIComponent(version)}${purl.slice(at)}`;
}

/** A value with every object's keys in alphabetical order, as CSAF's optional test 6.2.13 asks of a document. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}

/** One CSAF document for one advisory. `site` is the site's URL, without a trailing slash. */
export function csafDocument(advisory: Advisory, publisher: CsafPublisher, site: string, lang: string, purlOf: PurlOf = () => undefined): object {
  const affectedIds: string[] = [];
  const fixedIds: string[] = [];
  const productBranches: Branch[] = advisory.affected.map((pkg, p) => {
    const versions: Branch[] = [];
    // What identifies each product (optional test 6.2.16): the package URL of the declared product, with the version where there is one.
    const purl = purlOf(pkg);
    const helper = (version?: string) => (purl === undefined ? {} : { product_identification_helper: { purl: version === undefined ? purl : withVersion(purl, version) } });
    pkg.ranges.forEach((range, r) => {
      const id = `CSAFPID-${p + 1}-${r + 1}-AFFECTED`;
      affectedIds.push(id);
      // Commits have no order a vers range could state: a GIT range is said in words.
      const name = range.type === "GIT" ? (range.fixed ? `commits before ${range.fixed}` : range.lastAffected ? `commits up to ${range.lastAffected}` : "every commit") : versRange(pkg.ecosystem, range);
      versions.push({ category: "product_version_range", name, product: { name: `${pkg.name} ${name}`, product_id: id, ...helper() } });
      if (range.fixed) {
        const fixedId = `CSAFPID-${p + 1}-${r + 1}-FIXED`;
        fixedIds.push(fixedId);
        versions.push({ category: "product_version", name: range.fixed, product: { name: `${pkg.name} ${range.fixed}`, product_id: fixedId, ...helper(range.type === "GIT" ? undefined : range.fixed) } });
      }
    });
    pkg.versions.forEach((version, v) => {
      const id = `CSAFPID-${p + 1}-V${v + 1}`;
      affectedIds.push(id);
      versions.push({ category: "product_version", name: version, product: { name: `${pkg.name} ${version}`, product_id: id, ...helper(version) } });
    });
    return { category: "product_name", name: pkg.name, branches: versions };
  });

  const self = `${site}${CSAF_PATH}white/${csafRelativePath(advisory)}`;
  const page = `${site}/security/advisories/${advisory.id}/`;
  const cve = [advisory.id, ...advisory.aliases].find((id) => id.startsWith("CVE-"));
  const otherIds = [advisory.id, ...advisory.aliases].filter((id) => id !== cve).map((id) => ({ system_name: id.startsWith("GHSA-") ? "GitHub Security Advisory" : "Advisory ID", text: id }));
  const revisions = [{ date: advisory.published, number: "1", summary: "Initial release." }, ...(advisory.modified !== advisory.published ? [{ date: advisory.modified, number: "2", summary: "Updated." }] : [])];
  const fixes = advisory.affected.flatMap((pkg) => pkg.ranges.flatMap((r) => (r.fixed ? [`${pkg.name} ${r.fixed}`] : [])));
  const cvss3 = advisory.severity?.version === "3.1" ? advisory.severity : undefined;

  return {
    document: {
      category: "csaf_security_advisory",
      csaf_version: "2.0",
      lang,
      title: advisory.title,
      publisher: { category: publisher.category, name: publisher.name, namespace: publisher.namespace, ...(publisher.contactDetails ? { contact_details: publisher.contactDetails } : {}) },
      distribution: { tlp: { label: "WHITE", url: "https://www.first.org/tlp/" } },
      notes: [
        { category: "summary", title: "Summary", text: advisory.summary },
        ...(advisory.severity && !cvss3 ? [{ category: "other", title: `CVSS v${advisory.severity.version}`, text: `${advisory.severity.vector} (base score ${advisory.severity.score.toFixed(1)}, ${advisory.severity.rating})` }] : []),
      ],
      references: [
        { category: "self", summary: "This document", url: self },
        { category: "external", summary: "The advisory's page", url: page },
        ...advisory.references.map((r) => ({ category: "external", summary: `${r.type.toLowerCase()} reference`, url: r.url })),
      ],
      tracking: {
        id: advisory.id,
        status: "final",
        version: String(revisions.length),
        revision_history: revisions,
        initial_release_date: advisory.published,
        current_release_date: advisory.modified,
      },
      ...(advisory.severity ? { aggregate_severity: { namespace: "https://www.first.org/cvss/", text: advisory.severity.rating } } : {}),
    },
    product_tree: { branches: [{ category: "vendor", name: publisher.name, branches: productBranches }] },
    vulnerabilities: [
      {
        ...(cve ? { cve } : {}),
        ...(otherIds.length > 0 ? { ids: otherIds } : {}),
        title: advisory.title,
        notes: [{ category: "description", title: "Details", text: advisory.details }],
        product_status: { known_affected: affectedIds, ...(fixedIds.length > 0 ? { fixed: fixedIds } : {}) },
        remediations:
          fixes.length > 0
            ? [{ category: "vendor_fix", details: `Upgrade to ${fixes.join(", ")}.`, product_ids: affectedIds, url: page }]
            : [{ category: "none_available", details: "No fixed version has been released yet; see the advisory's page for workarounds.", product_ids: affectedIds }],
        ...(cvss3
          ? { scores: [{ products: affectedIds, cvss_v3: { version: "3.1", vectorString: cvss3.vector, baseScore: cvss3.score, baseSeverity: cvss3.rating.toUpperCase() } }] }
          : {}),
        ...(advisory.credits.length > 0 ? { acknowledgments: advisory.credits.map((c) => ({ names: [c.name] })) } : {}),
        references: [{ category: "external", summary: "The advisory's page", url: page }],
      },
    ],
  };
}

const sha = (algorithm: "sha256" | "sha512", text: string) => createHash(algorithm).update(text).digest("hex");

/**
 * The documents of a provider's TLP:WHITE folder (CSAF 2.0 section 7.1): one per advisory in the
 * folder of its year (requirement 11), each with its SHA-256 and SHA-512 hash files (18), and
 * index.txt (12) and changes.csv (13) beside them. Their signatures (19) are made by the
 * publisher, with the key that signs security.txt.
 */
export function csafDocumentFiles(advisories: Advisory[], options: { publisher: CsafPublisher; site: string; lang: string; purlOf?: PurlOf }): CsafFile[] {
  const files: CsafFile[] = [];
  for (const advisory of advisories) {
    const relative = csafRelativePath(advisory);
    const content = `${JSON.stringify(sortedKeys(csafDocument(advisory, options.publisher, options.site, options.lang, options.purlOf)), null, 2)}\n`;
    const name = relative.split("/").pop()!;
    files.push({ file: `${WHITE_FOLDER.slice(1)}${relative}`, content });
    // sha256sum's format: the hash, two spaces, the file's name (section 7.1.18).
    files.push({ file: `${WHITE_FOLDER.slice(1)}${relative}.sha256`, content: `${sha("sha256", content)}  ${name}\n` });
    files.push({ file: `${WHITE_FOLDER.slice(1)}${relative}.sha512`, content: `${sha("sha512", content)}  ${name}\n` });
  }
  files.push({ file: `${WHITE_FOLDER.slice(1)}index.txt`, content: advisories.map((a) => `${csafRelativePath(a)}\n`).join("") });
  // Newest change first (section 7.1.13): the path, then current_release_date, each in quotes.
  files.push({ file: `${WHITE_FOLDER.slice(1)}changes.csv`, content: newestFirst(advisories).map((a) => `"${csafRelativePath(a)}","${a.modified}"\n`).join("") });
  return files;
}

/** Where the ROLIE documents are (requirements 15 to 17), beside provider-metadata.json. */
export const ROLIE_FEED = `${CSAF_PATH}feed-tlp-white.json`;
export const ROLIE_SERVICE = `${CSAF_PATH}service.json`;
export const ROLIE_CATEGORIES = `${CSAF_PATH}category-white.json`;

/**
 * How the documents are found: the ROLIE feed of the TLP:WHITE documents, each entry linking the
 * document, its hash files and, where they are signed, its signature (requirement 15); a service
 * document listing the feed (16); a category document naming the products (17); and the
 * provider metadata (7) that lists the directory and the ROLIE documents. With signatures and
 * the signing key published (requirements 18 to 20), the role is `csaf_trusted_provider`;
 * without, `csaf_provider`.
 */
export function csafDistributionFiles(
  advisories: Advisory[],
  options: { publisher: CsafPublisher; site: string; keys: Array<{ fingerprint: string; url: string }>; signed: boolean; products: string[]; now: Date },
): CsafFile[] {
  const { site, publisher } = options;
  const changed = newestFirst(advisories);
  const lastUpdated = changed[0]?.modified ?? options.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const information = { scheme: "urn:ietf:params:rolie:category:information-type", term: "csaf" };
  const title = `${publisher.name} CSAF advisories (TLP:WHITE)`;
  const feed = {
    feed: {
      id: `${new URL(site).hostname}-csaf-feed-tlp-white`,
      title,
      link: [{ rel: "self", href: `${site}${ROLIE_FEED}` }],
      category: [information],
      updated: lastUpdated,
      entry: changed.map((a) => {
        const url = `${site}${WHITE_FOLDER}${csafRelativePath(a)}`;
        return {
          id: a.id,
          title: a.title,
          link: [{ rel: "self", href: url }, { rel: "hash", href: `${url}.sha256` }, { rel: "hash", href: `${url}.sha512` }, ...(options.signed ? [{ rel: "signature", href: `${url}.asc` }] : [])],
          published: a.published,
          updated: a.modified,
          summary: { content: a.summary },
          content: { type: "application/json", src: url },
          format: { schema: "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", version: "2.0" },
        };
      }),
    },
  };
  const service = { service: { workspace: [{ title: `${publisher.name} CSAF advisories`, collection: [{ title, href: `${site}${ROLIE_FEED}`, categories: { category: [information] } }] }] } };
  const categories = { categories: { category: options.products.map((term) => ({ term })) } };
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { file: ROLIE_FEED.slice(1), content: json(feed) },
    { file: ROLIE_SERVICE.slice(1), content: json(service) },
    ...(options.products.length > 0 ? [{ file: ROLIE_CATEGORIES.slice(1), content: json(categories) }] : []),
    {
      file: PROVIDER_METADATA.slice(1),
      content: json({
        canonical_url: `${site}${PROVIDER_METADATA}`,
        distributions: [
          {
            directory_url: `${site}${WHITE_FOLDER}`,
            rolie: {
              feeds: [{ summary: `All TLP:WHITE advisories of ${publisher.name}.`, tlp_label: "WHITE", url: `${site}${ROLIE_FEED}` }],
              services: [`${site}${ROLIE_SERVICE}`],
              ...(options.products.length > 0 ? { categories: [`${site}${ROLIE_CATEGORIES}`] } : {}),
            },
          },
        ],
        last_updated: lastUpdated,
        list_on_CSAF_aggregators: true,
        metadata_version: "2.0",
        mirror_on_CSAF_aggregators: true,
        ...(options.keys.length > 0 ? { public_openpgp_keys: options.keys.map((k) => ({ fingerprint: k.fingerprint, url: k.url })) } : {}),
        publisher: { category: publisher.category, name: publisher.name, namespace: publisher.namespace, ...(publisher.contactDetails ? { contact_details: publisher.contactDetails } : {}) },
        role: options.signed && options.keys.length > 0 ? "csaf_trusted_provider" : "csaf_provider",
      }),
    },
  ];
}

/** Newest change first. */
function newestFirst(advisories: Advisory[]): Advisory[] {
  return [...advisories].sort((a, b) => Date.parse(b.modified) - Date.parse(a.modified));
}
