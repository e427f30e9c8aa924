import { describe, it, expect } from "vitest";
import { hostOfHref, hostOfLinkText, linkTextProblems } from "../src/rules/link-text.ts";

const SURFNET_LOOKUP =
  "https://pgp.surfnet.nl/pks/lookup?op=vindex&fingerprint=on&search=0xE683061E2F85C381";

describe("hostOfLinkText", () => {
  it.each([
    ["pgp.mit.edu", "pgp.mit.edu"],
    ["  keys.openpgp.org  ", "keys.openpgp.org"],
    ["keys.openpgp.org/search", "keys.openpgp.org"],
    ["https://keys.openpgp.org/vks/v1/by-fingerprint/E683061E2F85C381", "keys.openpgp.org"],
    ["HTTPS://Keys.OpenPGP.org", "keys.openpgp.org"],
    ["hkps://keys.openpgp.org", "keys.openpgp.org"],
    ["www.example.org", "www.example.org"],
    ["pgp.mit.edu.", "pgp.mit.edu"],
    ["example.org:8443/security", "example.org"],
    ["mastodon.social/@security", "mastodon.social"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["BÜCHER.example", "xn--bcher-kva.example"],
    ["пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["https://192.0.2.1/", "192.0.2.1"],
    ["docs.rs/serde", "docs.rs"],
    ["https://docs.rs", "docs.rs"],
    ["www.readme.md", "www.readme.md"],
  ])("%j names the host %j", (text, host) => {
    expect(hostOfLinkText(text)).toBe(host);
  });

  it.each([
    ["an email address", "security@example.org"],
    ["a mailto: address", "mailto:security@example.org"],
    ["a sentence", "report a vulnerability"],
    ["a host followed by words", "pgp.mit.edu keyserver"],
    ["a version", "v1.2.3"],
    ["a bare version", "1.2.3"],
    ["an IP address without a scheme", "192.0.2.1"],
    ["a single label", "localhost"],
    ["an abbreviation", "e.g."],
    ["another abbreviation", "U.S."],
    ["a one-letter last label", "example.c"],
    ["a label with a leading hyphen", "-bad.example"],
    ["a label with an underscore", "exa_mple.org"],
    ["a URL with no host", "https://"],
    ["a site path", "/.well-known/security.txt"],
    ["a file in a folder", "docs/SECURITY.md"],
    ["empty text", ""],
    ["README.md", "README.md"],
    ["SECURITY.md", "SECURITY.md"],
    ["security.txt", "security.txt"],
    ["index.html", "index.html"],
    ["key.asc", "key.asc"],
    ["release.tar.gz", "release.tar.gz"],
    ["script.py", "script.py"],
    ["main.rs", "main.rs"],
    ["app.js", "app.js"],
    ["a library named like a file", "Node.js"],
    ["a file name with a fragment", "README.md#reporting"],
  ])("%s (%j) names no host", (_what, text) => {
    expect(hostOfLinkText(text)).toBeUndefined();
  });
});

describe("hostOfHref", () => {
  it.each([
    [SURFNET_LOOKUP, "pgp.surfnet.nl"],
    ["HTTP://PGP.MIT.EDU/", "pgp.mit.edu"],
    ["https://pgp.mit.edu./", "pgp.mit.edu"],
    ["//keys.openpgp.org/", "keys.openpgp.org"],
    ["ftp://ftp.example.org/pub", "ftp.example.org"],
    ["hkps://Keys.OpenPGP.org", "keys.openpgp.org"],
    ["https://bücher.example/", "xn--bcher-kva.example"],
    ["https://example.org:8443/", "example.org"],
  ])("%j goes to %j", (href, host) => {
    expect(hostOfHref(href)).toBe(host);
  });

  it.each([
    ["a site path", "/security"],
    ["a relative file", "security.html"],
    ["a fragment", "#contact"],
    ["a mailto: address", "mailto:security@example.org"],
    ["a phone number", "tel:+15555550100"],
    ["javascript:", "javascript:void(0)"],
    ["an empty href", ""],
    ["a URL with a space in the host", "https://exa mple.org/"],
    ["a URL with no host", "http://"],
  ])("%s (%j) has no host", (_what, href) => {
    expect(hostOfHref(href)).toBeUndefined();
  });

  it("still reads an international host after the thousands of links a long build checks", () => {
    // URL.canParse went wrong here on Node 20 and 22 once V8 had optimised the call: the
    // Latin-1 "ü" was read as UTF-8 and the link reported as one that cannot be parsed.
    for (let i = 0; i < 50_000; i += 1) hostOfHref(`https://example.org/${i % 10}`);
    expect(hostOfHref("https://bücher.example/")).toBe("xn--bcher-kva.example");
    expect(hostOfHref("hkps://bücher.example")).toBe("xn--bcher-kva.example");
    expect(linkTextProblems("bücher.example", "https://bücher.example/")).toEqual([]);
  });
});

describe("linkTextProblems", () => {
  it("a link whose text names pgp.mit.edu but goes to pgp.surfnet.nl is an error", () => {
    expect(linkTextProblems("pgp.mit.edu", SURFNET_LOOKUP)).toEqual([
      {
        rule: "link-text-host",
        messageId: "otherHost",
        severity: "error",
        message:
          "link text names pgp.mit.edu but the link goes to pgp.surfnet.nl; make the text and the address name the same host",
      },
    ]);
  });

  it.each([
    ["the same host", "pgp.mit.edu", "https://pgp.mit.edu/"],
    ["a different path on the same host", "keys.openpgp.org/about", "https://keys.openpgp.org/search?q=x"],
    ["www. in the text only", "www.pgp.mit.edu", "https://pgp.mit.edu/"],
    ["www. in the address only", "pgp.mit.edu", "https://www.pgp.mit.edu/"],
    ["a trailing dot in the text", "pgp.mit.edu.", "https://pgp.mit.edu/"],
    ["a trailing dot in the address", "pgp.mit.edu", "https://pgp.mit.edu./"],
    ["different case", "PGP.MIT.edu", "https://pgp.mit.EDU/"],
    ["an IDN in the text and punycode in the address", "bücher.example", "https://xn--bcher-kva.example/"],
    ["punycode in the text and an IDN in the address", "xn--bcher-kva.example", "https://bücher.example/"],
    ["a full URL as the text", "https://keys.openpgp.org/", "https://keys.openpgp.org/vks"],
    ["a protocol-relative address", "keys.openpgp.org", "//keys.openpgp.org/"],
  ])("a link with %s is fine", (_what, text, href) => {
    expect(linkTextProblems(text, href)).toEqual([]);
  });

  it.each([
    ["a sentence", "our keyserver"],
    ["a file name", "SECURITY.md"],
    ["an email address", "security@example.org"],
  ])("text that is %s is not checked, whatever the address", (_what, text) => {
    expect(linkTextProblems(text, SURFNET_LOOKUP)).toEqual([]);
    expect(linkTextProblems(text, "http://")).toEqual([]);
  });

  it("a host that only ends with the named host is a different host", () => {
    expect(linkTextProblems("keys.openpgp.org", "https://keys.openpgp.org.attacker.example/")).toEqual([
      {
        rule: "link-text-host",
        messageId: "otherHost",
        severity: "error",
        message:
          "link text names keys.openpgp.org but the link goes to keys.openpgp.org.attacker.example; make the text and the address name the same host",
      },
    ]);
  });

  it("a subdomain of the named host is a different host", () => {
    expect(linkTextProblems("example.org", "https://security.example.org/")).toHaveLength(1);
  });

  it("an IDN is named in the message as a reader would write it", () => {
    expect(linkTextProblems("bücher.example", "https://example.org/").map((p) => p.message)).toEqual([
      "link text names bücher.example but the link goes to example.org; make the text and the address name the same host",
    ]);
  });

  it("text naming a host over a relative link is an error", () => {
    expect(linkTextProblems("pgp.mit.edu", "/pks/lookup").map((p) => p.message)).toEqual([
      'link text names pgp.mit.edu but the link "/pks/lookup" is relative to this site; link to pgp.mit.edu or change the text',
    ]);
  });

  it("text naming a host over a fragment is an error", () => {
    expect(linkTextProblems("pgp.mit.edu", "#keys").map((p) => p.message)).toEqual([
      'link text names pgp.mit.edu but the link "#keys" goes to a fragment of this page; link to pgp.mit.edu or change the text',
    ]);
  });

  it("text naming a host over a mailto: link is an error", () => {
    expect(linkTextProblems("example.org", "mailto:security@example.org").map((p) => p.message)).toEqual([
      'link text names example.org but the link "mailto:security@example.org" is a mailto: address with no host; link to example.org or change the text',
    ]);
  });

  it("text naming a host over an empty address is an error", () => {
    expect(linkTextProblems("example.org", "").map((p) => p.message)).toEqual([
      "link text names example.org but the link has an empty address; link to example.org or change the text",
    ]);
  });

  it("text naming a host over an address that cannot be parsed is an error, not a pass", () => {
    expect(linkTextProblems("pgp.mit.edu", "https://pgp mit.edu/")).toEqual([
      {
        rule: "link-text-host",
        messageId: "unparseable",
        severity: "error",
        message: 'link text names pgp.mit.edu but the link "https://pgp mit.edu/" cannot be parsed as a URL; fix the address',
      },
    ]);
  });

  it("never throws, whatever the text and address", () => {
    const pieces = ["", " ", "http", "://", "//", ".", "..", "a", "b.c", "ü", "xn--", "[", "]", ":", "@", "/", "#", "%", "\uD800", "www.", "org"];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const value = a + b + c;
          expect(() => linkTextProblems(value, value)).not.toThrow();
          expect(() => hostOfHref(value)).not.toThrow();
          expect(() => hostOfLinkText(value)).not.toThrow();
        }
      }
    }
  });
});
