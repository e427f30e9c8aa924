/**
 * key-unreadable on key files read by inspectKey: nothing in the file, no armor, armor whose
 * packets openpgp.js cannot read, and a key of a version no fingerprint of ours describes.
 */
import { unarmor } from "openpgp";
import keyUnreadable from "../../../src/rules/key/key-unreadable.ts";
import { testRule } from "../../support/rule-tester.ts";
import { asV5, fixture, keyInput, runKey, TOP } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const rsa = fixture("rsa.asc");
const hex = ed.fingerprint.hex;
const rsaLines = rsa.text.split("\n");
/** The RSA key's armor with lines missing from its middle: its BEGIN and END lines and checksum stay. */
const holed = [...rsaLines.slice(0, 6), ...rsaLines.slice(-4)].join("\n");
const v5 = asV5((await unarmor(ed.text)).data as Uint8Array);
const replace = `export the key with gpg --export --armor ${hex} and replace the file's contents`;

testRule(keyUnreadable, runKey, {
  valid: [
    { name: "an Ed25519 public key", input: keyInput(ed.text, ed.fingerprint) },
    { name: "an RSA public key", input: keyInput(rsa.text, rsa.fingerprint, { email: rsa.email }) },
    { name: "a v6 public key", input: keyInput(fixture("v6.asc").text, fixture("v6.asc").fingerprint, { email: fixture("v6.asc").email }) },
    { name: "a key after a line of text", input: keyInput(`Our key:\n${ed.text}`, ed.fingerprint) },
  ],
  invalid: [
    { name: "an empty file", input: keyInput("", ed.fingerprint), findings: [{ messageId: "empty", ...TOP, message: `the file is empty: ${replace}` }] },
    { name: "a file of blank lines and spaces", input: keyInput("\n  \n\t\n", ed.fingerprint), findings: [{ messageId: "empty", ...TOP }] },
    {
      name: "an SSH public key, which has no armor",
      input: keyInput("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk security@example.org\n", ed.fingerprint),
      findings: [{ messageId: "notArmored", ...TOP }],
    },
    {
      name: "armor cut off before its end line",
      input: keyInput(ed.text.slice(0, Math.floor(ed.text.length / 2)), ed.fingerprint),
      findings: [{ messageId: "notArmored", ...TOP, message: `this is not a readable OpenPGP armored key (openpgp.js: Misformed armored text): ${replace}` }],
    },
    {
      name: "armor with lines missing from its middle",
      input: keyInput(holed, rsa.fingerprint, { email: rsa.email }),
      findings: [
        {
          messageId: "damaged",
          ...TOP,
          message: `the key block is damaged or incomplete (openpgp.js: Unexpected end of packet): export the key with gpg --export --armor ${rsa.fingerprint.hex} and replace the file's contents`,
        },
      ],
    },
    {
      name: "garbage between armor lines, after a line of text: the finding stands at the block",
      input: keyInput("note\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all!\n-----END PGP PUBLIC KEY BLOCK-----\n", ed.fingerprint),
      findings: [{ messageId: "damaged", line: 2, column: 1 }],
    },
    {
      name: "a damaged block before a good key: the key is still read and judged",
      input: keyInput(`${holed}\n${ed.text}`, ed.fingerprint),
      findings: [{ messageId: "damaged", ...TOP }],
    },
    {
      name: "a v5 key, as openpgp.js ships, which does not read v5",
      input: keyInput(v5, ed.fingerprint),
      findings: [{ messageId: "damaged", ...TOP, message: `the key block is damaged or incomplete (openpgp.js: No key packet found): ${replace}` }],
    },
    {
      name: "a v5 key, read by an openpgp.js set to read v5",
      input: { ...keyInput(v5, ed.fingerprint), parseV5: true },
      findings: [{ messageId: "unsupportedVersion", ...TOP, message: `the key is a version 5 key; only v4 and v6 keys are supported: export a current key with gpg --export --armor ${hex}` }],
    },
  ],
  /** The page's key file, for the contact the Ed25519 fixture is declared for. */
  example: (text) => keyInput(text, ed.fingerprint),
});
