import { describe, expect, it } from "vitest";
import { findAddresses } from "../src/formats/address-text.ts";

/** The addresses a text holds, each as `written → address`, spelt-out ones marked. */
const read = (text: string) => findAddresses(text).map((m) => `${m.index}:${m.text} → ${m.address}${m.obfuscated ? " (spelt out)" : ""}`);

describe("addresses written plainly", () => {
  it("an address in a sentence, without the full stop after it", () => {
    expect(read("Write to security@ballerina.io.")).toEqual(["9:security@ballerina.io → security@ballerina.io"]);
  });

  it("an address with dots, a plus and a subdomain, before a comma", () => {
    expect(read("first.last+tag@mail.example.co.uk, or")).toEqual(["0:first.last+tag@mail.example.co.uk → first.last+tag@mail.example.co.uk"]);
  });

  it("an address followed by a colon, as a label", () => {
    expect(read("security@example.org: 7FC1")).toEqual(["0:security@example.org → security@example.org"]);
  });

  it("an address in brackets, quotes or angle brackets", () => {
    expect(read('(a@example.org) "b@example.org" <c@example.org>')).toEqual(["1:a@example.org → a@example.org", "17:b@example.org → b@example.org", "33:c@example.org → c@example.org"]);
  });

  it("letters of any script, in the local part and the host", () => {
    expect(read("Écrivez à sécurité@exemple.fr")).toEqual(["10:sécurité@exemple.fr → sécurité@exemple.fr"]);
  });

  it("an address after an ellipsis starts at its first letter", () => {
    expect(read("…security@example.org")).toEqual(["1:security@example.org → security@example.org"]);
  });

  it("a host of one label, an IP address, or a digit-only top-level domain is no address", () => {
    expect(read("root@localhost a@192.0.2.1 b@example.123")).toEqual([]);
  });

  it("an npm scope or a profile URL is no address", () => {
    expect(read("@example/options and https://social.example/@ana")).toEqual([]);
  });

  it("an address cut at its host is not read short: the whole host is part of it", () => {
    expect(read("a@example.org.uk")).toEqual(["0:a@example.org.uk → a@example.org.uk"]);
  });
});

describe("addresses spelt out", () => {
  it.each([
    ["security [at] example [dot] org", "security@example.org"],
    ["security (at) example (dot) org", "security@example.org"],
    ["security {at} example {dot} org", "security@example.org"],
    ["security <at> example <dot> org", "security@example.org"],
    ["security [AT] example [DOT] org", "security@example.org"],
    ["security[at]example[dot]org", "security@example.org"],
    ["security [ at ] example.org", "security@example.org"],
    ["john [dot] doe [at] example [dot] co [dot] uk", "john.doe@example.co.uk"],
    ["security at example dot org", "security@example.org"],
    ["security AT example DOT org", "security@example.org"],
    ["security at mail.example dot org", "security@mail.example.org"],
  ])("%s is %s", (text, address) => {
    expect(findAddresses(`Write to ${text}.`)).toEqual([{ index: 9, text, address, obfuscated: true }]);
  });

  it("the word form across a line break", () => {
    expect(read("security at\nexample dot org")).toEqual(["0:security at\nexample dot org → security@example.org (spelt out)"]);
  });

  it("in the word form, the address starts at the word before \"at\"", () => {
    expect(read("Email us at security at example dot org")).toEqual(["12:security at example dot org → security@example.org (spelt out)"]);
  });

  it("the word form needs a dot word: a host written with dots only is prose", () => {
    expect(read("Look at example.org, and meet at noon.")).toEqual([]);
  });

  it("the word form needs a host: a top-level domain of letters, labels of ASCII letters, digits and hyphens", () => {
    expect(read("We meet at home dot 42, and at the café dot com")).toEqual([]);
  });

  it("brackets of two kinds are not one", () => {
    expect(read("security [at) example [dot] org")).toEqual([]);
  });

  it("a bracketed at with a dot word mixes two spellings, and is read as neither", () => {
    expect(read("security [at] example dot org")).toEqual([]);
  });
});

describe("several addresses", () => {
  it("in the order they stand, of both kinds", () => {
    expect(read("ops [at] example [dot] net or security@example.org")).toEqual([
      "0:ops [at] example [dot] net → ops@example.net (spelt out)",
      "30:security@example.org → security@example.org",
    ]);
  });

  it("none in a text without them", () => {
    expect(findAddresses("No address here, at all.")).toEqual([]);
  });
});
