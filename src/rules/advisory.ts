/**
 * The checks on advisories (content/advisories/*.md): each field's format, the dates, the
 * affected ranges, the references, the severity vector, and ids and aliases that must be
 * unique across the files. Pure: what src/formats/advisory.ts read in, the advisory as it
 * will be published and findings out.
 */
import semver from "semver";
import type { Advisory, AdvisorySource, AffectedRange, At, CreditType } from "../formats/advisory.ts";
import { CREDIT_TYPES, readAdvisory, REFERENCE_TYPES } from "../formats/advisory.ts";
import { scoreVector, type CvssScore } from "../formats/cvss.ts";
import type { Position } from "../formats/json.ts";
import { parseRfc3339 } from "../formats/security-txt.ts";
import { type Finding } from "../findings/finding.ts";
import { finding } from "./registry.ts";
import type { RuleId } from "./registry.ts";
import { compareText } from "../formats/text-order.ts";

/** OSV's id prefixes (the `prefix` definition of ossf/osv-schema's schema.json): an id must start with one. */
const OSV_PREFIX = /^(x_|(ASB-A|PUB-A|ALPINE|ALSA|ALBA|ALEA|AZL|BELL|BIT|CGA|CLEANSTART|CLSA|CURL|CVE|DEBIAN|DHI|DRUPAL|DSA|DLA|ELA|DTSA|ECHO|EEF|FreeBSD|GHSA|GO|GSD|HSEC|JLSEC|KUBE|LBSEC|LSN|MAL|MINI|MGASA|OESA|OSEC|OSV|openSUSE-SU|PHSA|PSF|PYSEC|RHBA|RHEA|RHSA|RLSA|RXSA|RSEC|ROOT|RUSTSEC|SUSE-[SRFO]U|UBUNTU|USN|V8)-)/;
/** OSV's ecosystems (the `ecosystemWithSuffix` pattern of ossf/osv-schema's schema.json, GIT included); one may carry a suffix after ":" (Debian:12). */
export const OSV_ECOSYSTEMS = ["AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "BellSoft Hardened Containers", "Bioconductor", "Bitnami", "Chainguard", "CleanStart", "ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images", "Echo", "FreeBSD", "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Kubernetes", "Linux", "Mageia", "Maven", "MinimOS", "npm", "NuGet", "opam", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux", "Root", "RubyGems", "SUSE", "SwiftURL", "TuxCare", "Ubuntu", "VSCode", "Wolfi", "GIT"];
/** CVE's id syntax: the year, then four digits or more (cve.org's CVE ID syntax, 2014). */
export const CVE_ID = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;
/** GitHub's advisory ids: GHSA and three groups of four small letters and digits. */
export const GHSA_ID = /^GHSA(?:-[0-9a-z]{4}){3}$/;

/** Reads and checks every advisory file. `files` maps each file, as findings name it, to its text. */
export function checkAdvisories(files: Array<{ file: string; text: string }>, now: Date): { advisories: Advisory[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const advisories: Advisory[] = [];
  /** Each id and alias, with where it was first written, to find one written twice. */
  const seen = new Map<string, { file: string; at: Position; as: "id" | "alias" }>();

  for (const { file, text } of files) {
    const at = (rule: RuleId, where: Position, message: string) => findings.push(finding(rule, file, where, message));
    const read = readAdvisory(text);
    for (const p of read.problems) at("advisory-field", p.at, p.message);
    const source = read.source;
    if (!source) continue;
    const before = findings.length;
    const required = (value: At<string> | undefined, key: string, what: string): string => {
      if (value === undefined) at("advisory-field", source.start, `the advisory has no \`${key}\`: ${what}`);
      else if (value.value.trim() === "") at("advisory-field", value.at, `\`${key}\` is empty: ${what}`);
      return value?.value.trim() ?? "";
    };

    const id = required(source.id, "id", "give its id (the GHSA id GitHub gave it, or its CVE id)");
    if (source.id && id !== "") {
      const problem = idProblem(id);
      if (problem) at("advisory-id", source.id.at, problem);
      const name = file.split("/").pop()?.replace(/\.md$/, "");
      // The file may be named in small letters (ghsa-….md); the advisory's address is its id as written.
      if (name !== undefined && name.toLowerCase() !== id.toLowerCase()) at("advisory-id", source.id.at, `the id ${id} is not the file's name: rename the file to ${id}.md, so that its address and its file agree`);
    }
    for (const alias of source.aliases) {
      if (!CVE_ID.test(alias.value) && !GHSA_ID.test(alias.value)) {
        at("advisory-id", alias.at, `the alias "${alias.value}" is neither a CVE id (CVE-2021-32700) nor a GHSA id (GHSA-f5qg-fqrw-v5ww)`);
      }
      if (alias.value === id) at("advisory-id", alias.at, `the alias ${alias.value} is the advisory's own id: leave it out of \`aliases\``);
    }
    for (const [value, where, as] of [...(source.id && id ? [[id, source.id.at, "id"] as const] : []), ...source.aliases.map((a) => [a.value, a.at, "alias"] as const)]) {
      const first = seen.get(value);
      if (first) {
        at("advisory-duplicate", where, `${value} is already the ${first.as} of the advisory in ${first.file}:${first.at.line}: an id or alias names one advisory`);
      } else {
        seen.set(value, { file, at: where, as });
      }
    }

    const title = required(source.title, "title", "a line that names the flaw and the product");
    const summary = required(source.summary, "summary", "one sentence: what an attacker can do, in what");
    const published = required(source.published, "published", "when it was published, e.g. 2021-06-22T00:00:00Z");
    const modified = required(source.modified, "modified", "when it last changed, e.g. 2021-06-22T00:00:00Z");
    const dates: Record<string, Date | undefined> = {};
    for (const [key, value] of [["published", source.published], ["modified", source.modified]] as const) {
      if (!value || value.value.trim() === "") continue;
      const date = parseRfc3339(value.value.trim());
      if (!date) {
        at("advisory-date", value.at, `\`${key}\` is "${value.value}", not an RFC 3339 date and time: write it as 2021-06-22T00:00:00Z`);
        continue;
      }
      dates[key] = date;
      if (date.getTime() > now.getTime()) at("advisory-date", value.at, `\`${key}\` is ${value.value}, in the future: an advisory is published when it is written`);
    }
    if (dates.published && dates.modified && dates.modified.getTime() < dates.published.getTime()) {
      at("advisory-date", source.modified!.at, `\`modified\` (${modified}) is before \`published\` (${published}): it is at least the publication time`);
    }

    let severity: CvssScore | undefined;
    if (source.severity) {
      const scored = scoreVector(source.severity.value.trim());
      if (scored.problem) at("advisory-cvss", source.severity.at, `the severity "${source.severity.value}" cannot be scored: ${scored.problem}`);
      severity = scored.score;
    }

    if (source.affected.length === 0) at("advisory-field", source.start, "the advisory has no `affected`: name each affected package, its ecosystem and versions");
    for (const pkg of source.affected) {
      const ecosystem = pkg.ecosystem.value;
      if (ecosystem !== "" && !OSV_ECOSYSTEMS.includes(ecosystem.split(":")[0]!)) {
        const near = OSV_ECOSYSTEMS.find((e) => e.toLowerCase() === ecosystem.split(":")[0]!.toLowerCase());
        at("advisory-field", pkg.ecosystem.at, `the ecosystem "${ecosystem}" is not one OSV knows${near ? `: write it "${near}"` : ` (${OSV_ECOSYSTEMS.slice(0, 12).join(", ")}, …)`}`);
      }
      for (const range of pkg.ranges) {
        const problem = rangeProblem(range);
        if (problem) at("advisory-range", problem.at, problem.message);
        const repoProblem = range.repo ? urlProblem(range.repo.value) : undefined;
        if (repoProblem && range.repo) at("advisory-reference", range.repo.at, repoProblem);
      }
    }

    for (const credit of source.credits) {
      if (credit.type && !(CREDIT_TYPES as readonly string[]).includes(credit.type.value)) {
        at("advisory-field", credit.type.at, `the credit type "${credit.type.value}" is not one of OSV's: ${CREDIT_TYPES.join(", ")}`);
      }
    }
    for (const ref of source.references) {
      if (!(REFERENCE_TYPES as readonly string[]).includes(ref.type.value)) {
        at("advisory-reference", ref.type.at, `the reference type "${ref.type.value}" is not one of OSV's: ${REFERENCE_TYPES.join(", ")}`);
      }
      const problem = urlProblem(ref.url.value);
      if (problem) at("advisory-reference", ref.url.at, problem);
    }
    if (source.details === "") at("advisory-field", source.start, "the advisory has no details: write them in Markdown after the front matter");

    if (findings.length > before) continue;
    advisories.push({
      id,
      file,
      aliases: source.aliases.map((a) => a.value),
      title,
      summary,
      // In UTC, as OSV writes times: the same moment as written.
      published: utcTime(dates.published!),
      modified: utcTime(dates.modified!),
      ...(severity ? { severity } : {}),
      affected: source.affected.map((pkg) => ({
        ecosystem: pkg.ecosystem.value,
        name: pkg.name.value,
        ranges: pkg.ranges.map((r) => ({ type: r.type, introduced: r.introduced.value, ...(r.fixed ? { fixed: r.fixed.value } : {}), ...(r.lastAffected ? { lastAffected: r.lastAffected.value } : {}), ...(r.repo ? { repo: r.repo.value } : {}) })),
        versions: pkg.versions.map((v) => v.value),
      })),
      credits: source.credits.map((c) => ({ name: c.name.value, contact: c.contact.map((x) => x.value), ...(c.type ? { type: c.type.value as CreditType } : {}) })),
      references: source.references.map((r) => ({ type: r.type.value, url: r.url.value })),
      details: source.details,
    });
  }
  // Newest first, as the list shows them.
  advisories.sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || compareText(a.id, b.id));
  return { advisories, findings };
}

/** Why an advisory id cannot be published as one (OSV's id rules, and an address on the site), or undefined. */
export function idProblem(id: string): string | undefined {
  if (!/^[A-Za-z0-9._:-]+$/.test(id)) return `the id "${id}" holds a character an address cannot (letters, digits, ".", "_", ":" and "-" only)`;
  if (id.startsWith("CVE-") && !CVE_ID.test(id)) return `the id "${id}" is not a CVE id: CVE-, the year, then four digits or more (CVE-2021-32700)`;
  if (id.startsWith("GHSA-") && !GHSA_ID.test(id)) return `the id "${id}" is not a GHSA id: GHSA- and three groups of four letters and digits (GHSA-f5qg-fqrw-v5ww)`;
  if (!OSV_PREFIX.test(id)) return `the id "${id}" does not start with a prefix OSV knows: use the advisory's GHSA id or CVE id, or a registered database's prefix`;
  return undefined;
}

/** A moment as OSV and CSAF write it: RFC 3339 in UTC, with fractions of a second only where there are some. */
export function utcTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}

/** Why a range's end is not after its start, where its versions have an order to compare; else undefined. */
export function rangeProblem(range: AffectedRange): { at: Position; message: string } | undefined {
  const end = range.fixed ?? range.lastAffected;
  if (range.type === "GIT") {
    // OSV names commits in full: a short hash is ambiguous, and its schema refuses one.
    for (const event of [range.introduced, end]) {
      if (event && !/^(?:0|[0-9a-f]{40}|[0-9a-f]{64})$/.test(event.value)) return { at: event.at, message: `"${event.value}" is not a full commit hash: a GIT range names commits by all 40 (or 64) hex digits, in lower case` };
    }
    return undefined;
  }
  if (!end) return undefined;
  const key = range.fixed ? "fixed" : "last_affected";
  const order = compareVersions(range.introduced.value, end.value, range.type);
  if (order === undefined) return undefined;
  if (range.fixed && order >= 0) return { at: end.at, message: `\`fixed\` (${end.value}) is not after \`introduced\` (${range.introduced.value}): the range would hold no version` };
  if (range.lastAffected && order > 0) return { at: end.at, message: `\`${key}\` (${end.value}) is before \`introduced\` (${range.introduced.value}): the range would hold no version` };
  return undefined;
}

/**
 * The order of two versions: SEMVER by semver's rules (pre-releases before the release); an
 * ecosystem's versions where both read as semver, or as dotted numbers; undefined where the
 * order is the ecosystem's own and is not known here. "0" is before every version.
 */
export function compareVersions(a: string, b: string, type: AffectedRange["type"]): number | undefined {
  if (a === "0") return b === "0" ? 0 : -1;
  if (b === "0") return 1;
  const strictA = semver.parse(a);
  const strictB = semver.parse(b);
  if (strictA && strictB) return semver.compare(strictA, strictB);
  if (type === "SEMVER") return undefined;
  const dotted = /^\d+(?:\.\d+)*$/;
  if (dotted.test(a) && dotted.test(b)) {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  }
  return undefined;
}

/** Why a reference cannot be published, or undefined: only https: links, to a host. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL: write the whole address, starting with https://`;
  }
  if (parsed.protocol !== "https:") return `"${url}" is not an https: link: a reference must reach the reader unaltered; use its https: address`;
  return undefined;
}
