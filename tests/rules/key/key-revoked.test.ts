/**
 * key-revoked on key files read by inspectKey: a key revoked at the moment judged, named with the
 * date of its latest revocation and, where it gives one, the reason.
 */
import { enums, revokeKey } from "openpgp";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import keyRevoked from "../../../src/rules/key/key-revoked.ts";
import { testRule } from "../../support/rule-tester.ts";
import { day, fixture, keyInput, makeKey, NOW, revoked, runKey, TOP } from "./key-text.ts";

/** Revoked as retired on 2024-06-01, "replaced by a newer key": a soft revocation, which counts from its date. */
const retired = fixture("revoked.asc");
const retiredOn = new Date("2024-06-01T00:00:00Z");
const key = await makeKey();
const shown = formatFingerprint(key.fingerprint);
const compromised = await revoked(key, day(100), enums.reasonForRevocation.keyCompromised);
const noReason = await revoked(key, day(10), enums.reasonForRevocation.noReason);
const textOnly = await revoked(key, day(10), enums.reasonForRevocation.noReason, "lost the smartcard");
/** Revoked twice: without a reason on day 20, then as retired on day 10 (signed later, dated earlier). */
const first = await revokeKey({ key: key.privateKey, reasonForRevocation: { flag: enums.reasonForRevocation.noReason }, date: day(20), format: "object" });
const twice = await revoked({ ...key, privateKey: first.privateKey! }, day(10), enums.reasonForRevocation.keyRetired, "moved");
/** A sign-only key that is revoked: nothing to encrypt to, which a revoked key need not be told. */
const signOnly = await makeKey({ subkeys: [] });
const revokedSignOnly = await revoked(signOnly, day(10), enums.reasonForRevocation.keySuperseded);
const tail =
  "mail clients will refuse to encrypt to it; publish the key that replaced it (gpg --export --armor <its fingerprint>) and update the fingerprint in content/_data/security.json and on the page";

testRule(keyRevoked, runKey, {
  valid: [
    { name: "a key never revoked", input: keyInput(fixture("ed25519.asc").text, fixture("ed25519.asc").fingerprint) },
    { name: "a key retired on a later date, judged a second before it", input: keyInput(retired.text, retired.fingerprint, { email: retired.email, now: new Date(retiredOn.getTime() - 1000) }) },
    { name: "a key retired later, judged the millisecond before", input: keyInput(retired.text, retired.fingerprint, { email: retired.email, now: new Date(retiredOn.getTime() - 1) }) },
  ],
  invalid: [
    {
      name: "a key retired, judged on the moment of its revocation",
      input: keyInput(retired.text, retired.fingerprint, { email: retired.email, now: retiredOn }),
      findings: [
        {
          messageId: "revokedWithReason",
          ...TOP,
          message: `the key ${formatFingerprint(retired.fingerprint)} was revoked on 2024-06-01 (key retired: replaced by a newer key): ${tail}`,
        },
      ],
    },
    {
      name: "a compromised key, revoked even before the date of its revocation",
      input: keyInput(compromised, key.fingerprint, { now: day(50) }),
      findings: [{ messageId: "revokedWithReason", ...TOP, message: `the key ${shown} was revoked on 2024-04-10 (key compromised): ${tail}` }],
    },
    {
      name: "a revocation without a reason",
      input: keyInput(noReason, key.fingerprint),
      findings: [{ messageId: "revoked", ...TOP, message: `the key ${shown} was revoked on 2024-01-11: ${tail}` }],
    },
    {
      name: "a revocation with a text and no reason code",
      input: keyInput(textOnly, key.fingerprint),
      findings: [{ messageId: "revokedWithReason", ...TOP, message: `the key ${shown} was revoked on 2024-01-11 (lost the smartcard): ${tail}` }],
    },
    {
      name: "a key revoked twice: the revocation dated latest is named",
      input: keyInput(twice, key.fingerprint),
      findings: [{ messageId: "revoked", ...TOP, message: `the key ${shown} was revoked on 2024-01-21: ${tail}` }],
    },
    {
      name: "a revoked key that could not encrypt either: only the revocation is said",
      input: keyInput(revokedSignOnly, signOnly.fingerprint),
      findings: [{ messageId: "revokedWithReason", ...TOP }],
    },
  ],
  /** The page's key file is the retired fixture's, judged at NOW (2025-01-01). */
  example: (text) => keyInput(text, retired.fingerprint, { email: retired.email, now: NOW }),
});
