/**
 * key-expiring on key files read by inspectKey: the key, or the encryption subkey a mail client
 * would choose, expires within the warning window (30 days unless the options say otherwise);
 * whichever expires first is named, with the whole days left, rounded up.
 */
import { enums } from "openpgp";
import keyExpiring from "../../../src/rules/key/key-expiring.ts";
import keyNoEncryption from "../../../src/rules/key/key-no-encryption.ts";
import { testRule } from "../../support/rule-tester.ts";
import type { Fingerprint } from "../../../src/types.ts";
import { day, keyInput, makeKey, NOW, revoked, runKey, TOP, type MadeKey, otherRule } from "./key-text.ts";

/** A millisecond, in days. */
const MS = 1 / 86_400_000;
/** The key and its subkey expire on day 100, 2024-04-10. */
const both = await makeKey({ keyExpirationTime: 100 * 86_400 });
/** The key never expires; its subkey expires on day 20, 2024-01-21. */
const subkey = await makeKey({ subkeys: [{ keyExpirationTime: 20 * 86_400 }] });
/** The key expires on day 100; its subkey a second earlier. */
const subkeyFirst = await makeKey({ keyExpirationTime: 100 * 86_400, subkeys: [{ keyExpirationTime: 100 * 86_400 - 1 }] });
/** The key expires on day 100; its subkey on day 200. */
const subkeyLater = await makeKey({ keyExpirationTime: 100 * 86_400, subkeys: [{ keyExpirationTime: 200 * 86_400 }] });
/** The key never expires; its subkey expires on day 50, 2024-02-20. */
const subkey50 = await makeKey({ subkeys: [{ keyExpirationTime: 50 * 86_400 }] });
const lasting = await makeKey();
const signOnly = await makeKey({ subkeys: [], keyExpirationTime: 100 * 86_400 });
const revokedKey = await revoked(both, day(5), enums.reasonForRevocation.noReason);

/** The key on docs/rules/key-expiring.md: created 2024-01-01, it expires on 2025-01-21 with its encryption subkey. */
const PAGE_KEY: Fingerprint = { version: 4, hex: "35F513A840128E918D150BB05F8A4970EA8C67DA" };

const at = (key: MadeKey, days: number, warningDays?: number) =>
  keyInput(key.text, key.fingerprint, { now: day(days), ...(warningDays === undefined ? {} : { expiryWarningDays: warningDays }) });
const extend = (hex: string) => `extend it with gpg --quick-set-expire ${hex} 1y, and its subkeys with gpg --quick-set-expire ${hex} 1y '*', then export it again with gpg --export --armor ${hex}`;

testRule(keyExpiring, runKey, {
  valid: [
    { name: "a key that never expires, with a subkey that never expires", input: at(lasting, 300) },
    { name: "a key that expires in 30 days and a millisecond", input: at(both, 70 - MS) },
    { name: "a key that expires in ten days, with a window of five", input: at(both, 90, 5) },
    { name: "a key that expires in a millisecond, with a window of none", input: at(both, 100 - MS, 0) },
    { name: "a key that has expired, which is key-expired's", input: at(both, 100) },
    { name: "a revoked key that expires in ten days: only the revocation is said", input: keyInput(revokedKey, both.fingerprint, { now: day(90) }) },
    { name: "a subkey that expires in 30 days and a millisecond", input: at(subkey50, 20 - MS) },
    { name: "a subkey that has expired, which is key-no-encryption's", input: at(subkey, 20) },
  ],
  invalid: [
    {
      name: "a key that expires in exactly 30 days",
      input: at(both, 70),
      findings: [{ messageId: "keyExpiring", ...TOP, message: `the key expires on 2024-04-10, in 30 days: ${extend(both.fingerprint.hex)}` }],
    },
    {
      name: "a key that expires in a day and a millisecond: two days, rounded up",
      input: at(both, 99 - MS),
      findings: [{ messageId: "keyExpiring", ...TOP, message: `the key expires on 2024-04-10, in 2 days: ${extend(both.fingerprint.hex)}` }],
    },
    {
      name: "a key that expires in exactly one day",
      input: at(both, 99),
      findings: [{ messageId: "keyExpiringInOneDay", ...TOP, message: `the key expires on 2024-04-10, in 1 day: ${extend(both.fingerprint.hex)}` }],
    },
    { name: "a key that expires in a millisecond", input: at(both, 100 - MS), findings: [{ messageId: "keyExpiringInOneDay", ...TOP }] },
    { name: "a key that expires in exactly ten days, with a window of ten", input: at(both, 90, 10), findings: [{ messageId: "keyExpiring", ...TOP }] },
    {
      name: "a key and its subkey that expire together: the key is named",
      input: at(both, 80),
      findings: [{ messageId: "keyExpiring", ...TOP, message: `the key expires on 2024-04-10, in 20 days: ${extend(both.fingerprint.hex)}` }],
    },
    { name: "a key that expires before its subkey: the key is named", input: at(subkeyLater, 80), findings: [{ messageId: "keyExpiring", ...TOP }] },
    {
      name: "a subkey that expires a second before its key: the subkey is named",
      input: at(subkeyFirst, 80),
      findings: [{ messageId: "subkeyExpiring", ...TOP, message: `its encryption subkey expires on 2024-04-09, in 20 days: ${extend(subkeyFirst.fingerprint.hex)}` }],
    },
    { name: "a subkey that expires in exactly 30 days", input: at(subkey50, 20), findings: [{ messageId: "subkeyExpiring", ...TOP }] },
    {
      name: "the subkey of a key that never expires, in ten days",
      input: at(subkey, 10),
      findings: [{ messageId: "subkeyExpiring", ...TOP, message: `its encryption subkey expires on 2024-01-21, in 10 days: ${extend(subkey.fingerprint.hex)}` }],
    },
    {
      name: "the subkey of a key that never expires, in a millisecond",
      input: at(subkey, 20 - MS),
      findings: [{ messageId: "subkeyExpiringInOneDay", ...TOP, message: `its encryption subkey expires on 2024-01-21, in 1 day: ${extend(subkey.fingerprint.hex)}` }],
    },
    {
      name: "a key that cannot encrypt and expires in ten days: both are said",
      input: at(signOnly, 90),
      findings: [
        otherRule(keyNoEncryption, "noEncryption", TOP),
        { messageId: "keyExpiring", ...TOP },
      ],
    },
  ],
  /** The page's key file, declared with its own fingerprint, judged at NOW (2025-01-01). */
  example: (text) => keyInput(text, PAGE_KEY, { now: NOW }),
});
