/**
 * key-unused on a project's key folder read by loadPolicyData (a key file named after no
 * contact) and on key files read by inspectKey (during a rotation, a key the site data does not list).
 */
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import keyUnused from "../../../src/rules/key/key-unused.ts";
import fingerprintUnverified from "../../../src/rules/key/fingerprint-unverified.ts";
import { testRule } from "../../support/rule-tester.ts";
import { DATA_FILE, fixture, keyInput, makeKey, runKey, runSite, siteData, TOP, valueAt, type KeyInput, type SiteInput, otherRule } from "./key-text.ts";

const ed = fixture("ed25519.asc");
const rsa = fixture("rsa.asc");
/** A previous key that expired before NOW: on its way out, so the rotation is finished. */
const previous = await makeKey({ keyExpirationTime: 10 * 86_400 });
const extra = await makeKey({}, "extra@example.org");
const data = siteData([{ email: ed.email, fingerprint: ed.fingerprint }]);
const listed = `${ed.fingerprint.hex} ${previous.fingerprint.hex}`;

const run = (input: KeyInput | SiteInput) => ("files" in input ? runSite(input) : runKey(input));

testRule(keyUnused, run, {
  valid: [
    { name: "the contact's key file alone", input: { files: { "_data/security.json": data, "keys/security@example.org.asc": ed.text } } },
    { name: "a key file named after its contact in other letter cases", input: { files: { "_data/security.json": data, "keys/Security@Example.ORG.asc": ed.text } } },
    { name: "a file in the key folder that is not an .asc file", input: { files: { "_data/security.json": data, "keys/security@example.org.asc": ed.text, "keys/README.md": "Our keys.\n" } } },
    { name: "a rotation whose file holds the listed keys", input: keyInput(ed.text + previous.text, ed.fingerprint, { previous: [previous.fingerprint] }) },
    { name: "a second key for a contact that lists one, which is key-multiple's", input: keyInput(ed.text + extra.text, ed.fingerprint) },
  ],
  invalid: [
    {
      name: "a key file named after no contact",
      input: { files: { "_data/security.json": data, "keys/security@example.org.asc": ed.text, "keys/old@example.org.asc": rsa.text } },
      findings: [
        {
          messageId: "noContact",
          ...TOP,
          message: `old@example.org.asc belongs to no declared contact, so it is neither checked nor published; name it <email>.asc after a contact in ${DATA_FILE}, or remove it`,
        },
      ],
    },
    {
      name: "the only key file, named after no contact: the contact's fingerprint is unverified too",
      input: { files: { "_data/security.json": data, "keys/security.asc": ed.text } },
      findings: [
        otherRule(fingerprintUnverified, "unverified", valueAt(data, "fingerprint")),
        { messageId: "noContact", ...TOP },
      ],
    },
    {
      name: "a key in a rotation's file that the site data does not list",
      input: keyInput(ed.text + previous.text + extra.text, ed.fingerprint, { previous: [previous.fingerprint] }),
      findings: [
        {
          messageId: "unlisted",
          ...TOP,
          message: `the file holds the key ${formatFingerprint(extra.fingerprint)}, which the site data does not list for ${ed.email}: export only the listed keys with gpg --export --armor ${listed}, or list it in content/_data/security.json`,
        },
      ],
    },
    {
      name: "two keys in a rotation's file that the site data does not list, each reported",
      input: keyInput(rsa.text + ed.text + previous.text + extra.text, ed.fingerprint, { previous: [previous.fingerprint] }),
      findings: [
        { messageId: "unlisted", ...TOP },
        { messageId: "unlisted", ...TOP },
      ],
    },
  ],
  /** The page's key file, beside the contact's own key file, in a project that declares that contact alone. */
  example: (text) => ({ files: { "_data/security.json": data, "keys/security@example.org.asc": ed.text, "keys/alice@example.org.asc": text } }),
});
