/**
 * key-expires-close on keyLifetimeFindings: the key, or the encryption subkey a mail client would
 * choose, expires on security.txt's Expires (2025-07-01 here) or within the margin after it
 * (30 days unless given), counted in whole days, rounded down.
 */
import keyExpiresClose from "../../../src/rules/key/key-expires-close.ts";
import keyExpiresEarly from "../../../src/rules/key/key-expires-early.ts";
import { testRule } from "../../support/rule-tester.ts";
import type { Fingerprint } from "../../../src/types.ts";
import { DAY_MS, EMAIL, EXPIRES, keyInput, LIFETIME_KEY, NOW, runLifetimeOf, subkey, TOP, otherRule } from "./key-text.ts";

const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const days = (date: Date, n: number) => ms(date, n * DAY_MS);
const { hex } = LIFETIME_KEY;
const shown = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
const theKey = `the key ${shown} of ${EMAIL}`;
const theSubkey = `the encryption subkey 1D2E3F405A6B7C8D (Curve25519), which mail clients choose for ${EMAIL}, of the key ${shown}`;
const extendKey = `extend it with gpg --quick-set-expire ${hex} 1y, then export it again with gpg --export --armor ${hex}, so that it outlives the next review`;
const extendSubkey = `extend it with gpg --quick-set-expire ${hex} 1y '*', then export it again with gpg --export --armor ${hex}, so that it outlives the next review`;
/** A primary key that outlives Expires by a year. */
const lasting = days(EXPIRES, 365);
/** The key on docs/rules/key-expires-close.md: created 2024-01-01, it expires on 2025-07-21; its encryption subkey never does. */
const PAGE_KEY: Fingerprint = { version: 4, hex: "64465A53FE587058B8E9572C99182485604D90DA" };

testRule(keyExpiresClose, runLifetimeOf, {
  valid: [
    { name: "a key that never expires, with a subkey that never expires", input: { key: { encryption: subkey() } } },
    { name: "a key that expires 30 days and a millisecond after Expires", input: { key: { expires: ms(days(EXPIRES, 30), 1) } } },
    { name: "a key that expires the millisecond before Expires, which is key-expires-early's", input: { key: { expires: ms(EXPIRES, -1) } } },
    { name: "a key that expires the millisecond after Expires, with a margin of none", input: { key: { expires: ms(EXPIRES, 1) }, marginDays: 0 } },
    { name: "a key that expires ten days and a millisecond after Expires, with a margin of ten", input: { key: { expires: ms(days(EXPIRES, 10), 1) }, marginDays: 10 } },
    { name: "a subkey that expires 30 days and a millisecond after Expires", input: { key: { expires: lasting, encryption: subkey(ms(days(EXPIRES, 30), 1)) } } },
    { name: "a primary key that encrypts itself: its expiry is the key's", input: { key: { encryption: { ...subkey(days(EXPIRES, 5)), primary: true } } } },
    { name: "an Expires already past, and a key that expires now, just after it: key-expired's", input: { key: { expires: NOW }, expires: days(NOW, -5) } },
  ],
  invalid: [
    {
      name: "a key that expires on the moment of Expires",
      input: { key: { expires: EXPIRES } },
      findings: [{ messageId: "keyExpiresClose", ...TOP, message: `${theKey} expires on 2025-07-01, only 0 days after security.txt's Expires 2025-07-01: ${extendKey}` }],
    },
    {
      name: "a key that expires exactly 30 days after Expires",
      input: { key: { expires: days(EXPIRES, 30) } },
      findings: [{ messageId: "keyExpiresClose", ...TOP, message: `${theKey} expires on 2025-07-31, only 30 days after security.txt's Expires 2025-07-01: ${extendKey}` }],
    },
    {
      name: "a key that expires exactly a day after Expires",
      input: { key: { expires: days(EXPIRES, 1) } },
      findings: [{ messageId: "keyExpiresCloseByOneDay", ...TOP, message: `${theKey} expires on 2025-07-02, only 1 day after security.txt's Expires 2025-07-01: ${extendKey}` }],
    },
    { name: "a key that expires two days less a millisecond after Expires: one day, rounded down", input: { key: { expires: ms(days(EXPIRES, 2), -1) } }, findings: [{ messageId: "keyExpiresCloseByOneDay", ...TOP }] },
    {
      name: "a key that expires exactly two days after Expires",
      input: { key: { expires: days(EXPIRES, 2) } },
      findings: [{ messageId: "keyExpiresClose", ...TOP, message: `${theKey} expires on 2025-07-03, only 2 days after security.txt's Expires 2025-07-01: ${extendKey}` }],
    },
    { name: "a key that expires on the moment of Expires, with a margin of none", input: { key: { expires: EXPIRES }, marginDays: 0 }, findings: [{ messageId: "keyExpiresClose", ...TOP }] },
    { name: "a key that expires exactly ten days after Expires, with a margin of ten", input: { key: { expires: days(EXPIRES, 10) }, marginDays: 10 }, findings: [{ messageId: "keyExpiresClose", ...TOP }] },
    {
      name: "a subkey that expires 20 days after Expires, of a key that expires a year after it",
      input: { key: { expires: lasting, encryption: subkey(days(EXPIRES, 20)) } },
      findings: [
        {
          messageId: "subkeyExpiresClose",
          ...TOP,
          message: `${theSubkey} (which expires on 2026-07-01) expires on 2025-07-21, only 20 days after security.txt's Expires 2025-07-01: ${extendSubkey}`,
        },
      ],
    },
    {
      name: "a subkey that expires a day after Expires, of a key that expires a year after it",
      input: { key: { expires: lasting, encryption: subkey(days(EXPIRES, 1)) } },
      findings: [
        {
          messageId: "subkeyExpiresCloseByOneDay",
          ...TOP,
          message: `${theSubkey} (which expires on 2026-07-01) expires on 2025-07-02, only 1 day after security.txt's Expires 2025-07-01: ${extendSubkey}`,
        },
      ],
    },
    {
      name: "a subkey that expires 20 days after Expires, of a key that never expires",
      input: { key: { encryption: subkey(days(EXPIRES, 20)) } },
      findings: [
        {
          messageId: "subkeyOfNonExpiringKeyExpiresClose",
          ...TOP,
          message: `${theSubkey} (which does not expire) expires on 2025-07-21, only 20 days after security.txt's Expires 2025-07-01: ${extendSubkey}`,
        },
      ],
    },
    {
      name: "a subkey that expires a day after Expires, of a key that never expires",
      input: { key: { encryption: subkey(days(EXPIRES, 1)) } },
      findings: [
        {
          messageId: "subkeyOfNonExpiringKeyExpiresCloseByOneDay",
          ...TOP,
          message: `${theSubkey} (which does not expire) expires on 2025-07-02, only 1 day after security.txt's Expires 2025-07-01: ${extendSubkey}`,
        },
      ],
    },
    {
      name: "an Expires already past, and a key that expires the millisecond after now, just after it",
      input: { key: { expires: ms(NOW, 1) }, expires: days(NOW, -5) },
      findings: [{ messageId: "keyExpiresClose", ...TOP }],
    },
    {
      name: "a key and its subkey both expiring just after Expires: the key first, then the subkey",
      input: { key: { expires: days(EXPIRES, 10), encryption: subkey(days(EXPIRES, 5)) } },
      findings: [
        { messageId: "keyExpiresClose", ...TOP },
        { messageId: "subkeyExpiresClose", ...TOP },
      ],
    },
    {
      name: "a key that expires just after Expires, with a subkey that expires before it",
      input: { key: { expires: days(EXPIRES, 10), encryption: subkey(days(EXPIRES, -5)) } },
      findings: [
        { messageId: "keyExpiresClose", ...TOP },
        otherRule(keyExpiresEarly, "subkeyExpiresEarly", TOP),
      ],
    },
  ],
  /** The page's key file, declared with its own fingerprint, against Expires 2025-07-01, at NOW (2025-01-01). */
  example: (text) => ({ file: keyInput(text, PAGE_KEY, { now: NOW }), expires: EXPIRES }),
});
