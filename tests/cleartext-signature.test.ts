import { describe, expect, it } from "vitest";
import { crc24, parseCleartextSigned } from "../src/formats/cleartext-signature.ts";

/** Six bytes of made-up signature data, in base64, and its CRC-24 checksum line. */
const DATA = "wgECAwQF";
const CHECKSUM = "=SW4P";
const SIGNATURE = ["-----BEGIN PGP SIGNATURE-----", "", DATA, CHECKSUM, "-----END PGP SIGNATURE-----"];

/** A signed message: BEGIN on line 1, Hash on line 2, the text from line 4, then `signature`. */
const message = (text: string[], signature: string[] = SIGNATURE) => ["-----BEGIN PGP SIGNED MESSAGE-----", "Hash: SHA512", "", ...text, ...signature];

const problems = (lines: string[]) => parseCleartextSigned(lines).problems.map((p) => ({ code: p.code, line: p.line }));

describe("CRC-24 of the armor checksum", () => {
  it("is the CRC-24 of RFC 4880 section 6.1: 21CF02 for the digits 1 to 9", () => {
    expect(crc24(new TextEncoder().encode("123456789")).toString(16)).toBe("21cf02");
  });
});

describe("a cleartext-signed message", () => {
  it("gives the signed text at its lines, the hash algorithms and the signature's bytes", () => {
    const parsed = parseCleartextSigned(message(["Contact: mailto:security@example.org", "# a comment"]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.hashes).toEqual(["SHA512"]);
    expect(parsed.text).toEqual([
      { line: 4, text: "Contact: mailto:security@example.org" },
      { line: 5, text: "# a comment" },
    ]);
    expect([...parsed.signature!]).toEqual([0xc2, 1, 2, 3, 4, 5]);
  });

  it("removes the dash escape from a line that starts with a dash, and from any other line", () => {
    expect(parseCleartextSigned(message(["- -----BEGIN PGP SIGNED MESSAGE-----", "- Policy: https://example.org/"])).text).toEqual([
      { line: 4, text: "-----BEGIN PGP SIGNED MESSAGE-----" },
      { line: 5, text: "Policy: https://example.org/" },
    ]);
  });

  it("reads several Hash headers and a list in one", () => {
    const lines = ["-----BEGIN PGP SIGNED MESSAGE-----", "Hash: SHA256,SHA512", "Hash: SHA384, SHA1", "", "Contact: mailto:a@example.org", ...SIGNATURE];
    expect(parseCleartextSigned(lines)).toMatchObject({ hashes: ["SHA256", "SHA512", "SHA384", "SHA1"], problems: [] });
  });

  it("lets a message without Hash header pass, as RFC 9580 writes one signed by v6 signatures only", () => {
    const lines = ["-----BEGIN PGP SIGNED MESSAGE-----", "", "Contact: mailto:a@example.org", "-----BEGIN PGP SIGNATURE-----", "", DATA, "-----END PGP SIGNATURE-----"];
    expect(parseCleartextSigned(lines)).toMatchObject({ hashes: [], problems: [] });
  });

  it("lets armor headers, a signature without checksum, and blank lines around the message pass", () => {
    const signature = ["-----BEGIN PGP SIGNATURE-----", "Version: GnuPG v2.2", "Comment: made-up", "", DATA, "-----END PGP SIGNATURE-----"];
    expect(problems(["", ...message(["Contact: mailto:a@example.org"], signature), "", ""])).toEqual([]);
  });

  it("lets base64 spread over lines, with padding at its end", () => {
    const signature = ["-----BEGIN PGP SIGNATURE-----", "", "wgEC", "AwQFBg==", "-----END PGP SIGNATURE-----"];
    expect(parseCleartextSigned(message(["Contact: mailto:a@example.org"], signature))).toMatchObject({ problems: [], signature: Uint8Array.from([0xc2, 1, 2, 3, 4, 5, 6]) });
  });
});

describe("what is wrong with the framing", () => {
  it("a line before the BEGIN line", () => {
    expect(parseCleartextSigned(["Contact: mailto:a@example.org", ...message([])]).problems).toEqual([
      { code: "beforeSignedMessage", line: 1, values: { line: 1, text: '"Contact: mailto:a@example.org"' } },
    ]);
  });

  it("a header that is not Hash, and a Hash header without an algorithm", () => {
    const lines = ["-----BEGIN PGP SIGNED MESSAGE-----", "Comment: hello", "Hash: ", "", "Contact: mailto:a@example.org", ...SIGNATURE];
    expect(problems(lines)).toEqual([
      { code: "notHashHeader", line: 2 },
      { code: "notHashHeader", line: 3 },
    ]);
  });

  it("a signed line that starts with a dash but not with a dash and a space, left out of the text", () => {
    const parsed = parseCleartextSigned(message(["-not escaped", "Contact: mailto:a@example.org"]));
    expect(parsed.problems).toEqual([{ code: "notDashEscaped", line: 4, values: { line: 4, text: '"-not escaped"' } }]);
    expect(parsed.text).toEqual([{ line: 5, text: "Contact: mailto:a@example.org" }]);
  });

  it("no signature block, at the last line", () => {
    expect(problems(message(["Contact: mailto:a@example.org"], []))).toEqual([{ code: "signatureIncomplete", line: 4 }]);
  });

  it("a signature block without END, at the last line", () => {
    expect(problems(message(["Contact: mailto:a@example.org"], SIGNATURE.slice(0, 4)))).toEqual([{ code: "signatureIncomplete", line: 8 }]);
  });

  it("a signature without the empty line before its data: the data is still read", () => {
    const parsed = parseCleartextSigned(message([], ["-----BEGIN PGP SIGNATURE-----", DATA, CHECKSUM, "-----END PGP SIGNATURE-----"]));
    expect(parsed.problems).toEqual([{ code: "notArmorHeader", line: 5, values: { line: 5, text: `"${DATA}"` } }]);
    expect(parsed.signature).toBeDefined();
  });

  it("a dash-escaped line inside the signature block, in its headers or its data", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "- Version: 1", "", "- " + DATA, "-----END PGP SIGNATURE-----"]))).toEqual([
      { code: "dashEscapedInSignature", line: 5 },
      { code: "dashEscapedInSignature", line: 7 },
    ]);
  });

  it("a data line with a character outside base64", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "", "wgEC", "AwQ*", "-----END PGP SIGNATURE-----"]))).toEqual([{ code: "notBase64", line: 7 }]);
  });

  it("padding in the middle of the data", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "", "wg==", "AwQF", "-----END PGP SIGNATURE-----"]))).toEqual([{ code: "base64Length", line: 7 }]);
  });

  it("base64 cut short, at its last line", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "", "wgECAwQ", "-----END PGP SIGNATURE-----"]))).toEqual([{ code: "base64Length", line: 6 }]);
  });

  it("a signature block without data, at its END line", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "", "-----END PGP SIGNATURE-----"]))).toEqual([{ code: "signatureEmpty", line: 6 }]);
  });

  it("a checksum line of three characters", () => {
    expect(problems(message([], ["-----BEGIN PGP SIGNATURE-----", "", DATA, "=SW4", "-----END PGP SIGNATURE-----"]))).toEqual([{ code: "checksumInvalid", line: 7 }]);
  });

  it("a checksum that is not the data's CRC-24, naming both", () => {
    expect(parseCleartextSigned(message([], ["-----BEGIN PGP SIGNATURE-----", "", DATA, "=SW4Q", "-----END PGP SIGNATURE-----"])).problems).toEqual([
      { code: "checksumMismatch", line: 7, values: { line: 7, expected: CHECKSUM, actual: "=SW4Q" } },
    ]);
  });

  it("a second signed message after the first, once at its BEGIN line", () => {
    expect(problems([...message(["Contact: mailto:a@example.org"]), ...message(["Contact: mailto:b@example.net"])])).toEqual([{ code: "secondSignedMessage", line: 10 }]);
  });

  it("text after the END line, each line that is not blank", () => {
    expect(problems([...message([]), "", "Contact: mailto:evil@example.net", "more"])).toEqual([
      { code: "afterSignature", line: 10 },
      { code: "afterSignature", line: 11 },
    ]);
  });
});
