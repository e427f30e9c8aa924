/**
 * key-rotation-unfinished on key files read by inspectKey during a rotation: a previous key that
 * is neither revoked nor expired, and stays valid longer than the window (90 days unless the
 * options say otherwise).
 */
import { enums } from "openpgp";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import keyRotationUnfinished from "../../../src/rules/key/key-rotation-unfinished.ts";
import { testRule } from "../../support/rule-tester.ts";
import type { Fingerprint } from "../../../src/types.ts";
import { day, EMAIL, fixture, keyInput, makeKey, NOW, revoked, runKey, TOP, type MadeKey } from "./key-text.ts";

/** A millisecond, in days. */
const MS = 1 / 86_400_000;
const current = fixture("ed25519.asc");
const never = await makeKey();
/** Expires on day 200, 2024-07-19. */
const expiring = await makeKey({ keyExpirationTime: 200 * 86_400 });
/** The previous key on docs/rules/key-rotation-unfinished.md: created 2022-01-01, it expires on 2027-01-01. */
const PAGE_PREVIOUS: Fingerprint = { version: 4, hex: "54242D5CF21A5D6984932561F97CFEB26184BCD4" };
const revokedNever = await revoked(never, day(5), enums.reasonForRevocation.keySuperseded);

/** The current key and the previous ones in one file, judged `days` after CREATED. */
const rotation = (previous: Array<{ key: MadeKey; text?: string }>, days: number, previousKeyDays?: number) =>
  keyInput(current.text + previous.map((p) => p.text ?? p.key.text).join(""), current.fingerprint, {
    previous: previous.map((p) => p.key.fingerprint),
    now: day(days),
    ...(previousKeyDays === undefined ? {} : { previousKeyDays }),
  });
const finish = (key: MadeKey, days: number, expireDays: number) =>
  `so researchers may still encrypt to it: finish the rotation by revoking it (gpg --gen-revoke ${key.fingerprint.hex}, then import the revocation and export the key again), or let it expire within ${days} days (gpg --quick-set-expire ${key.fingerprint.hex} ${expireDays}d)`;

testRule(keyRotationUnfinished, runKey, {
  valid: [
    { name: "a previous key that expires in exactly 90 days", input: rotation([{ key: expiring }], 110) },
    { name: "a previous key that has expired", input: rotation([{ key: expiring }], 200) },
    { name: "a previous key that never expires, revoked", input: rotation([{ key: never, text: revokedNever }], 10) },
    { name: "a previous key that expires in 150 days, with a window of 150", input: rotation([{ key: expiring }], 50, 150) },
    { name: "a contact with one key", input: keyInput(current.text, current.fingerprint) },
  ],
  invalid: [
    {
      name: "a previous key that never expires",
      input: rotation([{ key: never }], 10),
      findings: [{ messageId: "neverExpires", ...TOP, message: `the previous key ${formatFingerprint(never.fingerprint)} of ${EMAIL} does not expire, ${finish(never, 90, 60)}` }],
    },
    {
      name: "a previous key that expires in 90 days and a millisecond",
      input: rotation([{ key: expiring }], 110 - MS),
      findings: [{ messageId: "validTooLong", ...TOP, message: `the previous key ${formatFingerprint(expiring.fingerprint)} of ${EMAIL} stays valid until 2024-07-19, ${finish(expiring, 90, 60)}` }],
    },
    {
      name: "a previous key that expires in 90 days, with a window of 30",
      input: rotation([{ key: expiring }], 110, 30),
      findings: [{ messageId: "validTooLong", ...TOP, message: `the previous key ${formatFingerprint(expiring.fingerprint)} of ${EMAIL} stays valid until 2024-07-19, ${finish(expiring, 30, 30)}` }],
    },
    {
      name: "a previous key that expires in 150 days, with a window of 120: it is told to expire within 60",
      input: rotation([{ key: expiring }], 50, 120),
      findings: [{ messageId: "validTooLong", ...TOP, message: `the previous key ${formatFingerprint(expiring.fingerprint)} of ${EMAIL} stays valid until 2024-07-19, ${finish(expiring, 120, 60)}` }],
    },
    {
      name: "a previous key that never expires, with a window of 1: within 1 day, not 1 days",
      input: rotation([{ key: never }], 10, 1),
      findings: [
        {
          messageId: "neverExpires",
          ...TOP,
          message: `the previous key ${formatFingerprint(never.fingerprint)} of ${EMAIL} does not expire, so researchers may still encrypt to it: finish the rotation by revoking it (gpg --gen-revoke ${never.fingerprint.hex}, then import the revocation and export the key again), or let it expire within 1 day (gpg --quick-set-expire ${never.fingerprint.hex} 1d)`,
        },
      ],
    },
    {
      name: "two previous keys still valid, each reported in the order listed",
      input: rotation([{ key: expiring }, { key: never }], 10),
      findings: [
        { messageId: "validTooLong", ...TOP },
        { messageId: "neverExpires", ...TOP },
      ],
    },
  ],
  /** The page's key file, for a contact that lists the Ed25519 fixture, then the page's previous key; judged at NOW (2025-01-01). */
  example: (text) => keyInput(text, current.fingerprint, { previous: [PAGE_PREVIOUS], now: NOW }),
});
