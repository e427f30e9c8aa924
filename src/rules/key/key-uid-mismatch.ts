import type { Key } from "openpgp";
import type { Problem } from "../../findings/finding.ts";
import { reasonOf, utcDay } from "../../formats/openpgp.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const FIX = "add the address with gpg --quick-add-uid {{hex}} 'Security Team <{{email}}>' and export the key again, or correct the address in content/_data/security.json";

const keyUidMismatch = defineRule({
  id: "key-uid-mismatch",
  severity: "error",
  family: "key",
  summary: "No valid user ID on the key carries the contact's address.",
  disable: "no",
  messages: {
    noAddress: `no user ID on the key carries {{email}}; the key has no email addresses: ${FIX}`,
    /** `addresses`: the addresses the key's user IDs carry, joined with ", ". */
    otherAddress: `no user ID on the key carries {{email}}; the key has {{addresses}}: ${FIX}`,
    /** A user ID carries the address, but none of them is valid at the moment judged (revoked, expired, badly signed). */
    userIdInvalid: `the user ID carrying {{email}} is not valid on {{date}} (openpgp.js: {{reason}}): ${FIX}`,
  },
});

export default keyUidMismatch;

/** Some user ID of the key carries `email` and is valid at `now`; openpgp.js is not loaded here, only handed the key. */
export async function checkUserIds(key: Key, email: string, now: Date, fingerprint: Fingerprint): Promise<Problem | undefined> {
  const { hex } = fingerprint;
  const users = key.users.filter((user) => user.userID !== null);
  const addresses = users.map((user) => user.userID!.email).filter((address) => address !== "");
  const matching = users.filter((user) => sameAddress(user.userID!.email, email));
  if (matching.length === 0) {
    return addresses.length === 0
      ? keyUidMismatch.problem("noAddress", { email, hex })
      : keyUidMismatch.problem("otherAddress", { email, addresses: addresses.join(", "), hex });
  }

  let failure: unknown;
  for (const user of matching) {
    try {
      await user.verify(now);
      return undefined;
    } catch (error) {
      failure = error;
    }
  }
  return keyUidMismatch.problem("userIdInvalid", { email, date: utcDay(now), reason: reasonOf(failure), hex });
}

/** Mail domains are case-insensitive; the local part belongs to the receiving server, so it is compared as written. */
function sameAddress(a: string, b: string): boolean {
  const [localA, domainA] = splitAddress(a);
  const [localB, domainB] = splitAddress(b);
  return localA === localB && domainA.toLowerCase() === domainB.toLowerCase();
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return at === -1 ? [address.trim(), ""] : [address.slice(0, at).trim(), address.slice(at + 1).trim()];
}
