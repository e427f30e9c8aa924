import type { Problem } from "../../findings/finding.ts";
import { readKeyLink } from "../../formats/key-link.ts";
import { fingerprintsOf, type Contact } from "../../types.ts";
import { defineRule } from "../rule.ts";

const keyLinkUnverifiable = defineRule({
  id: "key-link-unverifiable",
  severity: "notice",
  family: "keyserver",
  summary: "A link that fetches a key without naming its fingerprint (`https://github.com/<user>.gpg`, a Keybase key without `?fingerprint=`), so no check can tell whether it is the declared key.",
  disable: "page",
  messages: {
    githubKeys:
      "link gets whatever keys the GitHub account {{account}} holds, and names no fingerprint, so the checks cannot tell whether it is the declared key; link to the key by its fingerprint instead, e.g. https://keys.openpgp.org/vks/v1/by-fingerprint/{{expected}}",
    keybaseNoFingerprint:
      "link gets the Keybase account {{account}}'s key without naming its fingerprint, so the checks cannot tell whether it is the declared key; add ?fingerprint={{expected}} to the link",
  },
});

export default keyLinkUnverifiable;

/**
 * A link that fetches a key but names none (src/formats/key-link.ts, readKeyLink): a notice,
 * with the declared fingerprint the link should name. Links that name a key are
 * keyserver-mismatch's.
 */
export function checkKeyLinkVerifiable(href: string, contacts: Contact[]): Problem[] {
  const { problem } = readKeyLink(href);
  if (!problem) return [];
  const expected = contacts.flatMap(fingerprintsOf)[0]?.hex ?? "<the key's fingerprint>";
  return [keyLinkUnverifiable.problem(problem.code, { account: String(problem.values.account), expected })];
}
