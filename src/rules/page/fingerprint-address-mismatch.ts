import type { Problem } from "../../findings/finding.ts";
import { formatFingerprint } from "../../formats/fingerprint.ts";
import type { Contact, Fingerprint, OtherAddress } from "../../types.ts";
import { defineRule } from "../rule.ts";

const fingerprintAddressMismatch = defineRule({
  id: "fingerprint-address-mismatch",
  severity: "error",
  family: "fingerprint",
  summary: "A declared contact's fingerprint shown next to another address (in its line, list item, table row or paragraph, or after `address:`): another contact's, or one that is not a contact.",
  disable: "page",
  messages: {
    otherContactsKey:
      "fingerprint {{shown}} is shown beside {{address}}, but it is the key of {{owner}}; {{address}}'s key is {{declared}}. A researcher would encrypt a report for {{address}} to another contact's key: show {{address}}'s own fingerprint here, or name {{owner}} beside this one",
    undeclaredAddress:
      "fingerprint {{shown}} is shown beside {{address}}, which is not a declared security contact, but it is the key of {{owner}}; the label may be left from another policy: name {{owner}} beside the fingerprint",
    otherAddress:
      "fingerprint {{shown}} is shown beside {{address}}, which the site data declares for {{purpose}}, not for reports, but it is the key of {{owner}}: name {{owner}} beside the fingerprint",
  },
});

export default fingerprintAddressMismatch;

/**
 * A declared key shown beside an address it does not belong to: `address` is the address as the
 * page writes it, `contact` the declared contact it is (if it is one), `other` the declared other
 * address it is (if it is one), `owner` the contact whose key it is.
 */
export function wrongAddressProblem(shown: Fingerprint, address: string, owner: Contact, contact: Contact | undefined, other: OtherAddress | undefined): Problem {
  const said = { shown: formatFingerprint(shown), address, owner: owner.email };
  if (contact) return fingerprintAddressMismatch.problem("otherContactsKey", { ...said, declared: formatFingerprint(contact.fingerprint) });
  if (other) return fingerprintAddressMismatch.problem("otherAddress", { ...said, purpose: other.purpose });
  return fingerprintAddressMismatch.problem("undeclaredAddress", said);
}
