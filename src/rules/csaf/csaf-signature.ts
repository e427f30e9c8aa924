/**
 * csaf-signature: CSAF 2.0 requirement 19, a detached OpenPGP signature beside each document
 * (<file>.asc) that verifies with a key the provider metadata lists. A trusted provider must
 * sign every document (section 7.2.3); a provider that signs some is held to those it signs.
 * openpgp.js is loaded only when there is a signature or a trusted role to check.
 */
import { detachedSignatureFailure } from "../../formats/openpgp.ts";
import type { Distribution } from "../../formats/csaf-distribution.ts";
import type { CsafIssue } from "../csaf-issue.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "csaf-signature",
  severity: "error",
  family: "csaf",
  summary: "A CSAF document whose signature does not verify with a key the provider metadata lists, or a trusted provider's document without a signature (requirement 19).",
  disable: "no",
  messages: {
    missing: "has no signature {{name}}.asc beside it, though provider-metadata.json claims the role csaf_trusted_provider (CSAF 2.0 requirement 19): sign it, or claim csaf_provider",
    bad: "does not verify {{document}} with a key provider-metadata.json lists ({{reason}}) (CSAF 2.0 requirement 19): sign the document as published with a listed key",
  },
});

export default rule;

/** The armored keys provider-metadata.json lists that the site serves. */
export function listedKeys(d: Distribution): string[] {
  return d.keys.flatMap((k) => {
    const path = k.url === undefined ? undefined : d.pathOf(k.url);
    const text = path === undefined ? undefined : d.text(path);
    return text === undefined ? [] : [text];
  });
}

export async function checkSignatures(d: Distribution): Promise<CsafIssue[]> {
  const trusted = d.role === "csaf_trusted_provider";
  const issues: CsafIssue[] = [];
  const signed = d.documents.filter((doc) => d.has(`${doc.path}.asc`));
  if (trusted) {
    for (const doc of d.documents.filter((x) => !signed.includes(x))) issues.push({ path: doc.path, problem: rule.problem("missing", { name: doc.path.slice(doc.path.lastIndexOf("/") + 1) }) });
  }
  if (signed.length === 0) return issues;
  // A key listed on another host may be the one that signed: verify fetches it (deployed-csaf), and the build does not judge without it.
  const offSite = d.keys.some((k) => k.url !== undefined && d.pathOf(k.url) === undefined);
  const { readKeys } = await import("openpgp");
  const keys = [];
  for (const armoredKeys of listedKeys(d)) {
    try {
      keys.push(...(await readKeys({ armoredKeys })));
    } catch {
      // A listed key that does not read is csaf-public-key's finding; the signature is judged by the keys that do.
    }
  }
  for (const doc of signed) {
    const path = `${doc.path}.asc`;
    const reason = keys.length === 0 ? "it lists no key the site serves" : await detachedSignatureFailure(doc.bytes, d.text(path)!, keys);
    if (reason !== undefined && !offSite) issues.push({ path, problem: rule.problem("bad", { document: doc.path.slice(doc.path.lastIndexOf("/") + 1), reason }) });
  }
  return issues;
}
