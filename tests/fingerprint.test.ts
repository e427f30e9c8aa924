import { describe, expect, it } from "vitest";
import {
  describeDifference,
  findFingerprints,
  formatFingerprint,
  keyIdOf,
  keyReferencesInUrl,
  keyserverLookupHost,
  parseFingerprint,
  referencesKey,
} from "../src/formats/fingerprint.ts";
import fingerprintMalformed, { checkFingerprint } from "../src/rules/page/fingerprint-malformed.ts";

const SEED = "0168DA2629890DB94ACD8367E683061E2F85C381";
const V6 = "F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F";

describe("parseFingerprint", () => {
  it.each([
    ["grouped with single spaces", "0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C381"],
    ["grouped with gpg's double space", "0168 DA26 2989 0DB9 4ACD  8367 E683 061E 2F85 C381"],
    ["unbroken", SEED],
    ["in lower case", SEED.toLowerCase()],
    ["with 0x", `0x${SEED}`],
    ["with non-breaking spaces", "0168\u00a0DA26\u00a02989\u00a00DB9\u00a04ACD\u00a08367\u00a0E683\u00a0061E\u00a02F85\u00a0C381"],
  ])("a v4 fingerprint %s reads as 40 upper-case digits", (_, text) => {
    expect(parseFingerprint(text)).toEqual({ fingerprint: { version: 4, hex: SEED } });
  });

  it("a 64-digit fingerprint is a v6 one", () => {
    expect(parseFingerprint(formatFingerprint({ version: 6, hex: V6 }))).toEqual({ fingerprint: { version: 6, hex: V6 } });
  });

  it.each([
    ["a digit too few", SEED.slice(0, 39), /39 hex digits/],
    ["a digit too many", `${SEED}0`, /41 hex digits/],
    ["a group too few", "0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85", /36 hex digits/],
    ["a letter that is not hex", "0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C38G", /"G", which is not a hex digit/],
    ["a group of three and one of five", "0168 DA2 62989 0DB9 4ACD 8367 E683 061E 2F85 C381", /group "DA2" of 3 digits/],
    ["a gap of three spaces", "0168 DA26 2989 0DB9 4ACD   8367 E683 061E 2F85 C381", /more than two spaces/],
  ])("a fingerprint with %s is malformed", (_, text, message) => {
    expect(parseFingerprint(text).fingerprint).toBeUndefined();
    const { fingerprint, problem } = checkFingerprint(text);
    expect(fingerprint).toBeUndefined();
    expect(problem?.rule).toBe("fingerprint-malformed");
    expect(problem?.message).toMatch(message);
  });
});

describe("formatFingerprint and key IDs", () => {
  it("groups a fingerprint in fours", () => {
    expect(formatFingerprint({ version: 4, hex: SEED })).toBe("0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C381");
  });

  it("the key ID of a v4 key is its last 16 digits, as the seed's keyserver link uses it", () => {
    expect(keyIdOf({ version: 4, hex: SEED })).toBe("E683061E2F85C381");
  });

  it("the key ID of a v6 key is its first 16 digits (RFC 9580)", () => {
    expect(keyIdOf({ version: 6, hex: V6 })).toBe("F6DCBD9A9F48C5F1");
  });

  it("a near miss names the digit that differs", () => {
    const wrong = `${SEED.slice(0, 39)}2`;
    expect(describeDifference({ version: 4, hex: wrong }, { version: 4, hex: SEED })).toBe("digit 40 is 2 where the declared fingerprint has 1");
  });

  it("a v6 fingerprint against a v4 one says the versions differ", () => {
    expect(describeDifference({ version: 6, hex: V6 }, { version: 4, hex: SEED })).toMatch(/v6 fingerprint and the declared one is v4/);
  });
});

describe("findFingerprints in running text", () => {
  it("finds the seed's fingerprint after the address, at its offset", () => {
    const text = "security@ballerina.io: 0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C381 pgp.surfnet.nl";
    const [found, ...rest] = findFingerprints(text);
    expect(rest).toEqual([]);
    expect(found?.index).toBe(23);
    expect(found?.fingerprint).toEqual({ version: 4, hex: SEED });
  });

  it("a fingerprint followed by a short word is still found, not swallowed into a longer near miss", () => {
    for (const after of ["and", "pgp", "at", "(key)"]) {
      const [found, ...rest] = findFingerprints(`0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C381 ${after} more`);
      expect(rest).toEqual([]);
      expect(found?.fingerprint?.hex).toBe(SEED);
    }
  });

  it("finds a near miss too, so that it is reported rather than ignored", () => {
    const [found] = findFingerprints("key: 0168 DA26 2989 0DB9 4ACD 8367 E683 061E 2F85 C38");
    expect(found?.problem && fingerprintMalformed.fromFormat(found.problem).rule).toBe("fingerprint-malformed");
  });

  it("finds an unbroken fingerprint a digit short", () => {
    const [found] = findFingerprints(`fingerprint ${SEED.slice(1)}.`);
    expect(found?.problem && fingerprintMalformed.fromFormat(found.problem).message).toMatch(/39 hex digits/);
  });

  it.each([
    "The reported vulnerability gets fixed and the solution gets verified by the relevant teams.",
    "Deaf bead face cafe fade dead beef babe",
    "Version 1.2.3 was released on 2024-01-01 with 24 hours of notice.",
    "https://github.com/ballerina-platform/ballerina-lang/releases/tag/v2201.8.0",
    "see commit 1a2b3c4 and issue 12345",
  ])("ordinary text has no fingerprint: %s", (text) => {
    expect(findFingerprints(text)).toEqual([]);
  });
});

describe("keyReferencesInUrl", () => {
  it("reads the seed's keyserver lookup as the key ID 0xE683061E2F85C381", () => {
    expect(keyReferencesInUrl("https://pgp.surfnet.nl/pks/lookup?op=vindex&fingerprint=on&search=0xE683061E2F85C381")).toEqual([
      { hex: "E683061E2F85C381", written: "E683061E2F85C381", kind: "key-id" },
    ]);
  });

  it("reads keys.openpgp.org's by-fingerprint and by-keyid paths", () => {
    expect(keyReferencesInUrl(`https://keys.openpgp.org/vks/v1/by-fingerprint/${SEED}`)).toEqual([{ hex: SEED, written: SEED, kind: "fingerprint" }]);
    expect(keyReferencesInUrl("https://keys.openpgp.org/vks/v1/by-keyid/e683061e2f85c381")).toEqual([{ hex: "E683061E2F85C381", written: "e683061e2f85c381", kind: "key-id" }]);
  });

  it("reads a short key ID as one, so it can be refused", () => {
    expect(keyReferencesInUrl("https://keyserver.ubuntu.com/pks/lookup?search=0x2F85C381")).toEqual([{ hex: "2F85C381", written: "2F85C381", kind: "short-key-id" }]);
  });

  it("reads a fingerprint written in groups in a query value, after the unbroken runs", () => {
    const grouped = "7FC1+6F16+A8B3+D4C7+4BC3++3A73+E880+C9B8+C5B5+3E91";
    expect(keyReferencesInUrl(`https://keys.openpgp.org/search?q=${grouped}`)).toEqual([{ hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", written: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", kind: "fingerprint" }]);
    expect(keyReferencesInUrl(`https://keyserver.ubuntu.com/pks/lookup?search=${grouped}&op=get&also=0xE880C9B8C5B53E91`)).toEqual([
      { hex: "E880C9B8C5B53E91", written: "E880C9B8C5B53E91", kind: "key-id" },
      { hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", written: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", kind: "fingerprint" },
    ]);
  });

  it("leaves a commit hash on a code host alone", () => {
    expect(keyReferencesInUrl(`https://github.com/example/repo/commit/${SEED.toLowerCase()}`)).toEqual([]);
  });
});

describe("keyserverLookupHost", () => {
  it.each([
    ["https://pgp.surfnet.nl/pks/lookup?op=vindex&fingerprint=on&search=0xE683061E2F85C381", "pgp.surfnet.nl"],
    [`https://Keyserver.Ubuntu.com/pks/lookup?op=get&search=0x${SEED}`, "keyserver.ubuntu.com"],
    [`https://keys.openpgp.org/search?q=${SEED}`, "keys.openpgp.org"],
    [`https://keys.openpgp.org/vks/v1/by-fingerprint/${SEED}`, "keys.openpgp.org"],
  ])("names the keyserver of a lookup: %s", (href, host) => {
    expect(keyserverLookupHost(href)).toBe(host);
  });

  it.each([
    `http://pgp.surfnet.nl/pks/lookup?search=0x${SEED}`,
    `https://pgp.surfnet.nl:11371/pks/lookup?search=0x${SEED}`,
    `https://pgp.surfnet.nl/pks/lookup/extra?search=0x${SEED}`,
    `https://keys.openpgp.org/about`,
    `https://example.org/keys/${SEED}.asc`,
    "/pks/lookup?search=0xE683061E2F85C381",
    "not a url",
  ])("is no keyserver lookup it can ask by full fingerprint: %s", (href) => {
    expect(keyserverLookupHost(href)).toBeUndefined();
  });
});

describe("referencesKey", () => {
  const v4 = { version: 4, hex: SEED } as const;
  const v6 = { version: 6, hex: "F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F" } as const;
  it("a fingerprint names its key only; a long key ID names a v4 key by its last 16 digits, a v6 one by its first or last 16", () => {
    expect(referencesKey({ kind: "fingerprint", hex: SEED }, v4)).toBe(true);
    expect(referencesKey({ kind: "fingerprint", hex: SEED.replace(/.$/, "0") }, v4)).toBe(false);
    expect(referencesKey({ kind: "key-id", hex: SEED.slice(-16) }, v4)).toBe(true);
    expect(referencesKey({ kind: "key-id", hex: SEED.slice(0, 16) }, v4)).toBe(false);
    expect(referencesKey({ kind: "key-id", hex: v6.hex.slice(0, 16) }, v6)).toBe(true);
    expect(referencesKey({ kind: "key-id", hex: v6.hex.slice(-16) }, v6)).toBe(true);
    expect(referencesKey({ kind: "short-key-id", hex: SEED.slice(-8) }, v4)).toBe(false);
  });
});
