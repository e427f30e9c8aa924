/**
 * key-multiple on key files read by inspectKey: a contact that lists one fingerprint, and a file
 * holding more than one key, in one armored block or in several.
 */
import { armor, enums, unarmor } from "openpgp";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import keyMultiple from "../../../src/rules/key/key-multiple.ts";
import keyFingerprintMismatch from "../../../src/rules/key/key-fingerprint-mismatch.ts";
import { testRule } from "../../support/rule-tester.ts";
import { fixture, keyInput, makeKey, runKey, TOP, otherRule } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const rsa = fixture("rsa.asc");
const binary = async (text: string) => (await unarmor(text)).data as Uint8Array;
const oneBlock = armor(enums.armor.publicKey, new Uint8Array([...(await binary(ed.text)), ...(await binary(rsa.text))]));
const third = await makeKey({}, "third@example.org");
const previous = await makeKey({ keyExpirationTime: 10 * 86_400 });

testRule(keyMultiple, runKey, {
  valid: [
    { name: "one key", input: keyInput(ed.text, ed.fingerprint) },
    {
      name: "two keys during a rotation that lists both",
      input: keyInput(ed.text + previous.text, ed.fingerprint, { previous: [previous.fingerprint] }),
    },
    {
      name: "a third key during a rotation, which is key-unused's",
      input: keyInput(ed.text + previous.text + third.text, ed.fingerprint, { previous: [previous.fingerprint] }),
    },
  ],
  invalid: [
    {
      name: "two keys in one armored block",
      input: keyInput(oneBlock, ed.fingerprint),
      findings: [
        {
          messageId: "multiple",
          ...TOP,
          message: `the file holds 2 keys (${formatFingerprint(ed.fingerprint)}, ${formatFingerprint(rsa.fingerprint)}); it must hold one: export only the contact's key with gpg --export --armor ${ed.fingerprint.hex} (during a key rotation, list the other key's fingerprint after the current one in content/_data/security.json)`,
        },
      ],
    },
    {
      name: "two armored keys one after the other, the declared one second",
      input: keyInput(`${rsa.text}\n${ed.text}`, ed.fingerprint),
      findings: [{ messageId: "multiple", ...TOP }],
    },
    {
      name: "three keys, named in the file's order",
      input: keyInput(rsa.text + third.text + ed.text, ed.fingerprint),
      findings: [
        {
          messageId: "multiple",
          ...TOP,
          message: `the file holds 3 keys (${[rsa, third, ed].map((k) => formatFingerprint(k.fingerprint)).join(", ")}); it must hold one: export only the contact's key with gpg --export --armor ${ed.fingerprint.hex} (during a key rotation, list the other key's fingerprint after the current one in content/_data/security.json)`,
        },
      ],
    },
    {
      name: "two keys, neither of them the declared one",
      input: keyInput(ed.text + rsa.text, third.fingerprint, { email: ed.email }),
      findings: [{ messageId: "multiple", ...TOP }, otherRule(keyFingerprintMismatch, "mismatch", TOP)],
    },
  ],
  /** The page's key file, for the contact the Ed25519 fixture is declared for. */
  example: (text) => keyInput(text, ed.fingerprint),
});
