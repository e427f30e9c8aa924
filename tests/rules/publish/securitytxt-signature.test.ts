import { readFileSync } from "node:fs";
import path from "node:path";
import { createCleartextMessage, readKeys, readPrivateKey, sign } from "openpgp";
import { fingerprintOf } from "../../../src/formats/openpgp.ts";
import securitytxtSignature from "../../../src/rules/publish/securitytxt-signature.ts";
import { checkSecurityTxtFile, type GivenKey } from "../../../src/verify/check.ts";
import { ROOT } from "../../support/fixture-site.ts";
import { testRule } from "../../support/rule-tester.ts";

/** When the files are judged: before Expires, after the signatures were made. */
const NOW = new Date("2026-02-01T12:00:00Z");
const KEYS = path.join(ROOT, "tests/fixtures/keys");

/** A fixture's public key, as `check --keys` reads it. */
async function given(name: string): Promise<GivenKey> {
  const [key] = await readKeys({ armoredKeys: readFileSync(path.join(KEYS, name), "utf8") });
  const publicKey = key!.isPrivate() ? key!.toPublic() : key!;
  return { file: `keys/${name}`, key: publicKey, fingerprint: fingerprintOf(key!)!, armored: publicKey.armor(), emails: key!.users.flatMap((u) => (u.userID?.email ? [u.userID.email] : [])) };
}

const FIELDS = [
  "Contact: mailto:security@example.org",
  "Expires: 2026-12-31T23:00:00Z",
  "Encryption: https://example.org/security/keys/security@example.org.asc",
  "Canonical: https://example.org/.well-known/security.txt",
  "",
].join("\n");

/** FIELDS signed by private.asc's key, whose public part is `signer`. */
const signer = await given("private.asc");
const other = await given("ed25519.asc");
const signed = await sign({
  message: await createCleartextMessage({ text: FIELDS }),
  signingKeys: await readPrivateKey({ armoredKey: readFileSync(path.join(KEYS, "private.asc"), "utf8") }),
  date: new Date("2026-01-15T12:00:00Z"),
});

const run = async (input: { text: string; keys: GivenKey[] }) => await checkSecurityTxtFile("security.txt", input.text, input.keys, NOW, []);

testRule(securitytxtSignature, run, {
  valid: [
    { name: "a file signed by a key given", input: { text: signed, keys: [other, signer] } },
    { name: "a file that is not signed", input: { text: FIELDS, keys: [] } },
    // With no key at all, a notice says how to verify it (tests/check.test.ts): RFC 9116 does not make the key a requirement.
    { name: "a signed file checked without any key", input: { text: signed, keys: [] } },
  ],
  invalid: [
    { name: "a file signed by a key that is not given", input: { text: signed, keys: [other] }, findings: [{ messageId: "unknownSigner", line: 1, column: 1 }] },
    {
      name: "a file changed after it was signed",
      input: { text: signed.replace("2026-12-31T23:00:00Z", "2026-12-30T23:00:00Z"), keys: [signer] },
      findings: [{ messageId: "notVerified", line: 1, column: 1 }],
    },
    {
      name: "a signature block whose armor is whole but whose packets are not a signature",
      input: { text: `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${FIELDS}-----BEGIN PGP SIGNATURE-----\n\nwgECAwQF\n=SW4P\n-----END PGP SIGNATURE-----\n`, keys: [signer] },
      findings: [{ messageId: "unreadable", line: 1, column: 1 }],
    },
  ],
  // A security.txt signed by private.asc's key, checked with --keys holding only ed25519.asc.
  example: (text) => ({ text, keys: [other] }),
});
