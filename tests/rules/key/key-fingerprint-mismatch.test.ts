/**
 * key-fingerprint-mismatch on key files read by inspectKey: the key is not the one the site data
 * declares (another key, one digit off, another version), and during a rotation a listed
 * previous key the file does not hold.
 */
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import keyFingerprintMismatch from "../../../src/rules/key/key-fingerprint-mismatch.ts";
import type { Fingerprint } from "../../../src/types.ts";
import keyExpired from "../../../src/rules/key/key-expired.ts";
import { testRule } from "../../support/rule-tester.ts";
import { fixture, keyInput, makeKey, runKey, SOMEONE, TOP, otherRule } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const v6 = fixture("v6.asc");
const previous = await makeKey({ keyExpirationTime: 10 * 86_400 });
const lastDigitOff: Fingerprint = { version: 4, hex: ed.fingerprint.hex.slice(0, -1) + (ed.fingerprint.hex.endsWith("0") ? "1" : "0") };
const fix = (declared: Fingerprint) =>
  `update the fingerprint in content/_data/security.json and on the page, or export the right key with gpg --export --armor ${declared.hex}`;

testRule(keyFingerprintMismatch, runKey, {
  valid: [
    { name: "the declared v4 key", input: keyInput(ed.text, ed.fingerprint) },
    { name: "the declared v6 key", input: keyInput(v6.text, v6.fingerprint, { email: v6.email }) },
    { name: "a rotation whose file holds the current and the previous key", input: keyInput(ed.text + previous.text, ed.fingerprint, { previous: [previous.fingerprint] }) },
    { name: "a rotation whose file holds the previous key first", input: keyInput(previous.text + ed.text, ed.fingerprint, { previous: [previous.fingerprint] }) },
  ],
  invalid: [
    {
      name: "another key than the declared one",
      input: keyInput(ed.text, SOMEONE),
      findings: [
        {
          messageId: "mismatch",
          ...TOP,
          message: `the key's fingerprint is ${formatFingerprint(ed.fingerprint)}; the site data declares ${formatFingerprint(SOMEONE)}: ${fix(SOMEONE)}`,
        },
      ],
    },
    { name: "a declared fingerprint one digit off", input: keyInput(ed.text, lastDigitOff), findings: [{ messageId: "mismatch", ...TOP }] },
    {
      name: "a v6 key declared with a v4 fingerprint",
      input: keyInput(v6.text, SOMEONE, { email: v6.email }),
      findings: [
        {
          messageId: "versionMismatch",
          ...TOP,
          message: `the key's fingerprint is ${formatFingerprint(v6.fingerprint)}; the site data declares ${formatFingerprint(SOMEONE)} (the key is a v6 key; the declared fingerprint is a v4 one): ${fix(SOMEONE)}`,
        },
      ],
    },
    {
      name: "a v6 key declared with its own digits as a v4 fingerprint",
      input: keyInput(v6.text, { version: 4, hex: v6.fingerprint.hex }, { email: v6.email }),
      findings: [{ messageId: "versionMismatch", ...TOP }],
    },
    {
      name: "a rotation whose file lacks the previous key",
      input: keyInput(ed.text, ed.fingerprint, { previous: [previous.fingerprint] }),
      findings: [
        {
          messageId: "previousMissing",
          ...TOP,
          message: `the file holds no key ${formatFingerprint(previous.fingerprint)}, which the site data lists as a previous key of ${ed.email}: export both keys with gpg --export --armor ${ed.fingerprint.hex} ${previous.fingerprint.hex}, or take the previous key off the list once the rotation is over`,
        },
      ],
    },
    {
      name: "a rotation whose file holds only the previous key, expired: that key is judged as the current one",
      input: keyInput(previous.text, ed.fingerprint, { previous: [previous.fingerprint] }),
      findings: [
        { messageId: "mismatch", ...TOP },
        otherRule(keyExpired, "expired", TOP),
      ],
    },
    {
      name: "a rotation listing two previous keys, one missing",
      input: keyInput(ed.text + previous.text, ed.fingerprint, { previous: [SOMEONE, previous.fingerprint] }),
      findings: [{ messageId: "previousMissing", ...TOP }],
    },
  ],
  /** The page's key file, for a contact the site data declares with a fingerprint no key here has. */
  example: (text) => keyInput(text, SOMEONE),
});
