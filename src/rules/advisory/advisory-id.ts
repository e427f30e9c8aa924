/**
 * advisory-id: an id OSV would not take, or that is not its file's name, and an alias that is
 * neither a CVE id nor a GHSA id, or is the advisory's own id.
 */
import type { At } from "../../formats/advisory.ts";
import { placed, type Finding, type Problem } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-id",
  severity: "error",
  family: "advisory",
  summary: "An advisory id that OSV would not take or that is not its file's name, or an alias that is not a CVE or GHSA id.",
  disable: "no",
  messages: {
    idCharacter: 'the id "{{id}}" holds a character an address cannot (letters, digits, ".", "_", ":" and "-" only)',
    idNotCve: 'the id "{{id}}" is not a CVE id: CVE-, the year, then four digits or more (CVE-2021-32700)',
    idNotGhsa: 'the id "{{id}}" is not a GHSA id: GHSA- and three groups of four letters and digits (GHSA-f5qg-fqrw-v5ww)',
    idPrefixUnknown: "the id \"{{id}}\" does not start with a prefix OSV knows: use the advisory's GHSA id or CVE id, or a registered database's prefix",
    idNotFileName: "the id {{id}} is not the file's name: rename the file to {{id}}.md, so that its address and its file agree",
    aliasMalformed: 'the alias "{{alias}}" is neither a CVE id (CVE-2021-32700) nor a GHSA id (GHSA-f5qg-fqrw-v5ww)',
    aliasIsId: "the alias {{alias}} is the advisory's own id: leave it out of `aliases`",
  },
});

export default rule;

/** OSV's id prefixes (the `prefix` definition of ossf/osv-schema's schema.json): an id must start with one. */
const OSV_PREFIX = /^(x_|(ASB-A|PUB-A|ALPINE|ALSA|ALBA|ALEA|AZL|BELL|BIT|CGA|CLEANSTART|CLSA|CURL|CVE|DEBIAN|DHI|DRUPAL|DSA|DLA|ELA|DTSA|ECHO|EEF|FreeBSD|GHSA|GO|GSD|HSEC|JLSEC|KUBE|LBSEC|LSN|MAL|MINI|MGASA|OESA|OSEC|OSV|openSUSE-SU|PHSA|PSF|PYSEC|RHBA|RHEA|RHSA|RLSA|RXSA|RSEC|ROOT|RUSTSEC|SUSE-[SRFO]U|UBUNTU|USN|V8)-)/;
/** CVE's id syntax: the year, then four digits or more (cve.org's CVE ID syntax, 2014). */
export const CVE_ID = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;
/** GitHub's advisory ids: GHSA and three groups of four small letters and digits. */
export const GHSA_ID = /^GHSA(?:-[0-9a-z]{4}){3}$/;

/** Why an advisory id cannot be published as one (OSV's id rules, and an address on the site), or undefined. */
export function idProblem(id: string): Problem | undefined {
  if (!/^[A-Za-z0-9._:-]+$/.test(id)) return rule.problem("idCharacter", { id });
  if (id.startsWith("CVE-") && !CVE_ID.test(id)) return rule.problem("idNotCve", { id });
  if (id.startsWith("GHSA-") && !GHSA_ID.test(id)) return rule.problem("idNotGhsa", { id });
  if (!OSV_PREFIX.test(id)) return rule.problem("idPrefixUnknown", { id });
  return undefined;
}

/** The findings on an advisory's id (`id` is its value trimmed, not empty), written at `at` in `file`. */
export function checkId(id: string, at: At<string>["at"], file: string): Finding[] {
  const findings: Finding[] = [];
  const problem = idProblem(id);
  if (problem) findings.push(placed(problem, file, at));
  const name = file.split("/").pop()?.replace(/\.md$/, "");
  // The file may be named in small letters (ghsa-….md); the advisory's address is its id as written.
  if (name !== undefined && name.toLowerCase() !== id.toLowerCase()) findings.push(rule.finding("idNotFileName", { id }, file, at));
  return findings;
}

/** The findings on an advisory's aliases, in the order written; `id` is its id trimmed. */
export function checkAliases(aliases: Array<At<string>>, id: string, file: string): Finding[] {
  return aliases.flatMap((alias) => [
    ...(!CVE_ID.test(alias.value) && !GHSA_ID.test(alias.value) ? [rule.finding("aliasMalformed", { alias: alias.value }, file, alias.at)] : []),
    ...(alias.value === id ? [rule.finding("aliasIsId", { alias: alias.value }, file, alias.at)] : []),
  ]);
}
