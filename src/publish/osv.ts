/**
 * An advisory as an OSV record (ossf.github.io/osv-schema), from the same checked front matter
 * the pages show. Pure. `database_specific` is left out: every fact fits OSV's own fields.
 */
import type { Advisory } from "../formats/advisory.ts";

/**
 * The oldest OSV schema version with every field used here: CVSS_V4 severities arrived in 1.6.0
 * (credit types in 1.4.0), so a reader of 1.6.0 or later understands the whole record.
 */
export const OSV_SCHEMA_VERSION = "1.6.0";

/** The index's name, beside the records. */
export const OSV_INDEX = "all.json";

export interface OsvRecord {
  schema_version: string;
  id: string;
  modified: string;
  published: string;
  aliases?: string[];
  summary: string;
  details: string;
  severity?: Array<{ type: "CVSS_V3" | "CVSS_V4"; score: string }>;
  affected: Array<{
    package: { ecosystem: string; name: string };
    ranges?: Array<{ type: string; repo?: string; events: Array<Record<string, string>> }>;
    versions?: string[];
  }>;
  references?: Array<{ type: string; url: string }>;
  credits?: Array<{ name: string; contact?: string[]; type?: string }>;
}

/** One entry of the index OSV.dev reads from a REST source: a record's id and when it last changed. */
export interface OsvIndexEntry {
  id: string;
  modified: string;
}

/**
 * `all.json`, the index OSV.dev's REST importer reads before it fetches `<base>/<id>.json`
 * (google.github.io/osv.dev/rest-api-contribution): every record's id and `modified`, in the
 * order of the ids, so that the file changes only when a record does.
 */
export function osvIndex(records: OsvRecord[]): OsvIndexEntry[] {
  return records.map((r) => ({ id: r.id, modified: r.modified })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The record for `advisory`; `page` is the advisory's page on the site, listed first among the references. */
export function osvRecord(advisory: Advisory, page: string): OsvRecord {
  const references = [{ type: "ADVISORY", url: page }, ...advisory.references.filter((r) => r.url !== page)];
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: advisory.id,
    modified: advisory.modified,
    published: advisory.published,
    ...(advisory.aliases.length > 0 ? { aliases: advisory.aliases } : {}),
    summary: advisory.summary,
    details: advisory.details,
    ...(advisory.severity ? { severity: [{ type: advisory.severity.version === "4.0" ? "CVSS_V4" : "CVSS_V3", score: advisory.severity.vector }] } : {}),
    affected: advisory.affected.map((pkg) => ({
      package: { ecosystem: pkg.ecosystem, name: pkg.name },
      ...(pkg.ranges.length > 0
        ? {
            ranges: pkg.ranges.map((r) => ({
              type: r.type,
              ...(r.repo ? { repo: r.repo } : {}),
              events: [{ introduced: r.introduced }, ...(r.fixed ? [{ fixed: r.fixed }] : []), ...(r.lastAffected ? [{ last_affected: r.lastAffected }] : [])] as Array<Record<string, string>>,
            })),
          }
        : {}),
      ...(pkg.versions.length > 0 ? { versions: pkg.versions } : {}),
    })),
    references,
    ...(advisory.credits.length > 0
      ? { credits: advisory.credits.map((c) => ({ name: c.name, ...(c.contact.length > 0 ? { contact: c.contact } : {}), ...(c.type ? { type: c.type } : {}) })) }
      : {}),
  };
}
