/**
 * key-no-encryption on key files read by inspectKey: a key that is neither revoked nor expired,
 * with no key a mail client can encrypt to at the moment judged, and openpgp.js's reason why.
 */
import { enums } from "openpgp";
import keyNoEncryption from "../../../src/rules/key/key-no-encryption.ts";
import keyExpiring from "../../../src/rules/key/key-expiring.ts";
import { testRule } from "../../support/rule-tester.ts";
import { day, fixture, keyInput, makeKey, NOW, revoked, runKey, TOP, type MadeKey, otherRule } from "./key-text.ts";

/** A millisecond, in days. */
const MS = 1 / 86_400_000;
const signOnly = fixture("sign-only.asc");
/** The key never expires; its only encryption subkey expires on day 20, 2024-01-21. */
const subkey = await makeKey({ subkeys: [{ keyExpirationTime: 20 * 86_400 }] });
/** An older encryption subkey that expires on day 20, and a newer one that never does. */
const renewed = await makeKey({ subkeys: [{ keyExpirationTime: 20 * 86_400 }, {}] });
const signingSubkey = await makeKey({ subkeys: [{ sign: true }] });
const expiringSignOnly = await makeKey({ subkeys: [], keyExpirationTime: 10 * 86_400 });
const keyId = (key: MadeKey) => key.publicKey.getKeyID().toHex();
const addOne = (hex: string) => `add one with gpg --quick-add-key ${hex} cv25519 encr 1y, then export the key again with gpg --export --armor ${hex}`;

testRule(keyNoEncryption, runKey, {
  valid: [
    { name: "a key with an encryption subkey", input: keyInput(fixture("ed25519.asc").text, fixture("ed25519.asc").fingerprint) },
    { name: "an encryption subkey judged the millisecond before it expires, which is key-expiring's", input: keyInput(subkey.text, subkey.fingerprint, { now: day(20 - MS) }) },
    { name: "an expired encryption subkey beside a newer one that is valid", input: keyInput(renewed.text, renewed.fingerprint) },
    { name: "an expired key without an encryption subkey: only the expiry is said", input: keyInput(expiringSignOnly.text, expiringSignOnly.fingerprint) },
    {
      name: "a revoked key without an encryption subkey: only the revocation is said",
      input: keyInput(await revoked(expiringSignOnly, day(5), enums.reasonForRevocation.keyCompromised), expiringSignOnly.fingerprint, { now: day(6) }),
    },
  ],
  invalid: [
    {
      name: "a key without subkeys, whose primary key only signs",
      input: keyInput(signOnly.text, signOnly.fingerprint, { email: signOnly.email }),
      findings: [
        {
          messageId: "noEncryption",
          ...TOP,
          message: `the key has no valid encryption subkey on 2025-01-01, so reporters cannot encrypt to it (openpgp.js: Could not find valid encryption key packet in key 62574967aa812c83): ${addOne(signOnly.fingerprint.hex)}`,
        },
      ],
    },
    {
      name: "the only encryption subkey, judged on the moment it expires",
      input: keyInput(subkey.text, subkey.fingerprint, { now: day(20) }),
      findings: [
        {
          messageId: "noEncryption",
          ...TOP,
          message: `the key has no valid encryption subkey on 2024-01-21, so reporters cannot encrypt to it (openpgp.js: Could not find valid encryption key packet in key ${keyId(subkey)}: Subkey is expired): ${addOne(subkey.fingerprint.hex)}`,
        },
      ],
    },
    { name: "a key whose only subkey signs", input: keyInput(signingSubkey.text, signingSubkey.fingerprint), findings: [{ messageId: "noEncryption", ...TOP }] },
    {
      name: "a key without an encryption subkey, judged before it expires",
      input: keyInput(expiringSignOnly.text, expiringSignOnly.fingerprint, { now: day(1) }),
      findings: [{ messageId: "noEncryption", ...TOP }, otherRule(keyExpiring, "keyExpiring", TOP)],
    },
  ],
  /** The page's key file is the sign-only fixture's, judged at NOW (2025-01-01). */
  example: (text) => keyInput(text, signOnly.fingerprint, { email: signOnly.email, now: NOW }),
});
