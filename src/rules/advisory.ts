/**
 * The checks on advisories (content/advisories/*.md): each field's format, the dates, the
 * affected ranges, the references, the severity vector, and ids and aliases that must be
 * unique across the files, and the products they are about. Pure: what src/formats/advisory.ts read in, the advisory as it
 * will be published and findings out. Each rule's check and its messages are in its module
 * (src/rules/advisory/<id>.ts); this runs them in order, file by file.
 */
import type { Advisory, CreditType } from "../formats/advisory.ts";
import { readAdvisory } from "../formats/advisory.ts";
import type { CvssScore } from "../formats/cvss.ts";
import { compareText } from "../formats/text-order.ts";
import type { Finding } from "../findings/finding.ts";
import { scoreSeverity } from "./advisory/advisory-cvss.ts";
import { checkDates } from "./advisory/advisory-date.ts";
import { AdvisoryNames } from "./advisory/advisory-duplicate.ts";
import advisoryField, { creditTypeFinding, ecosystemFinding, readerFinding, requiredField } from "./advisory/advisory-field.ts";
import { checkAliases, checkId, idProblem as idCheck } from "./advisory/advisory-id.ts";
import { checkProducts, type DeclaredProducts } from "./advisory/advisory-product-unknown.ts";
import { rangeFinding } from "./advisory/advisory-range.ts";
import { referenceTypeFinding, urlFinding } from "./advisory/advisory-reference.ts";

export { OSV_ECOSYSTEMS } from "./advisory/advisory-field.ts";
export type { DeclaredProducts } from "./advisory/advisory-product-unknown.ts";
export { CVE_ID, GHSA_ID } from "./advisory/advisory-id.ts";
export { compareVersions } from "./advisory/advisory-range.ts";

/**
 * Reads and checks every advisory file. `files` maps each file, as findings name it, to its text;
 * `declared` holds the site data's products, or is undefined where the site data could not be
 * read (its own findings say why), and then no advisory is held to the products.
 */
export function checkAdvisories(files: Array<{ file: string; text: string }>, now: Date, declared: DeclaredProducts | undefined): { advisories: Advisory[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const advisories: Advisory[] = [];
  const names = new AdvisoryNames();

  for (const { file, text } of files) {
    const report = (...found: Array<Finding | undefined>) => findings.push(...found.filter((f): f is Finding => f !== undefined));
    const read = readAdvisory(text);
    for (const p of read.problems) report(readerFinding(p, file));
    const source = read.source;
    if (!source) continue;
    const before = findings.length;
    const required = (key: Parameters<typeof requiredField>[1]): string => {
      const { value, finding } = requiredField(source, key, file);
      report(finding);
      return value;
    };

    const id = required("id");
    if (source.id && id !== "") report(...checkId(id, source.id.at, file));
    report(...checkAliases(source.aliases, id, file));
    if (source.id && id) report(names.add(id, "id", file, source.id.at));
    for (const alias of source.aliases) report(names.add(alias.value, "alias", file, alias.at));

    const title = required("title");
    const summary = required("summary");
    required("published");
    required("modified");
    const dates = checkDates(source, now, file);
    report(...dates.findings);

    let severity: CvssScore | undefined;
    if (source.severity) {
      const scored = scoreSeverity(source.severity, file);
      report(scored.finding);
      severity = scored.score;
    }

    if (source.affected.length === 0) report(advisoryField.finding("noAffected", {}, file, source.start));
    const named: typeof source.affected = [];
    for (const pkg of source.affected) {
      const ecosystem = ecosystemFinding(pkg.ecosystem, file);
      report(ecosystem);
      // An entry without a known ecosystem or a name is advisory-field's alone.
      if (!ecosystem && pkg.ecosystem.value !== "" && pkg.name.value.trim() !== "") named.push(pkg);
      for (const range of pkg.ranges) {
        report(rangeFinding(range, file));
        if (range.repo) report(urlFinding(range.repo, file));
      }
    }
    if (declared) report(...checkProducts(named, declared, file));

    for (const credit of source.credits) report(creditTypeFinding(credit.type, file));
    for (const ref of source.references) report(referenceTypeFinding(ref.type, file), urlFinding(ref.url, file));
    if (source.details === "") report(advisoryField.finding("noDetails", {}, file, source.start));

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

/** Why an advisory id cannot be published as one (OSV's id rules, and an address on the site), in advisory-id's words; or undefined. */
export function idProblem(id: string): string | undefined {
  return idCheck(id)?.message;
}

/** A moment as OSV and CSAF write it: RFC 3339 in UTC, with fractions of a second only where there are some. */
export function utcTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}
