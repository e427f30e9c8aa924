import keyserverMismatch from "../../../src/rules/page/keyserver-mismatch.ts";
import { testRule } from "../../support/rule-tester.ts";
import { contact, GROUPED, HEX, OTHER, runPage, SECURITY, V6, type PageInput } from "./page-input.ts";

/** A page with one link, reading "the key", at line 2, column 1. */
const lookUp = (href: string, contacts = [SECURITY]): PageInput => ({ html: `<h2>Keys</h2>\n<a href="${href}">the key</a>`, contacts });

/** HEX's long key ID (its last 16 digits) and short key ID (its last 8). */
const KEY_ID = "E880C9B8C5B53E91";
const SHORT_KEY_ID = "C5B53E91";
/** A long key ID and a fingerprint one digit off HEX's. */
const WRONG_KEY_ID = "E880C9B8C5B53E92";
const WRONG = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E92";

const V6_CONTACT = contact("security@example.org", V6);

/** WRONG as gpg prints it, in groups of four with a double space in the middle. */
const WRONG_GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E92";
/** A query value as a form writes it: spaces as `+`. */
const plus = (text: string) => text.replace(/ /g, "+");

testRule<PageInput, typeof keyserverMismatch.messages>(keyserverMismatch, runPage, {
  valid: [
    { name: "keys.openpgp.org's lookup by the declared fingerprint", input: lookUp(`https://keys.openpgp.org/vks/v1/by-fingerprint/${HEX}`) },
    { name: "keys.openpgp.org's search for the declared fingerprint", input: lookUp(`https://keys.openpgp.org/search?q=${HEX}`) },
    { name: "an HKP lookup of the declared fingerprint written 0x…", input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${HEX}`) },
    { name: "an HKP lookup of the declared fingerprint in lower case", input: lookUp(`https://pgp.mit.edu/pks/lookup?op=index&fingerprint=on&search=0x${HEX.toLowerCase()}`) },
    { name: "a lookup by the declared key's long key ID after by-keyid/", input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${KEY_ID}`) },
    { name: "a lookup by the declared key's long key ID written 0x…", input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=0x${KEY_ID}`) },
    { name: "a v6 key looked up by its long key ID, its first 16 digits", input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${V6.slice(0, 16)}`, [V6_CONTACT]) },
    { name: "a v6 key looked up by its last 16 digits", input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${V6.slice(-16)}`, [V6_CONTACT]) },
    { name: "a v6 key looked up by its fingerprint", input: lookUp(`https://keys.openpgp.org/vks/v1/by-fingerprint/${V6}`, [V6_CONTACT]) },
    { name: "a lookup of the second contact's key", input: lookUp(`https://keys.openpgp.org/search?q=${OTHER}`, [SECURITY, contact("psirt@example.org", OTHER)]) },
    { name: "a lookup of the previous key during a rotation", input: lookUp(`https://keys.openpgp.org/search?q=${OTHER}`, [contact("security@example.org", HEX, OTHER)]) },
    { name: "a commit hash on a code host is no key", input: lookUp(`https://github.com/example/project/commit/${WRONG}`) },
    { name: "eight bare hex digits in a keyserver's address are no key ID", input: lookUp(`https://keys.openpgp.org/search?q=${SHORT_KEY_ID}`) },
    { name: "a keyserver link without a key", input: lookUp("https://keys.openpgp.org/about") },
    { name: "a mailto link is not read for keys", input: lookUp(`mailto:security@example.org?subject=key%200x${SHORT_KEY_ID}`) },
    { name: "keys.openpgp.org's search for the declared fingerprint in groups, spaces written +", input: lookUp(`https://keys.openpgp.org/search?q=${plus(GROUPED)}`) },
    { name: "an HKP search for the declared fingerprint in groups, spaces written %20", input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${GROUPED.replace(/ /g, "%20")}`) },
    { name: "an HKP search for the declared long key ID in groups", input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=${plus("E880 C9B8 C5B5 3E91")}`) },
    { name: "hex words in a search on a site that is no keyserver", input: lookUp(`https://example.org/search?q=${plus("dead beef cafe babe")}`) },
    { name: "a Keybase key link naming the declared fingerprint", input: lookUp(`https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${HEX.toLowerCase()}`) },
    { name: "an openpgp4fpr: link to the declared fingerprint", input: lookUp(`openpgp4fpr:${HEX}`) },
    { name: "an OPENPGP4FPR: link to the declared fingerprint, in lower case, with Autocrypt's fragment", input: lookUp(`OPENPGP4FPR:${HEX.toLowerCase()}#a=security%40example.org`) },
  ],
  invalid: [
    {
      name: "an HKP lookup by a short (8-digit) key ID, even the declared key's",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${SHORT_KEY_ID}`),
      findings: [
        {
          messageId: "shortKeyId",
          line: 2,
          column: 1,
          message: "link looks up the short key ID 0xC5B53E91, which anyone can collide with; look the key up by its full fingerprint",
        },
      ],
    },
    {
      name: "a short key ID written 0x… in any address, in lower case, quoted as written",
      input: lookUp(`https://example.org/key?id=0x${SHORT_KEY_ID.toLowerCase()}`),
      findings: [{ messageId: "shortKeyId", line: 2, column: 1, message: "link looks up the short key ID 0xc5b53e91, which anyone can collide with; look the key up by its full fingerprint" }],
    },
    {
      name: "a long (16-digit) key ID after by-keyid/ that is no declared key's",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${WRONG_KEY_ID}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: "link looks up key ID E880C9B8C5B53E92, which is not a declared key; it should be 0xE880C9B8C5B53E91" }],
    },
    {
      name: "a key ID in lower case is quoted in lower case, as the link writes it",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${WRONG_KEY_ID.toLowerCase()}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: "link looks up key ID e880c9b8c5b53e92, which is not a declared key; it should be 0xE880C9B8C5B53E91" }],
    },
    {
      name: "a long key ID written 0x… on a site that is no keyserver",
      input: lookUp(`https://example.org/key?id=0x${WRONG_KEY_ID}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1 }],
    },
    {
      name: "a long key ID with a percent-escaped digit",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=0x%45880C9B8C5B53E92`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: "link looks up key ID E880C9B8C5B53E92, which is not a declared key; it should be 0xE880C9B8C5B53E91" }],
    },
    {
      name: "a v4 key looked up by its first 16 digits, which are not its key ID",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${HEX.slice(0, 16)}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: "link looks up key ID 7FC16F16A8B3D4C7, which is not a declared key; it should be 0xE880C9B8C5B53E91" }],
    },
    {
      name: "a v6 key looked up by 16 digits from its middle",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${V6.slice(16, 32)}`, [V6_CONTACT]),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: `link looks up key ID ${V6.slice(16, 32)}, which is not a declared key; it should be 0x${V6.slice(0, 16)}` }],
    },
    {
      name: "a long key ID that is neither of two contacts' names both in what it should be",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-keyid/${WRONG_KEY_ID}`, [SECURITY, contact("psirt@example.org", OTHER)]),
      findings: [
        {
          messageId: "keyIdNotDeclared",
          line: 2,
          column: 1,
          message: "link looks up key ID E880C9B8C5B53E92, which is not a declared key; it should be 0xE880C9B8C5B53E91 or 0x116727A60111BF2D",
        },
      ],
    },
    {
      name: "a fingerprint after by-fingerprint/ that is no declared key's",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-fingerprint/${WRONG}`),
      findings: [
        {
          messageId: "fingerprintNotDeclared",
          line: 2,
          column: 1,
          message: `link looks up fingerprint ${WRONG}, which is not a declared key; it should be ${HEX}`,
        },
      ],
    },
    {
      name: "a bare fingerprint in keys.openpgp.org's search",
      input: lookUp(`https://keys.openpgp.org/search?q=${WRONG}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1 }],
    },
    {
      name: "a bare fingerprint in an HKP lookup on a host that names no keyserver",
      input: lookUp(`https://example.net/pks/lookup?op=get&search=${WRONG}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1 }],
    },
    {
      name: "a bare fingerprint on an hkps:// keyserver",
      input: lookUp(`hkps://keys.openpgp.org/${WRONG}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1 }],
    },
    {
      name: "a v6 fingerprint that is no declared key's",
      input: lookUp(`https://keys.openpgp.org/vks/v1/by-fingerprint/${V6}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${V6}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "hex written 0x… of no key ID's length is read as a fingerprint",
      input: lookUp("https://example.org/key?id=0xE880C9B8C5B53E91AB"),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint E880C9B8C5B53E91AB, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a fingerprint of neither of two contacts names both in what it should be, during a rotation too",
      input: lookUp(`https://keys.openpgp.org/search?q=${WRONG}`, [contact("security@example.org", V6, HEX), contact("psirt@example.org", OTHER)]),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${WRONG}, which is not a declared key; it should be ${V6} or ${HEX} or ${OTHER}` }],
    },
    {
      name: "a wrong long key ID and then a short key ID in one link: both are reported",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=0x${WRONG_KEY_ID}&also=0x${SHORT_KEY_ID}`),
      findings: [
        { messageId: "keyIdNotDeclared", line: 2, column: 1 },
        { messageId: "shortKeyId", line: 2, column: 1 },
      ],
    },
    {
      name: "after a short key ID the rest of the link is not read",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=0x${SHORT_KEY_ID}&also=0x${WRONG_KEY_ID}`),
      findings: [{ messageId: "shortKeyId", line: 2, column: 1 }],
    },
    {
      name: "a grouped fingerprint in keys.openpgp.org's search, one digit off",
      input: lookUp(`https://keys.openpgp.org/search?q=${plus(WRONG_GROUPED)}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${WRONG}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a grouped fingerprint written 0x… and %20 in an HKP search, one digit off",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${WRONG_GROUPED.replace(/ /g, "%20")}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${WRONG}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a grouped fingerprint with a group of three is read as the digits it has",
      input: lookUp(`https://keys.openpgp.org/search?q=${plus("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9")}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${HEX.slice(0, -1)}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a grouped long key ID one digit off",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=${plus("E880 C9B8 C5B5 3E92")}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1, message: "link looks up key ID E880C9B8C5B53E92, which is not a declared key; it should be 0xE880C9B8C5B53E91" }],
    },
    {
      name: "a Keybase key link naming a fingerprint one digit off",
      input: lookUp(`https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${WRONG.toLowerCase()}`),
      // Quoted as the link writes it, in lower case.
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${WRONG.toLowerCase()}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a Keybase key link naming a long key ID of no declared key",
      input: lookUp(`https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${WRONG_KEY_ID}`),
      findings: [{ messageId: "keyIdNotDeclared", line: 2, column: 1 }],
    },
    {
      name: "an openpgp4fpr: link one digit off",
      input: lookUp(`openpgp4fpr:${WRONG}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${WRONG}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "an openpgp4fpr: link with the long key ID only, which the scheme does not take",
      input: lookUp(`openpgp4fpr:${KEY_ID}`),
      findings: [{ messageId: "fingerprintNotDeclared", line: 2, column: 1, message: `link looks up fingerprint ${KEY_ID}, which is not a declared key; it should be ${HEX}` }],
    },
    {
      name: "a link with a broken escape is still read",
      input: lookUp(`https://keyserver.ubuntu.com/pks/lookup?search=0x${SHORT_KEY_ID}&note=100%ZZ`),
      findings: [{ messageId: "shortKeyId", line: 2, column: 1 }],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});
