/**
 * key-private on key files read by inspectKey: secret key material, whether the block says so
 * (-----BEGIN PGP PRIVATE KEY BLOCK-----) or its packets do under a public key's armor.
 */
import { armor, enums, readPrivateKey } from "openpgp";
import keyPrivate from "../../../src/rules/key/key-private.ts";
import keyMultiple from "../../../src/rules/key/key-multiple.ts";
import { testRule } from "../../support/rule-tester.ts";
import { fixture, keyInput, runKey, TOP, otherRule } from "./key-text.ts";

const secret = fixture("private.asc");
const hex = secret.fingerprint.hex;
const key = await readPrivateKey({ armoredKey: secret.text });
const at = { email: secret.email };
const publishOnly = `publish only the public key, exported with gpg --export --armor ${hex} (not --export-secret-keys); if this file was ever committed or published, consider the key compromised: revoke it and make a new one`;

testRule(keyPrivate, runKey, {
  valid: [
    { name: "the public part of the same key", input: keyInput(key.toPublic().armor(), secret.fingerprint, at) },
    { name: "another public key", input: keyInput(fixture("ed25519.asc").text, fixture("ed25519.asc").fingerprint) },
  ],
  invalid: [
    {
      name: "an unencrypted private key block",
      input: keyInput(secret.text, secret.fingerprint, at),
      findings: [{ messageId: "privateBlock", ...TOP, message: `the file holds secret key material (a PGP PRIVATE KEY BLOCK): ${publishOnly}` }],
    },
    {
      name: "secret key packets armored as a public key block",
      input: keyInput(armor(enums.armor.publicKey, key.write()), secret.fingerprint, at),
      findings: [{ messageId: "secretPackets", ...TOP, message: `the file holds secret key material (secret key packets): ${publishOnly}` }],
    },
    {
      name: "public key packets armored as a private key block",
      input: keyInput(armor(enums.armor.privateKey, key.toPublic().write()), secret.fingerprint, at),
      findings: [{ messageId: "privateBlock", ...TOP }],
    },
    {
      name: "a public key followed by the private key: one finding, and the two keys",
      input: keyInput(fixture("ed25519.asc").text + secret.text, secret.fingerprint, at),
      findings: [otherRule(keyMultiple, "multiple", TOP), { messageId: "privateBlock", ...TOP }],
    },
  ],
  /** The page's key file is the private fixture's. */
  example: (text) => keyInput(text, secret.fingerprint, at),
});
