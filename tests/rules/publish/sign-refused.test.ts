/**
 * sign-refused on what planPublication is given with a signing key (made here with openpgp.js,
 * its dates fixed around the build's moment, 2026-11-25T12:00:00Z): each reason to refuse, at
 * the signing key's variable, or in the site data where the fix belongs; and the limits of an
 * expired key and of a key that expires before security.txt does, on each side.
 */
import { readFileSync } from "node:fs";
import { generateKey, readKey, readPrivateKey, revokeKey } from "openpgp";
import { GOOD, json, KEY, plan, type PlanInput } from "./plan-input.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import signRefused from "../../../src/rules/publish/sign-refused.ts";
import { testRule } from "../../support/rule-tester.ts";
import { valueOf } from "../data/site-data-text.ts";

const DAY_S = 86_400;
const EMAIL = "security@example.org";
const PASSPHRASE = "correct horse battery staple";

interface TestKey {
  armored: string;
  publicArmored: string;
  hex: string;
  grouped: string;
}

async function makeKey(created: string, options: { days?: number; passphrase?: string | null; signingSubkeyDays?: number } = {}): Promise<TestKey> {
  const { privateKey } = await generateKey({
    type: "ecc",
    curve: "ed25519Legacy",
    userIDs: [{ name: "Security Team", email: EMAIL }],
    date: new Date(created),
    ...(options.days !== undefined ? { keyExpirationTime: options.days * DAY_S } : {}),
    ...(options.signingSubkeyDays !== undefined ? { subkeys: [{}, { sign: true, keyExpirationTime: options.signingSubkeyDays * DAY_S }] } : {}),
    ...(options.passphrase === null ? {} : { passphrase: options.passphrase ?? PASSPHRASE }),
    format: "armored",
  });
  const key = await readPrivateKey({ armoredKey: privateKey });
  const hex = key.getFingerprint().toUpperCase();
  return { armored: privateKey, publicArmored: key.toPublic().armor(), hex, grouped: formatFingerprint({ version: 4, hex }) };
}

const [declared, stranger, plain, expired, lasting400, withSubkey, notYetValid] = await Promise.all([
  makeKey("2026-01-01T00:00:00Z", { days: 730 }),
  makeKey("2026-01-01T00:00:00Z", { days: 730 }),
  makeKey("2026-01-01T00:00:00Z", { passphrase: null }),
  makeKey("2025-01-01T00:00:00Z", { days: 30 }),
  makeKey("2026-01-01T00:00:00Z", { days: 400 }),
  makeKey("2026-11-20T00:00:00Z", { days: 730, signingSubkeyDays: 60 }),
  makeKey("2026-12-01T00:00:00Z", { days: 730 }),
]);
const revoked: TestKey = await (async () => {
  const key = await makeKey("2026-01-01T00:00:00Z", { passphrase: null });
  const { privateKey } = await revokeKey({ key: await readPrivateKey({ armoredKey: key.armored }), date: new Date("2026-11-01T00:00:00Z"), format: "armored" });
  return { ...key, armored: privateKey };
})();
/** The key with a signing subkey, published without it. */
const withoutSubkey = await (async () => {
  const published = await readKey({ armoredKey: withSubkey.publicArmored });
  const signing = published.subkeys[1]!.getKeyID();
  published.subkeys = published.subkeys.filter((s) => !s.getKeyID().equals(signing));
  return published.armor();
})();

/** Site data declaring `key` as the contact's, signed with `signer` (by default the same key). */
function signed(key: TestKey, options: { signer?: string; passphrase?: string; data?: object; published?: string | null; now?: string; site?: PlanInput["site"] } = {}): PlanInput {
  const data = { ...GOOD, reviewed: "2026-11-25", contacts: [{ email: EMAIL, fingerprint: key.grouped }], ...options.data };
  const published = options.published === undefined ? key.publicArmored : options.published;
  return {
    data,
    keys: { [EMAIL]: published === null ? null : { ...KEY, publicArmored: published } },
    options: { signingKey: options.signer ?? key.armored, signingPassphrase: "passphrase" in options ? options.passphrase : PASSPHRASE },
    ...(options.now ? { now: new Date(options.now) } : {}),
    ...(options.site ? { site: options.site } : {}),
  };
}
const dataOf = (input: PlanInput) => json(input.data);

const AT_VARIABLE = { line: 1, column: 1 };
const TOP = { line: 1, column: 1 };
const extend = (hex: string) => `extend it with gpg --quick-set-expire ${hex} 1y, and its subkeys with gpg --quick-set-expire ${hex} 1y '*', then export it again`;

const UNDECLARED = signed(declared, { signer: stranger.armored });
const TOO_SOON_FIXED = signed(lasting400, { data: { expires: "2027-02-05T00:00:01Z" } });

/** A private key of no declared contact, kept with the fixtures (private@example.org, no passphrase), so that its fingerprint stays the same. */
const FIXTURE_PRIVATE_KEY = readFileSync(new URL("../../fixtures/keys/private.asc", import.meta.url), "utf8");

testRule(signRefused, plan, {
  // The site data as written, signed with that key.
  example: (text) => ({ text, options: { signingKey: FIXTURE_PRIVATE_KEY, signingPassphrase: undefined } }),
  valid: [
    { name: "no signing key", input: { data: { ...GOOD, reviewed: "2026-11-25" } } },
    { name: "the declared key, unlocked by its passphrase", input: signed(declared) },
    { name: "a key without a passphrase, one given all the same", input: signed(plain) },
    { name: "a contact without a key file: the signature is verified with the signing key", input: signed(declared, { published: null }) },
    { name: "a key that expires at the very moment security.txt does", input: signed(lasting400, { data: { expires: "2027-02-05T00:00:00Z" } }) },
  ],
  invalid: [
    {
      name: "a public key where the private key belongs",
      input: signed(declared, { signer: declared.publicArmored }),
      findings: [
        {
          messageId: "publicOnly",
          ...AT_VARIABLE,
          message: "cannot sign security.txt: SECURITY_TXT_SIGNING_KEY holds a public key; signing needs the private key: export it with gpg --export-secret-keys --armor <fingerprint>",
        },
      ],
    },
    { name: "text that is no key", input: signed(declared, { signer: "not a key" }), findings: [{ messageId: "unreadable", ...AT_VARIABLE }] },
    {
      name: "a protected key without its passphrase",
      input: signed(declared, { passphrase: undefined }),
      findings: [
        {
          messageId: "passphraseNotSet",
          ...AT_VARIABLE,
          message: `cannot sign security.txt: the signing key ${declared.grouped} is protected by a passphrase, and SECURITY_TXT_SIGNING_PASSPHRASE is not set: set it to the key's passphrase`,
        },
      ],
    },
    { name: "a protected key with an empty passphrase", input: signed(declared, { passphrase: "" }), findings: [{ messageId: "passphraseNotSet", ...AT_VARIABLE }] },
    { name: "a protected key with a wrong passphrase", input: signed(declared, { passphrase: "wrong" }), findings: [{ messageId: "passphraseWrong", ...AT_VARIABLE }] },
    {
      name: "a key of no declared contact, at the contacts",
      input: UNDECLARED,
      findings: [
        {
          messageId: "undeclared",
          ...valueOf(dataOf(UNDECLARED), "contacts"),
          message: `cannot sign security.txt: the signing key ${stranger.grouped} is not the key of a declared contact (${EMAIL} (${declared.grouped})); readers check the signature against a contact's key: sign with one of those keys, or declare the key's owner as a contact`,
        },
      ],
    },
    {
      name: "a revoked key",
      input: signed(revoked),
      findings: [
        {
          messageId: "revoked",
          ...AT_VARIABLE,
          message: `cannot sign security.txt: the signing key ${revoked.grouped} of ${EMAIL} is revoked; a signature by it tells readers not to trust the file: sign with the key that replaced it, and declare that one`,
        },
      ],
    },
    {
      name: "a key that expired long before the build",
      input: signed(expired),
      findings: [{ messageId: "expired", ...AT_VARIABLE, message: `cannot sign security.txt: the signing key ${expired.grouped} of ${EMAIL} expired on 2025-01-31: ${extend(expired.hex)}` }],
    },
    { name: "a key that expires at the moment of the build", input: signed(expired, { now: "2025-01-31T00:00:00Z", data: { reviewed: "2025-01-31" } }), findings: [{ messageId: "expired", ...AT_VARIABLE }] },
    {
      name: "a key a second before it expires, which expires before security.txt does",
      input: signed(expired, { now: "2025-01-30T23:59:59Z", data: { reviewed: "2025-01-30" } }),
      findings: [{ messageId: "keyExpiresTooSoon", ...TOP }],
    },
    { name: "a key made after the moment of the build", input: signed(notYetValid), findings: [{ messageId: "noSigningKey", ...AT_VARIABLE }] },
    {
      name: "a key that expires a second before the fixed Expires, at \"expires\"",
      input: TOO_SOON_FIXED,
      findings: [
        {
          messageId: "keyExpiresTooSoon",
          ...valueOf(dataOf(TOO_SOON_FIXED), "expires"),
          message: `cannot sign security.txt: the signing key ${lasting400.grouped} of ${EMAIL} expires on 2027-02-05T00:00:00Z, before security.txt's Expires 2027-02-05T00:00:01Z: readers would find an expired signature on a current file; ${extend(lasting400.hex)}, or set an earlier "expires"`,
        },
      ],
    },
    { name: "a key that expires before the default Expires, at the top of the data, which has no \"expires\"", input: signed(lasting400), findings: [{ messageId: "keyExpiresTooSoon", ...TOP }] },
    {
      name: "a key whose signing subkey expires before security.txt does",
      input: signed(withSubkey),
      findings: [
        {
          messageId: "subkeyExpiresTooSoon",
          ...TOP,
          message: `cannot sign security.txt: the signing subkey of ${withSubkey.grouped} of ${EMAIL} expires on 2027-01-19T00:00:00Z, before security.txt's Expires 2027-05-24T00:00:00Z: readers would find an expired signature on a current file; ${extend(withSubkey.hex)}, or set an earlier "expires"`,
        },
      ],
    },
    {
      name: "a published key without the signing subkey",
      input: signed(withSubkey, { published: withoutSubkey, data: { expires: "2027-01-01T00:00:00Z" } }),
      findings: [{ messageId: "notVerifiedByPublishedKey", ...AT_VARIABLE }],
    },
    {
      name: "a file whose signed text does not read back as written (a line that ends in a space), without a key file",
      input: signed(declared, { published: null, site: { hiring: ["https://example.org/jobs/ "] } }),
      findings: [
        {
          messageId: "notVerifiedByOwnKey",
          ...AT_VARIABLE,
          message: `cannot sign security.txt: the signature made with ${declared.grouped} does not verify against the signing key's public part (the verified text differs from the text that was signed): export the public key again from the same key, with its signing subkey (gpg --export --armor ${declared.hex})`,
        },
      ],
    },
  ],
});
