import type { Key } from "openpgp";
import type { Problem } from "../../findings/finding.ts";
import { sameAddress } from "../../formats/mailto.ts";
import { reasonOf, utcDay } from "../../formats/openpgp.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

/** `where`: where the address is written (src/rules/keys.ts, DeclaredIn): "in content/_data/security.json", or "on the page". */
const FIX = "add the address with gpg --quick-add-uid {{hex}} 'Security Team <{{email}}>' and export the key again, or correct the address {{where}}";
/** A team member's key may carry the person's own address or the team's. */
const MEMBER_FIX = "add the person's address with gpg --quick-add-uid {{hex}} '{{name}} <{{email}}>' and export the key again, or correct the address {{where}}";

const keyUidMismatch = defineRule({
  id: "key-uid-mismatch",
  severity: "error",
  family: "key",
  summary: "No valid user ID on the key carries the contact's address (for a team member's key: neither the person's address nor the team's).",
  disable: "no",
  messages: {
    noAddress: `no user ID on the key carries {{email}}; the key has no email addresses: ${FIX}`,
    /** `addresses`: the addresses the key's user IDs carry, joined with ", ". */
    otherAddress: `no user ID on the key carries {{email}}; the key has {{addresses}}: ${FIX}`,
    /** A user ID carries the address, but none of them is valid at the moment judged (revoked, expired, badly signed). */
    userIdInvalid: `the user ID carrying {{email}} is not valid on {{date}} (openpgp.js: {{reason}}): ${FIX}`,
    /** A team member's key: `name` and `email` are the person's, `team` the address they take reports for. */
    memberNoAddress: `no user ID on {{name}}'s key carries {{email}} or {{team}}, the addresses the site data lists it for; the key has no email addresses: ${MEMBER_FIX}`,
    memberOtherAddress: `no user ID on {{name}}'s key carries {{email}} or {{team}}, the addresses the site data lists it for; the key has {{addresses}}: ${MEMBER_FIX}`,
    memberUserIdInvalid: `no user ID on {{name}}'s key that carries {{email}} or {{team}} is valid on {{date}} (openpgp.js: {{reason}}): ${MEMBER_FIX}`,
  },
});

export default keyUidMismatch;

/** A team member whose key is judged: the person's name, and the team's address, which their key may carry instead of their own. */
export interface MemberOf {
  name: string;
  team: string;
}

/**
 * Some user ID of the key carries `email` (or, for a team member, the team's address) and is
 * valid at `now`; openpgp.js is not loaded here, only handed the key.
 */
export async function checkUserIds(key: Key, email: string, now: Date, fingerprint: Fingerprint, where: string, member?: MemberOf): Promise<Problem | undefined> {
  const hex = fingerprint.hex;
  const users = key.users.filter((user) => user.userID !== null);
  const addresses = users.map((user) => user.userID!.email).filter((address) => address !== "");
  const matching = users.filter((user) => sameAddress(user.userID!.email, email) || (member !== undefined && sameAddress(user.userID!.email, member.team)));
  if (matching.length === 0) {
    if (member) {
      const said = { name: member.name, email, team: member.team, hex, where };
      return addresses.length === 0 ? keyUidMismatch.problem("memberNoAddress", said) : keyUidMismatch.problem("memberOtherAddress", { ...said, addresses: addresses.join(", ") });
    }
    return addresses.length === 0
      ? keyUidMismatch.problem("noAddress", { email, hex, where })
      : keyUidMismatch.problem("otherAddress", { email, addresses: addresses.join(", "), hex, where });
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
  if (member) return keyUidMismatch.problem("memberUserIdInvalid", { name: member.name, email, team: member.team, date: utcDay(now), reason: reasonOf(failure), hex, where });
  return keyUidMismatch.problem("userIdInvalid", { email, date: utcDay(now), reason: reasonOf(failure), hex, where });
}

/**
 * The addresses on the key's user IDs that are valid at `now`: not revoked, not expired, with a
 * valid self-signature. A user ID that fails its verification is simply not among them; which
 * address is missing is key-uid-mismatch's to say, above.
 */
export async function validAddresses(key: Key, now: Date): Promise<string[]> {
  const valid: string[] = [];
  for (const user of key.users) {
    const email = user.userID?.email;
    if (!email) continue;
    const ok = await user.verify(now).then(
      () => true,
      () => false,
    );
    if (ok && !valid.includes(email)) valid.push(email);
  }
  return valid;
}

