/**
 * key-expired on key files read by inspectKey: a primary key whose expiry is the moment judged
 * or earlier. Its subkeys expire with it, so nothing else is said of an expired key.
 */
import { enums } from "openpgp";
import keyExpired from "../../../src/rules/key/key-expired.ts";
import keyRevoked from "../../../src/rules/key/key-revoked.ts";
import { testRule } from "../../support/rule-tester.ts";
import { day, fixture, keyInput, makeKey, NOW, revoked, runKey, TOP, otherRule } from "./key-text.ts";

/** Created 2020-01-01, expires 2021-01-01, its subkey too. */
const expired = fixture("expired.asc");
const expiry = new Date("2021-01-01T00:00:00Z");
const hex = expired.fingerprint.hex;
const at = (now: Date) => keyInput(expired.text, expired.fingerprint, { email: expired.email, now });
const signOnly = await makeKey({ subkeys: [], keyExpirationTime: 10 * 86_400 });
const revokedToo = await makeKey({ keyExpirationTime: 10 * 86_400 });
const subkeyOnly = await makeKey({ subkeys: [{ keyExpirationTime: 10 * 86_400 }] });

testRule(keyExpired, runKey, {
  valid: [
    { name: "a key that never expires", input: keyInput(fixture("ed25519.asc").text, fixture("ed25519.asc").fingerprint) },
    { name: "a key judged half a year before it expires", input: at(new Date("2020-06-01T00:00:00Z")) },
    { name: "a key judged the millisecond before it expires, which is key-expiring's", input: at(new Date(expiry.getTime() - 1)) },
    { name: "a key whose encryption subkey expired, which is key-no-encryption's", input: keyInput(subkeyOnly.text, subkeyOnly.fingerprint) },
  ],
  invalid: [
    {
      name: "a key judged on the moment it expires",
      input: at(expiry),
      findings: [
        {
          messageId: "expired",
          ...TOP,
          message: `the key expired on 2021-01-01: extend it with gpg --quick-set-expire ${hex} 1y, and its subkeys with gpg --quick-set-expire ${hex} 1y '*', then export it again with gpg --export --armor ${hex}`,
        },
      ],
    },
    { name: "a key judged years after it expired", input: at(new Date("2025-01-01T00:00:00Z")), findings: [{ messageId: "expired", ...TOP }] },
    { name: "an expired key that could not encrypt either: only the expiry is said", input: keyInput(signOnly.text, signOnly.fingerprint, { now: day(10) }), findings: [{ messageId: "expired", ...TOP }] },
    {
      name: "a key revoked, then expired: both are said",
      input: keyInput(await revoked(revokedToo, day(5), enums.reasonForRevocation.noReason), revokedToo.fingerprint),
      findings: [
        otherRule(keyRevoked, "revoked", TOP),
        { messageId: "expired", ...TOP },
      ],
    },
  ],
  /** The page's key file is the expired fixture's, judged at NOW. */
  example: (text) => keyInput(text, expired.fingerprint, { email: expired.email, now: NOW }),
});
