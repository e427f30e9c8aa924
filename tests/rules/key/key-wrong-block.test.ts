/**
 * key-wrong-block on key files read by inspectKey: armor that openpgp.js reads, of a kind that is
 * not a key (a signature, a signed or encrypted message, a part of one), each at its BEGIN line.
 */
import { armor, createCleartextMessage, createMessage, encrypt, enums, readKey, readPrivateKey, sign } from "openpgp";
import keyWrongBlock from "../../../src/rules/key/key-wrong-block.ts";
import { positionOf, testRule } from "../../support/rule-tester.ts";
import { fixture, keyInput, runKey, TOP } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const hex = ed.fingerprint.hex;
const signer = await readPrivateKey({ armoredKey: fixture("private.asc").text });
const signature = await sign({ message: await createMessage({ text: "policy" }), signingKeys: signer, detached: true });
const signed = await sign({ message: await createCleartextMessage({ text: "policy" }), signingKeys: signer });
const encrypted = await encrypt({ message: await createMessage({ text: "report" }), encryptionKeys: await readKey({ armoredKey: ed.text }) });
const part = armor(enums.armor.multipartLast, new Uint8Array([1, 2, 3]), 2);
const needs = `not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor ${hex}`;
const before = "Some text before the armor.\n";

testRule(keyWrongBlock, runKey, {
  valid: [
    { name: "a public key block", input: keyInput(ed.text, ed.fingerprint) },
    { name: "a private key block, which is key-private's", input: keyInput(fixture("private.asc").text, fixture("private.asc").fingerprint, { email: "private@example.org" }) },
  ],
  invalid: [
    {
      name: "a detached signature",
      input: keyInput(signature, ed.fingerprint),
      findings: [{ messageId: "signature", ...TOP, message: `the file holds a detached signature (-----BEGIN PGP SIGNATURE-----), ${needs}` }],
    },
    {
      name: "a cleartext-signed message after a line of text: the finding stands at its BEGIN line",
      input: keyInput(`${before}${signed}`, ed.fingerprint),
      findings: [{ messageId: "cleartextSigned", line: 2, column: 1, message: `the file holds a cleartext-signed message (-----BEGIN PGP SIGNED MESSAGE-----), ${needs}` }],
    },
    {
      name: "an encrypted message",
      input: keyInput(encrypted, ed.fingerprint),
      findings: [{ messageId: "message", ...TOP, message: `the file holds an OpenPGP message (-----BEGIN PGP MESSAGE-----), such as an encrypted or signed file, ${needs}` }],
    },
    {
      name: "one part of a multi-part message",
      input: keyInput(part, ed.fingerprint),
      findings: [{ messageId: "multipart", ...TOP, message: `the file holds one part of a multi-part OpenPGP message (-----BEGIN PGP MESSAGE, PART ...-----), ${needs}` }],
    },
    {
      name: "a key followed by a signature: the signature is reported where it begins, and the key is judged",
      input: keyInput(ed.text + signature, ed.fingerprint),
      findings: [{ messageId: "signature", ...positionOf(ed.text + signature, ed.text.length) }],
    },
    {
      name: "a signature and a message: each block is reported",
      input: keyInput(`${signature}\n${encrypted}`, ed.fingerprint),
      findings: [
        { messageId: "signature", ...TOP },
        { messageId: "message", ...positionOf(`${signature}\n${encrypted}`, signature.length + 1) },
      ],
    },
  ],
  /** The page's key file, for the contact the Ed25519 fixture is declared for. */
  example: (text) => keyInput(text, ed.fingerprint),
});
