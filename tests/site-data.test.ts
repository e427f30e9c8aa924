import { describe, expect, it } from "vitest";
import { parseJsonWithPositions } from "../src/formats/json.ts";
import { readSiteData } from "../src/data/site-data.ts";

const FILE = "content/_data/security.json";
const GOOD = {
  url: "https://example.org/",
  name: "Example",
  contacts: [{ email: "security@example.org", fingerprint: "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91" }],
  reviewed: "2026-11-20",
};

function read(value: unknown) {
  return readSiteData(JSON.stringify(value, null, 2), FILE);
}

describe("parseJsonWithPositions", () => {
  it("records where each value starts, by path", () => {
    const { value, positions } = parseJsonWithPositions('{\n  "a": [1, {"b": "x"}]\n}\n');
    expect(value).toEqual({ a: [1, { b: "x" }] });
    expect(positions.get("a")).toEqual({ line: 2, column: 8 });
    expect(positions.get("a.1.b")).toEqual({ line: 2, column: 18 });
  });

  it("a missing comma is a syntax error at its line and column", () => {
    expect(() => parseJsonWithPositions('{\n  "a": 1\n  "b": 2\n}')).toThrowError(expect.objectContaining({ position: { line: 3, column: 3 } }));
  });

  it("a byte-order mark before the object is accepted", () => {
    expect(parseJsonWithPositions('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
  });
});

describe("readSiteData", () => {
  it("good data reads with the URL's trailing slash removed and English as the default language", () => {
    const { data, findings } = read(GOOD);
    expect(findings).toEqual([]);
    expect(data).toEqual({
      url: "https://example.org",
      name: "Example",
      language: "en",
      reviewed: "2026-11-20",
      contacts: [{ email: "security@example.org", fingerprint: { version: 4, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" }, field: "contacts.0" }],
    });
  });

  it("a product's releases read as written, in order, and a short support period is a warning beside good data", () => {
    const product = { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" };
    const releases = [
      { version: "2.1.0", released: "2026-03-01", supportedUntil: "2031-03", sbom: "https://example.org/sbom/2.1.0.cdx.json" },
      { version: "1.4.2", released: "2024-05-20", supportedUntil: "2026-06-30" },
    ];
    const { data, findings } = read({ ...GOOD, products: [{ ...product, releases }] });
    expect(data?.products).toEqual([{ ...product, releases }]);
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([["support-period-short", "warning", 26]]);
  });

  it("a team's members are key holders of their own, after the contact's own key, each under the contact's address", () => {
    const alice = { name: "Alice Example", email: "alice@example.org", fingerprint: "8ECA FE52 3964 AF82 4016  F6C8 1167 27A6 0111 BF2D" };
    const bob = { name: "Bob Example", email: "bob@example.org", fingerprint: ["E8B9 1CFD E3B5 C602 F691  0F30 9BCB D105 4382 3B6B", "8ECA FE52 3964 AF82 4016  F6C8 1167 27A6 0111 BF2E"] };
    const { data, findings } = read({ ...GOOD, contacts: [{ ...GOOD.contacts[0], team: [alice, bob] }] });
    expect(findings).toEqual([]);
    expect(data?.contacts).toEqual([
      { email: "security@example.org", fingerprint: { version: 4, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" }, field: "contacts.0" },
      { email: "alice@example.org", name: "Alice Example", team: "security@example.org", fingerprint: { version: 4, hex: "8ECAFE523964AF824016F6C8116727A60111BF2D" }, field: "contacts.0.team.0" },
      {
        email: "bob@example.org",
        name: "Bob Example",
        team: "security@example.org",
        fingerprint: { version: 4, hex: "E8B91CFDE3B5C602F6910F309BCBD10543823B6B" },
        fingerprints: [
          { version: 4, hex: "E8B91CFDE3B5C602F6910F309BCBD10543823B6B" },
          { version: 4, hex: "8ECAFE523964AF824016F6C8116727A60111BF2E" },
        ],
        field: "contacts.0.team.1",
      },
    ]);
    // Without a key of its own, the address takes reports through its team's keys alone.
    const teamOnly = read({ ...GOOD, contacts: [{ email: "security@example.org", team: [alice] }] });
    expect(teamOnly.findings).toEqual([]);
    expect(teamOnly.data?.contacts.map((c) => [c.email, c.team])).toEqual([["alice@example.org", "security@example.org"]]);
  });

  it("other addresses are read with their purpose, trimmed, and absent when the data has none", () => {
    const { data, findings } = read({ ...GOOD, otherAddresses: [{ email: " announce@example.org ", purpose: "security announcements " }] });
    expect(findings).toEqual([]);
    expect(data?.otherAddresses).toEqual([{ email: "announce@example.org", purpose: "security announcements" }]);
    expect(read(GOOD).data).not.toHaveProperty("otherAddresses");
  });

  it("a bad other address is an error at its line, and the data is not given", () => {
    const { data, findings } = read({ ...GOOD, otherAddresses: [{ email: "announce@example.org" }] });
    expect(data).toBeUndefined();
    expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([["data-invalid", 12, '"otherAddresses[0].purpose" is missing; expected what the address is for, e.g. "security announcements"']]);
  });

  it("declared products read as written, in order, and their field's lines are known", () => {
    const products = [
      { name: "Ballerina", repository: "https://github.com/ballerina-platform/ballerina-lang", purl: "pkg:github/ballerina-platform/ballerina-lang" },
      { name: "Example Options", repository: "https://github.com/example/options", purl: "pkg:npm/%40example/options" },
    ];
    const { data, findings, locate } = read({ ...GOOD, products });
    expect(findings).toEqual([]);
    expect(data?.products).toEqual(products);
    expect(locate?.("products.1.purl")).toEqual({ line: 20, column: 15 });
  });

  it("a product with a bad purl is left out, and nothing is read", () => {
    const { data, findings } = read({ ...GOOD, products: [{ name: "Example", repository: "https://github.com/example/options", purl: "pkg:npm/left-pad@1.0.0" }] });
    expect(data).toBeUndefined();
    expect(findings).toMatchObject([{ line: 15, column: 15, rule: "data-invalid", messageId: "purlVersion" }]);
  });

  it("a fingerprint of the wrong type names the field and its line", () => {
    const { data, findings } = read({ ...GOOD, contacts: [{ email: "security@example.org", fingerprint: 42 }] });
    expect(data).toBeUndefined();
    expect(findings).toEqual([
      {
        file: FILE,
        line: 7,
        column: 22,
        severity: "error",
        rule: "data-invalid",
        messageId: "fieldNotText",
        message: '"contacts[0].fingerprint" is the number 42; expected the OpenPGP fingerprint of the contact\'s key, as gpg prints it',
      },
    ]);
  });

  it("a fingerprint a digit short is reported as malformed at its line", () => {
    const { findings } = read({ ...GOOD, contacts: [{ email: "security@example.org", fingerprint: "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9" }] });
    expect(findings).toMatchObject([{ line: 7, rule: "data-invalid", message: expect.stringMatching(/39 hex digits/) }]);
  });

  it.each([
    [{ ...GOOD, url: "http://example.org" }, /must use https/],
    [{ ...GOOD, url: "example.org" }, /not an absolute URL/],
    [{ ...GOOD, name: "" }, /"name" is an empty string/],
    [{ ...GOOD, contacts: [] }, /"contacts" is an empty list/],
    [{ ...GOOD, contacts: "security@example.org" }, /"contacts" is the string/],
    [{ ...GOOD, contacts: [{ email: "security at example.org", fingerprint: GOOD.contacts[0]?.fingerprint }] }, /not an email address/],
    [{ ...GOOD, contacts: [GOOD.contacts[0], GOOD.contacts[0]] }, /declares already/],
    [{ ...GOOD, contact: [] }, /unknown field "contact"/],
    [{ ...GOOD, language: "English" }, /not a language tag/],
  ])("bad data is one clear finding: %#", (value, message) => {
    const { data, findings } = read(value);
    expect(data).toBeUndefined();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.message).join("\n")).toMatch(message);
    expect(findings.every((f) => f.rule === "data-invalid" && f.file === FILE && f.line >= 1)).toBe(true);
  });

  it("a missing field points at the object that lacks it", () => {
    const { findings } = read({ url: GOOD.url, contacts: GOOD.contacts, reviewed: GOOD.reviewed });
    expect(findings).toMatchObject([{ line: 1, column: 1, message: '"name" is missing; expected the site\'s name shown in the header, e.g. "Example"' }]);
  });

  it("JSON that does not parse is a finding with its line, not an exception", () => {
    const { findings } = readSiteData('{\n  "url": "https://example.org",\n  "name": "Example"\n  "contacts": []\n}', FILE);
    expect(findings).toMatchObject([{ line: 4, column: 3, rule: "data-invalid", message: expect.stringMatching(/not valid JSON: expected "}"/) }]);
  });
});

describe("a key rotation in the site data", () => {
  it("a list of fingerprints is the contact's keys, the one to use now first", () => {
    const rotated = { ...GOOD, contacts: [{ email: "security@example.org", fingerprint: ["8ECA FE52 3964 AF82 4016  F6C8 1167 27A6 0111 BF2D", GOOD.contacts[0]!.fingerprint] }] };
    const { data, findings } = read(rotated);
    expect(findings).toEqual([]);
    expect(data?.contacts[0]?.fingerprint.hex).toBe("8ECAFE523964AF824016F6C8116727A60111BF2D");
    expect(data?.contacts[0]?.fingerprints?.map((f) => f.hex)).toEqual(["8ECAFE523964AF824016F6C8116727A60111BF2D", "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91"]);
  });

  it("an empty list, a bad entry and a key listed twice are each an error at its place", () => {
    const at = (fingerprint: unknown) => read({ ...GOOD, contacts: [{ email: "security@example.org", fingerprint }] }).findings.map((f) => [f.line, f.message]);
    expect(at([])).toEqual([[7, expect.stringMatching(/^"contacts\[0\]\.fingerprint" is an empty list; .* or during a key rotation a list of them/)]]);
    expect(at([GOOD.contacts[0]!.fingerprint, 42])).toEqual([[9, '"contacts[0].fingerprint[1]" is the number 42; expected a fingerprint as gpg prints it']]);
    expect(at([GOOD.contacts[0]!.fingerprint, GOOD.contacts[0]!.fingerprint])).toEqual([[9, '"contacts[0].fingerprint[1]" lists 7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91 a second time; list each key once']]);
  });
});
