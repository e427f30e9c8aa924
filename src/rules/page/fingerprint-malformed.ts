import type { Problem } from "../../findings/finding.ts";
import { parseFingerprint } from "../../formats/fingerprint.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const fingerprintMalformed = defineRule({
  id: "fingerprint-malformed",
  severity: "error",
  family: "fingerprint",
  summary: "A fingerprint shown with a digit too few or too many, a group too many or too few, or a letter that is not hex.",
  disable: "page",
  messages: {
    notHex: 'fingerprint "{{fingerprint}}" has "{{character}}", which is not a hex digit; a fingerprint uses only 0-9 and A-F',
    gapTooWide:
      'fingerprint "{{fingerprint}}" has a gap of more than two spaces; separate the groups of four with one space (two in the middle, as gpg prints it)',
    wrongDigitCount:
      'fingerprint "{{fingerprint}}" has {{count}} hex digits; a v4 fingerprint has 40 and a v6 fingerprint has 64. Copy it again from `gpg --fingerprint`',
    groupNotFour: 'fingerprint "{{fingerprint}}" has a group "{{group}}" of {{length}} digits; write it in groups of four, or unbroken',
  },
});

export default fingerprintMalformed;

/**
 * Reads a fingerprint as written (src/formats/fingerprint.ts): the fingerprint, or the
 * problem that tells the author what is wrong with it, in this rule's words.
 */
export function checkFingerprint(text: string): { fingerprint?: Fingerprint; problem?: Problem } {
  const { fingerprint, problem } = parseFingerprint(text);
  if (problem) return { problem: fingerprintMalformed.fromFormat(problem) };
  return fingerprint ? { fingerprint } : {};
}
