import type { Problem, Where } from "../../findings/finding.ts";
import { formatFingerprint, groupDigits, writtenDigits } from "../../formats/fingerprint.ts";
import type { Contact, Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const fingerprintMismatch = defineRule({
  id: "fingerprint-mismatch",
  severity: "error",
  family: "fingerprint",
  summary: "A well-formed fingerprint that is not the declared fingerprint of the contact it is shown for (the address written next to it).",
  disable: "page",
  messages: {
    otherVersion:
      "fingerprint {{shown}} is not the declared fingerprint of {{email}} ({{declared}}): it is a v{{shownVersion}} fingerprint and the declared one is v{{declaredVersion}}. Correct the page, or the site data if the key was rotated",
    oneDigitDiffers:
      "fingerprint {{shown}} is not the declared fingerprint of {{email}} ({{declared}}): digit {{position}} is {{digit}} where the declared fingerprint has {{declaredDigit}}. Correct the page, or the site data if the key was rotated",
    digitsDiffer:
      "fingerprint {{shown}} is not the declared fingerprint of {{email}} ({{declared}}): {{count}} digits differ, the first at digit {{position}}. Correct the page, or the site data if the key was rotated",
    noContact: "fingerprint {{shown}} belongs to no declared contact; declare it in the site data or remove it",
    besideUndeclared:
      "fingerprint {{shown}} is shown beside {{address}}, which is not a declared security contact, and is the key of no declared contact; correct the address and the fingerprint to a declared contact's, or declare the contact with its key in the site data",
  },
});

export default fingerprintMismatch;

/**
 * A fingerprint shown for `contact` that is none of its declared ones, told by how it differs
 * from `contact.fingerprint`: its version, one digit, or several (counted, with the first).
 * Without a contact (the site declares none), it belongs to nobody.
 */
/** A fingerprint of no declared key, shown beside an address that is no declared contact: it is bound to no contact. */
export function besideUndeclaredProblem(shown: Fingerprint, address: string): Problem {
  return fingerprintMismatch.problem("besideUndeclared", { shown: formatFingerprint(shown), address });
}

export function mismatchProblem(shown: Fingerprint, contact: Contact | undefined, where: Where = {}, written?: string): Problem {
  // The shown fingerprint's digits in the case the page writes them, in groups of four; the declared one normalised.
  const asWritten = written === undefined ? shown.hex : writtenDigits(written);
  const digits = asWritten.length === shown.hex.length ? asWritten : shown.hex;
  if (contact === undefined) return fingerprintMismatch.problem("noContact", { shown: groupDigits(digits) }, where);
  const declared = contact.fingerprint;
  const said = { shown: groupDigits(digits), email: contact.email, declared: formatFingerprint(declared) };
  if (shown.version !== declared.version) {
    return fingerprintMismatch.problem("otherVersion", { ...said, shownVersion: shown.version, declaredVersion: declared.version }, where);
  }
  const at = [...shown.hex].findIndex((c, i) => c !== declared.hex[i]);
  const differing = [...shown.hex].filter((c, i) => c !== declared.hex[i]).length;
  if (differing === 1) {
    return fingerprintMismatch.problem("oneDigitDiffers", { ...said, position: at + 1, digit: digits[at] ?? "", declaredDigit: declared.hex[at] ?? "" }, where);
  }
  return fingerprintMismatch.problem("digitsDiffer", { ...said, count: differing, position: at + 1 }, where);
}
