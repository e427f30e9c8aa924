import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFingerprints, formatFingerprint, keyIdOf, keyReferencesInUrl, parseFingerprint } from "../src/formats/fingerprint.ts";
import { hostOfHref, hostOfLinkText, linkTextProblems } from "../src/rules/link-text.ts";
import { formatMailto, parseMailto } from "../src/formats/mailto.ts";
import fingerprintMalformed, { checkFingerprint } from "../src/rules/page/fingerprint-malformed.ts";
import { checkMailto } from "../src/rules/page/mailto-invalid.ts";
import { findMojibake, mojibakeProblems } from "../src/rules/mojibake.ts";
import type { Problem } from "../src/findings/finding.ts";
import type { Fingerprint } from "../src/types.ts";

/** Every property runs this many generated inputs, in the normal `npm test` run. */
const RUNS = { numRuns: 10_000 };

/** Text of any kind: ASCII, any Unicode (lone surrogates included), and the characters the parsers care about. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFabcdefxX @%:?&=#/.,;<>\"'\\ \u00a0\r\nâ€™Ã©Â\uFFFD"), maxLength: 150 }),
);

const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789ABCDEF"), minLength: length, maxLength: length });
const fingerprint: fc.Arbitrary<Fingerprint> = fc.oneof(
  hex(40).map((h) => ({ version: 4 as const, hex: h })),
  hex(64).map((h) => ({ version: 6 as const, hex: h })),
);

function onlyRule(problems: Problem[], rule: string): boolean {
  return problems.every((p) => p.rule === rule && typeof p.message === "string" && p.message.length > 0);
}

describe("fingerprints", () => {
  it("no text makes the fingerprint parser or finder throw, and every problem is a fingerprint-malformed finding", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = checkFingerprint(text);
        expect(Boolean(parsed.fingerprint) !== Boolean(parsed.problem)).toBe(true);
        if (parsed.problem) expect(parsed.problem.rule).toBe("fingerprint-malformed");
        for (const found of findFingerprints(text)) {
          expect(text.slice(found.index, found.index + found.text.length)).toBe(found.text);
          if (found.problem) expect(fingerprintMalformed.fromFormat(found.problem).rule).toBe("fingerprint-malformed");
        }
      }),
      RUNS,
    );
  });

  it("formatting a fingerprint and parsing it back gives the same fingerprint, in every written form", () => {
    fc.assert(
      fc.property(fingerprint, fc.constantFrom("grouped", "unbroken", "lower", "gpg"), (fp, form) => {
        const grouped = formatFingerprint(fp);
        const written = {
          grouped,
          unbroken: fp.hex,
          lower: grouped.toLowerCase(),
          gpg: fp.version === 4 ? grouped.replace(/^((?:\S{4} ){4}\S{4}) /, "$1  ") : grouped,
        }[form];
        expect(parseFingerprint(written)).toEqual({ fingerprint: fp });
      }),
      RUNS,
    );
  });

  it("a formatted fingerprint is found in running text at its place", () => {
    const word = fc.constantFrom("key:", "Use", "security@example.org:", "(fingerprint", "and", "pgp", "the");
    fc.assert(
      fc.property(fingerprint, word, word, (fp, before, after) => {
        const shown = formatFingerprint(fp);
        const text = `${before} ${shown} ${after}`;
        const found = findFingerprints(text).filter((f) => f.fingerprint);
        expect(found).toHaveLength(1);
        expect(found[0]?.fingerprint).toEqual(fp);
        expect(found[0]?.index).toBe(before.length + 1);
      }),
      RUNS,
    );
  });

  it("a fingerprint with one digit dropped is always reported, never passed over", () => {
    fc.assert(
      fc.property(fingerprint, fc.nat(), (fp, n) => {
        const at = n % fp.hex.length;
        const short = fp.hex.slice(0, at) + fp.hex.slice(at + 1);
        const found = findFingerprints(`key: ${short.replace(/(.{4})(?=.)/g, "$1 ")} here`);
        expect(found).toHaveLength(1);
        expect(found[0]?.problem && fingerprintMalformed.fromFormat(found[0].problem).rule).toBe("fingerprint-malformed");
      }),
      RUNS,
    );
  });
});

describe("key IDs", () => {
  it("a key ID written into a keyserver URL is read back, and no URL makes the reader throw", () => {
    fc.assert(
      fc.property(fingerprint, fc.constantFrom("by-keyid", "lookup"), anyText, (fp, shape, junk) => {
        const id = keyIdOf(fp);
        const url =
          shape === "by-keyid"
            ? `https://keys.openpgp.org/vks/v1/by-keyid/${id}`
            : `https://pgp.surfnet.nl/pks/lookup?op=vindex&fingerprint=on&search=0x${id}`;
        expect(keyReferencesInUrl(url)).toEqual([{ hex: id, kind: "key-id", written: id }]);
        expect(() => keyReferencesInUrl(junk)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe("mailto URIs", () => {
  const atom = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-"), minLength: 1, maxLength: 12 });
  const address = fc
    .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }), fc.constantFrom("org", "io", "example"))
    .map(([local, labels, tld]) => `${local.join(".")}@${[...labels, tld].join(".")}`);
  const text = fc.string({ unit: "grapheme", maxLength: 80 });

  it("no text makes the mailto parser throw, and every problem is a mailto-invalid finding", () => {
    fc.assert(
      fc.property(anyText, (rest) => {
        for (const href of [rest, `mailto:${rest}`]) {
          const { mailto, problems } = checkMailto(href);
          expect(onlyRule(problems, "mailto-invalid")).toBe(true);
          expect(Boolean(mailto) === (problems.length === 0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("formatting a mailto URI and parsing it back gives the same addresses, subject and body", () => {
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 3 }), text, text, (to, subject, body) => {
        const href = formatMailto({ to, subject, body });
        expect(href).not.toMatch(/[\s"<>\\^`{|}]/);
        const { mailto, problems } = parseMailto(href);
        expect(problems).toEqual([]);
        expect(mailto?.to).toEqual(to);
        expect(mailto?.subject).toBe(subject);
        // Line breaks in a body travel as %0D%0A and come back as "\n" (RFC 6068 section 5).
        expect(mailto?.body).toBe(body.replace(/\r\n?/g, "\n"));
      }),
      RUNS,
    );
  });
});

describe("link-text hosts", () => {
  // Labels with "--" in the third and fourth places are reserved for punycode ("xn--"), and a random one is no name.
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/).filter((l) => !/^..--/.test(l));
  const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("org", "net", "io", "example", "nl")).map(([labels, tld]) => [...labels, tld].join("."));

  it("a host written as link text is read back as that host, and its own URL passes", () => {
    fc.assert(
      fc.property(host, fc.constantFrom("", "/pks/lookup", "/vks/v1/by-fingerprint/ABC"), (h, path) => {
        expect(hostOfLinkText(`https://${h}${path}`)).toBe(h);
        expect(hostOfHref(`https://${h}${path}`)).toBe(h);
        expect(linkTextProblems(h, `https://${h}${path}`)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a host named in link text with a link to another host is always an error", () => {
    fc.assert(
      fc.property(host, host, (shown, target) => {
        fc.pre(shown.replace(/^www\./, "") !== target.replace(/^www\./, ""));
        const problems = linkTextProblems(shown, `https://${target}/`);
        expect(problems).toHaveLength(1);
        expect(problems[0]?.rule).toBe("link-text-host");
      }),
      RUNS,
    );
  });

  it("no link text or address makes the host checks throw", () => {
    fc.assert(
      fc.property(anyText, anyText, (shown, href) => {
        expect(onlyRule(linkTextProblems(shown, href), "link-text-host")).toBe(true);
        hostOfLinkText(shown);
        hostOfHref(href);
      }),
      RUNS,
    );
  });
});

describe("mojibake", () => {
  const windows1252 = new TextDecoder("windows-1252");
  /** What a UTF-8 character looks like after a Windows-1252 decoder has read its bytes. */
  const garble = (c: string) => windows1252.decode(new TextEncoder().encode(c));
  const letter = fc
    .integer({ min: 0xa1, max: 0xffff })
    .map((code) => String.fromCodePoint(code))
    .filter((c) => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) && !/[\p{Cn}\p{Co}\p{Cs}\uFFFD]/u.test(c));

  it("no text makes the detector throw, and every problem is a mojibake finding", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(onlyRule(mojibakeProblems(text), "mojibake")).toBe(true);
      }),
      RUNS,
    );
  });

  it("a character garbled from UTF-8 through Windows-1252 is found, with the character meant", () => {
    fc.assert(
      fc.property(letter, (c) => {
        const garbled = garble(c);
        const hits = findMojibake(`see ${garbled} here`);
        expect(hits).toEqual([{ index: 4, text: garbled, intended: c }]);
      }),
      RUNS,
    );
  });

  it("text that was never garbled has no mojibake in it, whatever its script", () => {
    // Mojibake is made of Latin-1 and Windows-1252 characters only; text in other
    // scripts, mixed with real accented words, can never look like it.
    const windows1252Chars = new Set(windows1252.decode(Uint8Array.from({ length: 128 }, (_, i) => 128 + i)));
    const other = letter.filter((c) => c.codePointAt(0)! > 0xff && !windows1252Chars.has(c));
    const word = fc.constantFrom("café", "naïve", "Ångström", "Größe", "São Paulo", "½", "© 2024", "voilà »", "«merci»", "jalapeño", "it’s", "“quoted”", "—");
    fc.assert(
      fc.property(fc.array(fc.oneof(other, word), { minLength: 1, maxLength: 8 }), (parts) => {
        expect(findMojibake(`text ${parts.join(" ")} text`)).toEqual([]);
      }),
      RUNS,
    );
  });
});
