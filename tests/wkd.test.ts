import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashLocalPart, inDomain, splitAddress, wkdKeyPath, zBase32 } from "../src/formats/wkd.ts";
import { wkdElsewhere } from "../src/publish/wkd-hosts.ts";
import { directoryEntries } from "../src/publish/wkd-entries.ts";
import { concatBytes } from "../src/formats/openpgp.ts";

describe("zBase32", () => {
  it("encodes five bits a character, most significant first", () => {
    // 0b00000_000|01_00010_0 ... : the alphabet's first characters are y (0), b (1), n (2).
    expect(zBase32(new Uint8Array([0]))).toBe("yy");
    expect(zBase32(new Uint8Array([0b00001000]))).toBe("by");
    expect(zBase32(new Uint8Array([0b11111111]))).toBe("9h");
    expect(zBase32(new Uint8Array([]))).toBe("");
  });

  it("makes ceil(8n / 5) characters of the z-base-32 alphabet, and differs for different input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        const encoded = zBase32(a);
        expect(encoded).toHaveLength(Math.ceil((a.length * 8) / 5));
        expect(encoded).toMatch(/^[ybndrfg8ejkmcpqxot1uwisza345h769]*$/);
        if (a.length === b.length && !a.every((x, i) => x === b[i])) expect(zBase32(b)).not.toBe(encoded);
      }),
    );
  });
});

describe("hashLocalPart", () => {
  it("hashes the Web Key Directory draft's example, Joe.Doe@Example.ORG, to iy9q119eutrkn8s1mk4r39qejnbu3n5q", () => {
    expect(hashLocalPart(splitAddress("Joe.Doe@Example.ORG").localPart)).toBe("iy9q119eutrkn8s1mk4r39qejnbu3n5q");
    expect(wkdKeyPath("Joe.Doe@Example.ORG")).toBe("/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q");
  });

  it("is the z-base-32 of the SHA-1 of the local part with ASCII capitals lowered: 32 characters", () => {
    const digest = createHash("sha1").update("security").digest();
    expect(hashLocalPart("SECURITY")).toBe(zBase32(digest));
    expect(hashLocalPart("SECURITY")).toHaveLength(32);
  });

  it("lowers only ASCII capitals, as the draft and gpg do: Ä stays Ä", () => {
    expect(hashLocalPart("Ärger")).toBe(zBase32(createHash("sha1").update("Ärger").digest()));
    expect(hashLocalPart("Ärger")).not.toBe(hashLocalPart("ärger"));
    // gpg-wks-client --print-wkd-hash Ärger@example.org (GnuPG 2.2.40)
    expect(hashLocalPart("Ärger")).toBe("ewd7piirpeasam9iz8or84x4be3xhxqw");
  });
});

describe("inDomain", () => {
  it("compares the address's domain with the site's host without regard to case", () => {
    expect(inDomain("security@Example.ORG", "example.org")).toBe(true);
    expect(inDomain("security@example.org", "EXAMPLE.org")).toBe(true);
  });

  it("does not count another host, a subdomain or a parent domain as the site's own", () => {
    expect(inDomain("security@example.org", "www.example.org")).toBe(false);
    expect(inDomain("security@mail.example.org", "example.org")).toBe(false);
    expect(inDomain("security@example.net", "example.org")).toBe(false);
  });

  it("splits at the last @, so a quoted local part with an @ keeps its domain", () => {
    expect(splitAddress('"a@b"@example.org')).toEqual({ localPart: '"a@b"', domain: "example.org" });
    expect(() => splitAddress("no-at-sign")).toThrow(/not an email address/);
  });
});

describe("wkdElsewhere", () => {
  const key = (n: number) => ({ publicBinary: new Uint8Array([n]) });

  it("writes both methods' trees for an address outside the site's host, each with its policy file and _headers", () => {
    const { hosts, notices } = wkdElsewhere([{ email: "Security@Acme.Example", key: key(1) }], "security.acme.example", "public-wkd");
    const hash = hashLocalPart("Security");
    expect(hosts.map((h) => [h.host, h.files.map((f) => f.file)])).toEqual([
      ["acme.example", [`.well-known/openpgpkey/hu/${hash}`, ".well-known/openpgpkey/policy", "_headers"]],
      ["openpgpkey.acme.example", [`.well-known/openpgpkey/acme.example/hu/${hash}`, ".well-known/openpgpkey/acme.example/policy", "_headers"]],
    ]);
    expect(hosts[0]!.files[0]!.content).toEqual(new Uint8Array([1]));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`https://openpgpkey.acme.example/.well-known/openpgpkey/acme.example/hu/${hash}?l=Security`);
    expect(notices[0]).toContain("deploy public-wkd/acme.example/ at https://acme.example/");
  });

  it("leaves out the site's own host (in any case) and contacts without a key", () => {
    expect(wkdElsewhere([{ email: "security@Example.ORG", key: key(1) }, { email: "nokey@acme.example" }], "example.org", "public-wkd")).toEqual({ hosts: [], notices: [] });
  });

  it("puts two addresses of one domain in one folder per host, and two whose local parts hash alike in one file", () => {
    const { hosts } = wkdElsewhere([{ email: "a@acme.example", key: key(1) }, { email: "b@acme.example", key: key(2) }, { email: "A@acme.example", key: key(3) }], "example.org", "public-wkd");
    expect(hosts.map((h) => h.host)).toEqual(["acme.example", "openpgpkey.acme.example"]);
    const direct = hosts[0]!.files;
    expect(direct.filter((f) => f.file.endsWith("/policy"))).toHaveLength(1);
    expect(direct.find((f) => f.file.endsWith(hashLocalPart("a")))!.content).toEqual(new Uint8Array([1, 3]));
    expect(direct.find((f) => f.file.endsWith(hashLocalPart("b")))!.content).toEqual(new Uint8Array([2]));
  });
});

describe("directoryEntries", () => {
  /** A parsed key: its binary, and the addresses of its user IDs valid at the moment judged. */
  const key = (addresses: string[], byte: number) => ({ addresses, publicBinary: new Uint8Array([byte]) });
  const listed = (holders: Parameters<typeof directoryEntries>[0]) => directoryEntries(holders).map((e) => [e.address, e.binary[0]]);

  it("serves a contact's key under its address, as declared", () => {
    expect(listed([{ email: "security@example.org", key: key(["security@example.org"], 1) }])).toEqual([["security@example.org", 1]]);
    // Even a key that lacks the address (key-uid-mismatch's error) stays where the site data put it.
    expect(listed([{ email: "security@example.org", key: key(["alice@example.org"], 1) }])).toEqual([["security@example.org", 1]]);
  });

  it("serves a team member's key under the person's address and the team's, each only where a valid user ID carries it", () => {
    const team = "security@example.org";
    expect(
      listed([
        { email: "alice@example.org", team, key: key(["alice@example.org", "Security@EXAMPLE.org"], 1) },
        { email: "bob@example.org", team, key: key(["bob@example.org"], 2) },
        { email: "carol@example.org", team, key: key(["carol@elsewhere.example", "security@example.org"], 3) },
        // Dan's user ID with the team's address is revoked: it is not among his key's valid addresses.
        { email: "dan@example.org", team, key: key(["dan@example.org"], 4) },
        { email: "erin@example.org", team },
      ]),
    ).toEqual([
      ["alice@example.org", 1],
      ["bob@example.org", 2],
      ["security@example.org", 3],
      ["dan@example.org", 4],
    ]);
  });

  it("compares the domain without case and the local part exactly, as mail does", () => {
    expect(listed([{ email: "alice@example.org", team: "security@example.org", key: key(["ALICE@example.org", "security@Example.ORG"], 1) }])).toEqual([["security@example.org", 1]]);
  });

  it("puts several keys for one hash one after another", () => {
    expect([...concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])])]).toEqual([1, 2, 3]);
  });
});
