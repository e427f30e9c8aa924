/**
 * csaf-public-key: CSAF 2.0 requirement 20, the public OpenPGP keys that sign the documents
 * listed in the provider metadata with their fingerprints, and served where it says. A trusted
 * provider lists at least one.
 */
import { PROVIDER_METADATA, type Distribution } from "../../formats/csaf-distribution.ts";
import { reasonOf } from "../../formats/openpgp.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-public-key",
  severity: "error",
  family: "csaf",
  summary: "A trusted provider's metadata lists no public OpenPGP key, or lists one the site does not serve or whose fingerprint is not the key's (requirement 20).",
  disable: "no",
  messages: {
    none: "claims the role csaf_trusted_provider but lists no public OpenPGP key (CSAF 2.0 requirement 20): list the key that signs the documents under \"public_openpgp_keys\"",
    notServed: "lists the key {{url}}, which the site does not serve (CSAF 2.0 requirement 20): publish the key there",
    unreadable: "lists the key {{url}}, which is not an OpenPGP public key ({{reason}}) (CSAF 2.0 requirement 20): publish the armored public key there",
    /** `actual`: the fingerprints of the keys the file holds, joined with ", ". */
    fingerprint: "lists the key {{url}} with the fingerprint {{listed}}, but the file holds {{actual}} (CSAF 2.0 requirement 20): list the key's own fingerprint",
  },
});

export default rule;

const hex = (fingerprint: string) => fingerprint.replace(/\s+/g, "").toUpperCase();

export async function checkPublicKeys(d: Distribution): Promise<CsafIssue[]> {
  if (d.metadataObject === undefined) return [];
  const path = PROVIDER_METADATA.slice(1);
  if (d.keys.length === 0) return d.role === "csaf_trusted_provider" ? [{ path, problem: rule.problem("none", {}) }] : [];
  const issues: CsafIssue[] = [];
  for (const key of d.keys) {
    const target = key.url === undefined ? undefined : d.pathOf(key.url);
    // A key elsewhere is another host's to serve; verify fetches it.
    if (key.url === undefined || target === undefined) continue;
    const armored = d.text(target);
    if (armored === undefined) {
      issues.push({ path, problem: rule.problem("notServed", { url: key.url }) });
      continue;
    }
    const { readKeys } = await import("openpgp");
    let held: string[];
    try {
      held = (await readKeys({ armoredKeys: armored })).map((k) => k.getFingerprint().toUpperCase());
    } catch (error) {
      // That the key does not read is the finding.
      issues.push({ path, problem: rule.problem("unreadable", { url: key.url, reason: reasonOf(error) }) });
      continue;
    }
    // A file may hold more than one key (a rotation); the listed one must be among them.
    if (key.fingerprint !== undefined && !held.includes(hex(key.fingerprint))) issues.push({ path, problem: rule.problem("fingerprint", { url: key.url, listed: key.fingerprint, actual: held.join(", ") }) });
  }
  return issues;
}
