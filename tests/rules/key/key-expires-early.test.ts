/**
 * key-expires-early on keyLifetimeFindings: the key, or the encryption subkey a mail client would
 * choose, still valid now but expiring before security.txt's Expires (2025-07-01 here).
 */
import keyExpiresEarly from "../../../src/rules/key/key-expires-early.ts";
import keyExpiresClose from "../../../src/rules/key/key-expires-close.ts";
import { testRule } from "../../support/rule-tester.ts";
import type { Fingerprint } from "../../../src/types.ts";
import { DAY_MS, EMAIL, EXPIRES, keyInput, LIFETIME_KEY, NOW, runLifetimeOf, subkey, TOP, otherRule } from "./key-text.ts";

const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const days = (date: Date, n: number) => ms(date, n * DAY_MS);
const { hex } = LIFETIME_KEY;
const shown = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
const cannotUse = "researchers would be sent to a key they cannot use while security.txt is current";
const theSubkey = `the encryption subkey 1D2E3F405A6B7C8D (Curve25519), which mail clients choose for ${EMAIL}, of the key ${shown}`;
/** The key on docs/rules/key-expires-early.md: created 2024-01-01, it expires on 2026-01-01, its encryption subkey on 2025-05-01. */
const PAGE_KEY: Fingerprint = { version: 4, hex: "54ED66D6FAC39A4812F39CC95AA3288925EC5AF0" };
const extendSubkey = `extend it with gpg --quick-set-expire ${hex} 1y '*', then export it again with gpg --export --armor ${hex}`;

testRule(keyExpiresEarly, runLifetimeOf, {
  valid: [
    { name: "a key that never expires, with a subkey that never expires", input: { key: { encryption: subkey() } } },
    { name: "a key that expires on the moment of Expires, which is key-expires-close's", input: { key: { expires: EXPIRES } } },
    { name: "a key that expires now, which is key-expired's", input: { key: { expires: NOW } } },
    { name: "a key that expired a year ago, which is key-expired's", input: { key: { expires: days(NOW, -365) } } },
    { name: "a subkey that expires now, which is key-no-encryption's", input: { key: { encryption: subkey(NOW) } } },
    { name: "a primary key that encrypts itself: its expiry is the key's", input: { key: { encryption: { ...subkey(days(EXPIRES, -10)), primary: true } } } },
    { name: "a subkey that expires a year after Expires", input: { key: { expires: days(EXPIRES, 400), encryption: subkey(days(EXPIRES, 365)) } } },
  ],
  invalid: [
    {
      name: "a key that expires the millisecond before Expires",
      input: { key: { expires: ms(EXPIRES, -1) } },
      findings: [
        {
          messageId: "keyExpiresEarly",
          ...TOP,
          message: `the key ${shown} of ${EMAIL} expires on 2025-06-30, before security.txt's Expires 2025-07-01: ${cannotUse}; extend it with gpg --quick-set-expire ${hex} 1y, then export it again with gpg --export --armor ${hex}`,
        },
      ],
    },
    { name: "a key that expires the millisecond after now", input: { key: { expires: ms(NOW, 1) } }, findings: [{ messageId: "keyExpiresEarly", ...TOP }] },
    {
      name: "a subkey that expires before Expires, of a key that expires after it",
      input: { key: { expires: days(EXPIRES, 365), encryption: subkey(days(EXPIRES, -30)) } },
      findings: [
        {
          messageId: "subkeyExpiresEarly",
          ...TOP,
          message: `${theSubkey} (which expires on 2026-07-01) expires on 2025-06-01, before security.txt's Expires 2025-07-01: ${cannotUse}; ${extendSubkey}`,
        },
      ],
    },
    {
      name: "a subkey that expires before Expires, of a key that never expires",
      input: { key: { encryption: subkey(ms(EXPIRES, -1)) } },
      findings: [
        {
          messageId: "subkeyOfNonExpiringKeyExpiresEarly",
          ...TOP,
          message: `${theSubkey} (which does not expire) expires on 2025-06-30, before security.txt's Expires 2025-07-01: ${cannotUse}; ${extendSubkey}`,
        },
      ],
    },
    {
      name: "a key and its subkey both expiring before Expires: the key first, then the subkey",
      input: { key: { expires: days(EXPIRES, -30), encryption: subkey(days(EXPIRES, -60)) } },
      findings: [
        { messageId: "keyExpiresEarly", ...TOP },
        { messageId: "subkeyExpiresEarly", ...TOP },
      ],
    },
    {
      name: "a key that expires before Expires, with a subkey that expires just after it",
      input: { key: { expires: days(EXPIRES, -30), encryption: subkey(days(EXPIRES, 5)) } },
      findings: [
        { messageId: "keyExpiresEarly", ...TOP },
        otherRule(keyExpiresClose, "subkeyExpiresClose", TOP),
      ],
    },
    {
      name: "a key that expires before a later Expires, with a margin of none",
      input: { key: { expires: days(EXPIRES, 10) }, expires: days(EXPIRES, 20), marginDays: 0 },
      findings: [{ messageId: "keyExpiresEarly", ...TOP }],
    },
  ],
  /** The page's key file, declared with its own fingerprint, against Expires 2025-07-01, at NOW (2025-01-01). */
  example: (text) => ({ file: keyInput(text, PAGE_KEY, { now: NOW }), expires: EXPIRES }),
});
