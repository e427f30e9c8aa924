import { describe, expect, it } from "vitest";
import { readKeyLink, type KeyLink } from "../src/formats/key-link.ts";

const FP = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
const GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91";
const fingerprint = (hex: string, written = hex): KeyLink => ({ references: [{ hex, written, kind: "fingerprint" }] });
const keyId = (hex: string, written = hex): KeyLink => ({ references: [{ hex, written, kind: "key-id" }] });
const none: KeyLink = { references: [] };

describe("readKeyLink", () => {
  it.each<[string, string, KeyLink]>([
    ["a grouped fingerprint in a query, spaces written +", `https://keys.openpgp.org/search?q=${GROUPED.replace(/ /g, "+")}`, fingerprint(FP)],
    ["a grouped fingerprint in a query, spaces written %20, after 0x", `https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${GROUPED.replace(/ /g, "%20")}`, fingerprint(FP)],
    ["a grouped fingerprint in lower case, with no-break spaces", `https://keyserver.ubuntu.com/pks/lookup?search=${GROUPED.toLowerCase().replace(/ /g, "%C2%A0")}`, fingerprint(FP, FP.toLowerCase())],
    ["a grouped long key ID in a query", "https://keyserver.ubuntu.com/pks/lookup?search=E880+C9B8+C5B5+3E91", keyId("E880C9B8C5B53E91")],
    ["a grouped fingerprint a digit short, read as the digits it has", "https://keys.openpgp.org/search?q=7FC1+6F16+A8B3+D4C7+4BC3+3A73+E880+C9B8+C5B5+3E9", fingerprint(FP.slice(0, -1))],
    ["a grouped fingerprint after a broken escape elsewhere in the query", `https://keys.openpgp.org/search?note=100%ZZ&q=${GROUPED.replace(/ /g, "+")}`, fingerprint(FP)],
    ["grouped hex on a site that is no keyserver, not written 0x", "https://example.org/search?q=DEAD+BEEF+CAFE+BABE", none],
    ["words in a keyserver search", "https://keys.openpgp.org/search?q=security+team+at+example", none],
    ["a Keybase key with its fingerprint", `https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${FP.toLowerCase()}`, fingerprint(FP, FP.toLowerCase())],
    ["a Keybase key with a long key ID as its fingerprint", "https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=e880c9b8c5b53e91", keyId("E880C9B8C5B53E91", "e880c9b8c5b53e91")],
    ["a Keybase key with a grouped fingerprint", `https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${GROUPED.replace(/ /g, "+")}`, fingerprint(FP)],
    ["a Keybase key without its fingerprint", "https://keybase.io/examplemaint/pgp_keys.asc", { references: [], problem: { code: "keybaseNoFingerprint", values: { account: "examplemaint" } } }],
    ["a Keybase profile", "https://keybase.io/examplemaint", none],
    ["an openpgp4fpr: URI", `openpgp4fpr:${FP.toLowerCase()}`, fingerprint(FP, FP.toLowerCase())],
    ["an OPENPGP4FPR: URI with Autocrypt's fragment", `OPENPGP4FPR:${FP}#a=security%40example.org&n=Security`, fingerprint(FP)],
    ["an openpgp4fpr: URI with a key ID, which it does not take", "openpgp4fpr:E880C9B8C5B53E91", fingerprint("E880C9B8C5B53E91")],
    ["a GitHub account's keys", "https://github.com/example-maintainer.gpg", { references: [], problem: { code: "githubKeys", values: { account: "example-maintainer" } } }],
    ["a GitHub account's SSH keys", "https://github.com/example-maintainer.keys", none],
    ["a commit on GitHub", `https://github.com/example/project/commit/${FP.toLowerCase()}`, none],
    ["a keyserver lookup by fingerprint, as before", `https://keys.openpgp.org/vks/v1/by-fingerprint/${FP}`, fingerprint(FP)],
  ])("%s", (_, href, expected) => {
    expect(readKeyLink(href)).toEqual(expected);
  });
});
