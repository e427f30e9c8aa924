import type { Problem } from "../../findings/finding.ts";
import { formatFingerprint, sameFingerprint } from "../../formats/fingerprint.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

/** `where`: where the fingerprint is written (src/rules/keys.ts, DeclaredIn). */
const FIX = "update the fingerprint {{where}}, or export the right key with gpg --export --armor {{declaredHex}}";

const keyFingerprintMismatch = defineRule({
  id: "key-fingerprint-mismatch",
  severity: "error",
  family: "key",
  summary: "The key's fingerprint is not the declared one.",
  disable: "no",
  messages: {
    mismatch: `the key's fingerprint is {{actual}}; the site data declares {{declared}}: ${FIX}`,
    /** A v4 key declared as a v6 fingerprint, or the other way round. */
    versionMismatch: `the key's fingerprint is {{actual}}; the site data declares {{declared}} (the key is a v{{actualVersion}} key; the declared fingerprint is a v{{declaredVersion}} one): ${FIX}`,
    /** `listed`: the listed keys' fingerprints, as hex, joined with spaces. */
    previousMissing:
      "the file holds no key {{fingerprint}}, which the site data lists as a previous key of {{email}}: export both keys with gpg --export --armor {{listed}}, or take the previous key off the list once the rotation is over",
  },
});

export default keyFingerprintMismatch;

/** The key's own fingerprint is the one the site data declares. */
export function checkFingerprint(actual: Fingerprint, declared: Fingerprint, where: string): Problem | undefined {
  if (sameFingerprint(actual, declared)) return undefined;
  const values = { actual: formatFingerprint(actual), declared: formatFingerprint(declared), declaredHex: declared.hex, where };
  return actual.version === declared.version
    ? keyFingerprintMismatch.problem("mismatch", values)
    : keyFingerprintMismatch.problem("versionMismatch", { ...values, actualVersion: actual.version, declaredVersion: declared.version });
}

/** During a rotation, a previous key the site data lists is not in the file; `listed`: every listed key, the current one first. */
export function previousKeyMissing(previous: Fingerprint, email: string, listed: Fingerprint[]): Problem {
  return keyFingerprintMismatch.problem("previousMissing", { fingerprint: formatFingerprint(previous), email, listed: listed.map((f) => f.hex).join(" ") });
}
