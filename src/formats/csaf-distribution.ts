/**
 * A CSAF 2.0 provider's distribution as a client reads it, from the files a site serves: the
 * provider metadata at its well-known path, the ROLIE feeds, service and category documents it
 * lists, and the documents in the folders under /.well-known/csaf/ with their hash and signature
 * files. Pure: paths and bytes in, values out; what is wrong with them is for the csaf rules to say.
 */

export const CSAF_PATH = "/.well-known/csaf/";
export const PROVIDER_METADATA = `${CSAF_PATH}provider-metadata.json`;
/** The folder of the TLP:WHITE documents (requirement 4). */
export const WHITE_FOLDER = `${CSAF_PATH}white/`;

/** The document's file name (section 5.1): the tracking id in lower case, anything but letters, digits, "+", "-" turned to "_". */
export function csafFileName(id: string): string {
  return `${id.toLowerCase().replace(/[^+\-a-z0-9]+/g, "_")}.json`;
}

/** The files a site serves, by their path under the output folder ("security/keys/a.asc", no leading slash). */
export type ServedFiles = ReadonlyMap<string, string | Uint8Array>;

/** A JSON file's value, or why it is not one. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

export type JsonObject = Record<string, unknown>;

/** One CSAF document found in a folder of the distribution. */
export interface DocumentFile {
  /** Its path under the output folder. */
  path: string;
  bytes: Uint8Array;
  /** The parsed document, or why it could not be parsed. */
  read: JsonRead;
  /** document.distribution.tlp.label, document.tracking.id, .initial_release_date and .current_release_date, where the document has them. */
  label?: string;
  id?: string;
  initialReleaseDate?: string;
  currentReleaseDate?: string;
}

/** A ROLIE feed the provider metadata lists. */
export interface FeedRef {
  url: string;
  label?: string;
}

export interface Distribution {
  site: string;
  files: ServedFiles;
  /** The provider metadata as read from its well-known path; undefined where the site serves none. */
  metadata?: JsonRead;
  /** Its value where it is a JSON object. */
  metadataObject?: JsonObject;
  /** Every distribution's directory_url, the feeds, service and category documents the metadata lists. */
  directories: string[];
  feeds: FeedRef[];
  services: string[];
  categories: string[];
  /** The role the metadata claims (csaf_provider where it claims none). */
  role: string;
  /** The keys the metadata lists. */
  keys: Array<{ fingerprint?: string; url?: string }>;
  /** Every CSAF document: a .json file in a folder under /.well-known/csaf/. */
  documents: DocumentFile[];
  /** The path a URL of this site is served from; undefined for a URL elsewhere. */
  pathOf(url: string): string | undefined;
  /** Whether the site serves a file at `path`. */
  has(path: string): boolean;
  bytes(path: string): Uint8Array | undefined;
  text(path: string): string | undefined;
  json(path: string): JsonRead | undefined;
}

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const strings = (v: unknown): string[] => list(v).flatMap((x) => (typeof x === "string" ? [x] : []));

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The distribution `files` serve at `site` (an origin, or an origin with a path, without a
 * trailing slash). `elsewhere` reads a file of the site that `files` does not hold (a key a
 * copied provider metadata names outside /.well-known/csaf/), or says there is none.
 */
export function readDistribution(site: string, files: ServedFiles, elsewhere: (path: string) => Uint8Array | undefined = () => undefined): Distribution {
  const content = (path: string) => files.get(path) ?? elsewhere(path);
  const bytes = (path: string) => {
    const c = content(path);
    return c === undefined ? undefined : typeof c === "string" ? encoder.encode(c) : c;
  };
  const text = (path: string) => {
    const c = content(path);
    return c === undefined ? undefined : typeof c === "string" ? c : decoder.decode(c);
  };
  // Each file is parsed once, however many rules read it (the feed is read by three).
  const parsed = new Map<string, JsonRead | undefined>();
  const json = (path: string): JsonRead | undefined => {
    if (parsed.has(path)) return parsed.get(path);
    const t = text(path);
    let read: JsonRead | undefined;
    if (t !== undefined) {
      try {
        read = { ok: true, value: JSON.parse(t) as unknown };
      } catch (error) {
        read = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    parsed.set(path, read);
    return read;
  };
  const prefix = `${site}/`;
  const pathOf = (url: string) => {
    if (!url.startsWith(prefix)) return undefined;
    const path = url.slice(prefix.length).split(/[?#]/)[0]!;
    try {
      return decodeURIComponent(path);
    } catch {
      // A malformed %-escape names no file the site serves; as written, the path is reported as not served.
      return path;
    }
  };

  const metadata = json(PROVIDER_METADATA.slice(1));
  const m = metadata?.ok && isObject(metadata.value) ? metadata.value : undefined;
  const distributions = list(m?.distributions).filter(isObject);
  const rolie = distributions.flatMap((d) => (isObject(d.rolie) ? [d.rolie] : []));

  const documents: DocumentFile[] = [];
  const folders = CSAF_PATH.slice(1);
  for (const path of [...files.keys()].sort()) {
    // A document sits in a folder of its own under /.well-known/csaf/ (white/2026/x.json); the ROLIE documents and the metadata sit beside the folders.
    if (!path.startsWith(folders) || !path.endsWith(".json") || !path.slice(folders.length).includes("/")) continue;
    const read = json(path)!;
    const d = read.ok && isObject(read.value) && isObject(read.value.document) ? read.value.document : undefined;
    const tracking = isObject(d?.tracking) ? d.tracking : undefined;
    const tlp = isObject(d?.distribution) && isObject(d.distribution.tlp) ? d.distribution.tlp : undefined;
    const label = str(tlp?.label);
    const id = str(tracking?.id);
    const initialReleaseDate = str(tracking?.initial_release_date);
    const currentReleaseDate = str(tracking?.current_release_date);
    documents.push({
      path,
      bytes: bytes(path)!,
      read,
      ...(label !== undefined ? { label } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(initialReleaseDate !== undefined ? { initialReleaseDate } : {}),
      ...(currentReleaseDate !== undefined ? { currentReleaseDate } : {}),
    });
  }

  return {
    site,
    files,
    ...(metadata ? { metadata } : {}),
    ...(m ? { metadataObject: m } : {}),
    directories: distributions.flatMap((d) => (typeof d.directory_url === "string" ? [d.directory_url] : [])),
    feeds: rolie.flatMap((r) => list(r.feeds).filter(isObject).flatMap((f) => (typeof f.url === "string" ? [{ url: f.url, ...(typeof f.tlp_label === "string" ? { label: f.tlp_label } : {}) }] : []))),
    services: rolie.flatMap((r) => strings(r.services)),
    categories: rolie.flatMap((r) => strings(r.categories)),
    role: str(m?.role) ?? "csaf_provider",
    keys: list(m?.public_openpgp_keys)
      .filter(isObject)
      .map((k) => ({ ...(typeof k.fingerprint === "string" ? { fingerprint: k.fingerprint } : {}), ...(typeof k.url === "string" ? { url: k.url } : {}) })),
    documents,
    pathOf,
    has: (path) => content(path) !== undefined,
    bytes,
    text,
    json,
  };
}

/** The links of a ROLIE entry with relation `rel`. */
export function entryLinks(entry: unknown, rel: string): string[] {
  return isObject(entry) ? list(entry.link).flatMap((l) => (isObject(l) && l.rel === rel && typeof l.href === "string" ? [l.href] : [])) : [];
}

/** A ROLIE feed's entries, or undefined where the value is no feed. */
export function feedEntries(value: unknown): unknown[] | undefined {
  return isObject(value) && isObject(value.feed) && Array.isArray(value.feed.entry) ? value.feed.entry : undefined;
}

/** The folder a file is in, with its trailing slash: ".well-known/csaf/white/2025/x.json" → ".well-known/csaf/white/2025/". */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** The TLP folders that hold documents (".well-known/csaf/white/"), each with its documents' paths relative to it ("2026/x.json"). */
export function tlpFolders(d: Distribution): Map<string, Array<{ doc: DocumentFile; relative: string }>> {
  const folders = new Map<string, Array<{ doc: DocumentFile; relative: string }>>();
  for (const doc of d.documents) {
    const start = CSAF_PATH.length - 1;
    const end = doc.path.indexOf("/", start) + 1;
    const folder = doc.path.slice(0, end);
    folders.set(folder, [...(folders.get(folder) ?? []), { doc, relative: doc.path.slice(end) }]);
  }
  return folders;
}
