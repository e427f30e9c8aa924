/**
 * key-uid-mismatch on key files read by inspectKey: no user ID carries the contact's address
 * (the key has none, or others), or the one that does is not valid at the moment judged.
 */
import { enums, type SecretKeyPacket } from "openpgp";
import keyUidMismatch from "../../../src/rules/key/key-uid-mismatch.ts";
import keyNoEncryption from "../../../src/rules/key/key-no-encryption.ts";
import { testRule } from "../../support/rule-tester.ts";
import { day, EMAIL, fixture, keyInput, makeKey, runKey, TOP, otherRule } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const other = fixture("other-address.asc");
const nameOnly = await makeKey({ userIDs: [{ name: "Security Team" }] });
const twoOthers = await makeKey({ userIDs: [{ name: "Alice", email: "alice@example.org" }, { name: "Bob", email: "bob@example.org" }] });
const secondCarries = await makeKey({ userIDs: [{ name: "Alice", email: "alice@example.org" }, { name: "Security Team", email: EMAIL }] });

/** A key whose only user ID is revoked on day 31 (2024-02-01). */
const uidRevoked = await makeKey();
uidRevoked.privateKey.users[0] = await uidRevoked.privateKey.users[0]!.revoke(
  uidRevoked.privateKey.keyPacket as SecretKeyPacket,
  { flag: enums.reasonForRevocation.userIDInvalid },
  day(31),
);
const uidRevokedText = uidRevoked.privateKey.toPublic().armor();

/** Alice of the team that takes reports for security@example.org: her key, her address on it. */
const ALICE = { name: "Alice Example", team: EMAIL };
const alicesKey = await makeKey({ userIDs: [{ name: "Alice Example", email: "alice@example.org" }] });
const memberFix = (hex: string) =>
  `add the person's address with gpg --quick-add-uid ${hex} 'Alice Example <alice@example.org>' and export the key again, or correct the address in content/_data/security.json`;

const fix = (hex: string, email = EMAIL) =>
  `add the address with gpg --quick-add-uid ${hex} 'Security Team <${email}>' and export the key again, or correct the address in content/_data/security.json`;

testRule(keyUidMismatch, runKey, {
  valid: [
    { name: "a user ID with the address", input: keyInput(ed.text, ed.fingerprint) },
    { name: "the address's domain in other letter cases", input: keyInput(ed.text, ed.fingerprint, { email: "security@EXAMPLE.Org" }) },
    { name: "the second of two user IDs carries the address", input: keyInput(secondCarries.text, secondCarries.fingerprint) },
    { name: "a user ID revoked later than the moment judged", input: keyInput(uidRevokedText, uidRevoked.fingerprint, { now: day(31 - 1 / 86_400) }) },
    { name: "a team member's key with the person's own address", input: keyInput(alicesKey.text, alicesKey.fingerprint, { email: "alice@example.org", member: ALICE }) },
    { name: "a team member's key with the team's address only", input: keyInput(ed.text, ed.fingerprint, { email: "alice@example.org", member: ALICE }) },
  ],
  invalid: [
    {
      name: "a key with another address",
      input: keyInput(other.text, other.fingerprint, { email: other.email }),
      findings: [{ messageId: "otherAddress", ...TOP, message: `no user ID on the key carries ${EMAIL}; the key has alice@example.org: ${fix(other.fingerprint.hex)}` }],
    },
    {
      name: "the address's local part in other letter cases, which the receiving server may tell apart",
      input: keyInput(ed.text, ed.fingerprint, { email: "Security@example.org" }),
      findings: [{ messageId: "otherAddress", ...TOP, message: `no user ID on the key carries Security@example.org; the key has ${EMAIL}: ${fix(ed.fingerprint.hex, "Security@example.org")}` }],
    },
    {
      name: "a key with two other addresses, both named",
      input: keyInput(twoOthers.text, twoOthers.fingerprint),
      findings: [{ messageId: "otherAddress", ...TOP, message: `no user ID on the key carries ${EMAIL}; the key has alice@example.org, bob@example.org: ${fix(twoOthers.fingerprint.hex)}` }],
    },
    {
      name: "the advice names the site data where it is kept elsewhere",
      input: keyInput(other.text, other.fingerprint, { declaredIn: { dataFile: "site/policy.json" } }),
      findings: [{ messageId: "otherAddress", ...TOP, message: `no user ID on the key carries ${EMAIL}; the key has alice@example.org: ${fix(other.fingerprint.hex).replace("content/_data/security.json", "site/policy.json")}` }],
    },
    {
      name: "for a page checked without site data, the advice is to correct the page",
      input: keyInput(other.text, other.fingerprint, { declaredIn: "page" }),
      findings: [{ messageId: "otherAddress", ...TOP, message: `no user ID on the key carries ${EMAIL}; the key has alice@example.org: ${fix(other.fingerprint.hex).replace("in content/_data/security.json", "on the page")}` }],
    },
    {
      name: "a key whose user ID has a name and no address",
      input: keyInput(nameOnly.text, nameOnly.fingerprint),
      findings: [{ messageId: "noAddress", ...TOP, message: `no user ID on the key carries ${EMAIL}; the key has no email addresses: ${fix(nameOnly.fingerprint.hex)}` }],
    },
    {
      name: "the user ID with the address, revoked at the moment judged: nothing to encrypt to either",
      input: keyInput(uidRevokedText, uidRevoked.fingerprint, { now: day(31) }),
      findings: [
        { messageId: "userIdInvalid", ...TOP, message: `the user ID carrying ${EMAIL} is not valid on 2024-02-01 (openpgp.js: Self-certification is revoked): ${fix(uidRevoked.fingerprint.hex)}` },
        otherRule(keyNoEncryption, "noEncryption", TOP),
      ],
    },
    {
      name: "a team member's key with neither the person's address nor the team's",
      input: keyInput(twoOthers.text, twoOthers.fingerprint, { email: "carol@example.org", member: { name: "Alice Example", team: EMAIL } }),
      findings: [
        {
          messageId: "memberOtherAddress",
          ...TOP,
          message: `no user ID on Alice Example's key carries carol@example.org or ${EMAIL}, the addresses the site data lists it for; the key has alice@example.org, bob@example.org: ${memberFix(twoOthers.fingerprint.hex).replace("alice@example.org>", "carol@example.org>")}`,
        },
      ],
    },
    {
      name: "a team member's key with a name and no address",
      input: keyInput(nameOnly.text, nameOnly.fingerprint, { email: "alice@example.org", member: ALICE }),
      findings: [
        { messageId: "memberNoAddress", ...TOP, message: `no user ID on Alice Example's key carries alice@example.org or ${EMAIL}, the addresses the site data lists it for; the key has no email addresses: ${memberFix(nameOnly.fingerprint.hex)}` },
      ],
    },
    {
      name: "a team member's key whose only user ID with the team's address is revoked",
      input: keyInput(uidRevokedText, uidRevoked.fingerprint, { email: "alice@example.org", member: ALICE, now: day(31) }),
      findings: [
        {
          messageId: "memberUserIdInvalid",
          ...TOP,
          message: `no user ID on Alice Example's key that carries alice@example.org or ${EMAIL} is valid on 2024-02-01 (openpgp.js: Self-certification is revoked): ${memberFix(uidRevoked.fingerprint.hex)}`,
        },
        otherRule(keyNoEncryption, "noEncryption", TOP),
      ],
    },
  ],
  /** The page's key file is the fixture that carries alice@example.org, declared for security@example.org. */
  example: (text) => keyInput(text, other.fingerprint),
});
