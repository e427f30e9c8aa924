import { generateKey, readKey } from "openpgp";
import { describe, expect, it } from "vitest";
import type { PolicyContact } from "../../../src/data/load.ts";
import deployedUnreachable from "../../../src/rules/deployed/deployed-unreachable.ts";
import deployedWkd from "../../../src/rules/deployed/deployed-wkd.ts";
import { judgeWkdKey, judgeWkdPolicy } from "../../../src/verify/verify.ts";
import type { Fetched } from "../../../src/verify/net.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, contact, failure, fixtureContact, fixtureFingerprint, fixtureKey, otherRule, writtenAnswer } from "./answers.ts";

const DIRECT = "https://example.org/.well-known/openpgpkey/hu/t5s8ztdbon8yzntexy6oz5y48etqsnbb?l=security";
const ADVANCED = "https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/t5s8ztdbon8yzntexy6oz5y48etqsnbb?l=security";
const POLICY = "https://example.org/.well-known/openpgpkey/policy";
const SERVED = { "content-type": "application/octet-stream", "access-control-allow-origin": "*" };

const security = await fixtureContact("ed25519.asc");
const binary = async (file: string) => (await fixtureContact(file)).key!.publicBinary!;
const ED25519 = security.key!.publicBinary!;
const RSA = await binary("rsa.asc");

/** The contact's key with one user ID as given (not "Name <address>"). */
async function withUserId(userId: string): Promise<{ contact: PolicyContact; binary: Uint8Array }> {
  const { publicKey } = await generateKey({ type: "ecc", curve: "ed25519Legacy", userIDs: [{ name: userId }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
  const hex = (await readKey({ armoredKey: publicKey })).getFingerprint().toUpperCase();
  const made = await contact(publicKey, "security@example.org", [{ version: 4, hex }]);
  return { contact: made, binary: made.key!.publicBinary! };
}

const bare = await withUserId("security@example.org");
const otherCase = await withUserId("Security Team <Security@Example.ORG>");
const mentioned = await withUserId("not security@example.org");

interface Input {
  contact?: PolicyContact;
  /** The advanced method's host, asked first; the direct one otherwise. */
  advanced?: boolean;
  key: Fetched;
  /** The directory's policy file (default: there). */
  policy?: Fetched;
  /** The site is at security.example.org, not at the address's domain, example.org. */
  elsewhere?: boolean;
}

/** A site at security.example.org, its contact at example.org. */
const ELSEWHERE = { siteHost: "security.example.org", domain: "example.org" };

async function run(input: Input) {
  const url = input.advanced ? ADVANCED : DIRECT;
  const { result, askPolicy } = await judgeWkdKey(input.contact ?? security, url, input.key, input.advanced ?? false, input.elsewhere ? ELSEWHERE : undefined);
  if (askPolicy) result.findings.push(...judgeWkdPolicy(POLICY, input.policy ?? answer(200, ""), input.elsewhere ? new URL(POLICY).hostname : undefined));
  return result.findings;
}

const REFUSED = failure({ id: "refused", values: { host: "openpgpkey.example.org" } });
const found = (messageId: keyof typeof deployedWkd.messages, message?: string) => ({ messageId, line: 1, column: 1, ...(message === undefined ? {} : { message }) });

testRule(deployedWkd, run, {
  valid: [
    { name: "the declared key, binary, as application/octet-stream with Access-Control-Allow-Origin: *", input: { key: answer(200, ED25519, SERVED) } },
    { name: "the same at the advanced method's host", input: { advanced: true, key: answer(200, ED25519, SERVED) } },
    { name: "application/octet-stream with a parameter", input: { key: answer(200, ED25519, { ...SERVED, "content-type": "application/octet-stream; charset=binary" }) } },
    { name: "no advanced method's host at all: clients use the direct method", input: { advanced: true, key: REFUSED, policy: REFUSED } },
    { name: "the declared key at the address's own domain, which is not the site's host", input: { elsewhere: true, key: answer(200, ED25519, SERVED) } },
    { name: "no advanced method's host for an address elsewhere: clients use the direct method", input: { elsewhere: true, advanced: true, key: REFUSED, policy: REFUSED } },
    { name: "an advanced method's host without the key: clients use the direct method", input: { advanced: true, key: answer(404, "", SERVED), policy: REFUSED } },
    { name: "a user ID that is the bare address", input: { contact: bare.contact, key: answer(200, bare.binary, SERVED) } },
    { name: "a user ID whose address is written in other case", input: { contact: otherCase.contact, key: answer(200, otherCase.binary, SERVED) } },
    {
      name: "during a rotation, the previous key still in the directory",
      input: { contact: await contact(fixtureKey("ed25519.asc"), "security@example.org", [fixtureFingerprint("rsa.asc"), fixtureFingerprint("ed25519.asc")]), key: answer(200, ED25519, SERVED) },
    },
  ],
  invalid: [
    { name: "no key at the direct method's address", input: { key: answer(404, "", SERVED), policy: REFUSED }, findings: [found("status", "answers 404, not the key: deploy the build's public/.well-known/openpgpkey/")] },
    {
      name: "no key at the address's own domain, which is not the site's host",
      input: { elsewhere: true, key: answer(404, "", SERVED) },
      findings: [found("statusElsewhere", "answers 404, not the key: security@example.org is not in the site's host security.example.org, so clients ask example.org; deploy the build's public-wkd/example.org/ at https://example.org/")],
    },
    {
      name: "the advanced method's host of an address elsewhere failing rather than lacking the key",
      input: { elsewhere: true, advanced: true, key: answer(500, "", SERVED) },
      findings: [found("statusElsewhere", "answers 500, not the key: security@example.org is not in the site's host security.example.org, so clients ask openpgpkey.example.org; deploy the build's public-wkd/openpgpkey.example.org/ at https://openpgpkey.example.org/")],
    },
    { name: "the advanced method's host failing rather than lacking the key", input: { advanced: true, key: answer(500, "", SERVED) }, findings: [found("status", "answers 500, not the key: deploy the build's public/.well-known/openpgpkey/")] },
    { name: "a direct method's host that cannot be reached", input: { key: REFUSED }, findings: [otherRule(deployedUnreachable, "refused", { line: 1, column: 1 })] },
    {
      name: "an advanced method's host that answers with something verify does not take",
      input: { advanced: true, key: failure({ id: "tooLarge", values: { max: 1_048_576 } }, false) },
      findings: [otherRule(deployedUnreachable, "tooLarge", { line: 1, column: 1 })],
    },
    {
      name: "the key served as application/pgp-keys",
      input: { key: answer(200, ED25519, { ...SERVED, "content-type": "application/pgp-keys" }) },
      findings: [found("contentType", "is served as application/pgp-keys, not application/octet-stream: set the Content-Type (see _headers, or npm run nginx-config)")],
    },
    {
      name: "the key served without a Content-Type",
      input: { key: answer(200, ED25519, { "access-control-allow-origin": "*" }) },
      findings: [found("contentType", "is served as (none), not application/octet-stream: set the Content-Type (see _headers, or npm run nginx-config)")],
    },
    { name: "a type that only ends in application/octet-stream", input: { key: answer(200, ED25519, { ...SERVED, "content-type": "x-application/octet-stream" }) }, findings: [found("contentType")] },
    { name: "a type that only begins with application/octet-stream", input: { key: answer(200, ED25519, { ...SERVED, "content-type": "application/octet-streams" }) }, findings: [found("contentType")] },
    {
      name: "the key served without Access-Control-Allow-Origin",
      input: { key: answer(200, ED25519, { "content-type": "application/octet-stream" }) },
      findings: [found("noCors", "is served without Access-Control-Allow-Origin: *, so web mail clients cannot read it: set the header (see _headers, or npm run nginx-config)")],
    },
    { name: "Access-Control-Allow-Origin for the site alone", input: { key: answer(200, ED25519, { ...SERVED, "access-control-allow-origin": "https://example.org" }) }, findings: [found("noCors")] },
    {
      name: "an armored key",
      input: { key: answer(200, fixtureKey("ed25519.asc"), SERVED) },
      findings: [found("armored", "holds an armored key; the Web Key Directory serves the binary key: deploy the build's file")],
    },
    { name: "bytes that are no key", input: { key: answer(200, "not a key at all", SERVED) }, findings: [found("notAKey")] },
    { name: "an HTML page", input: { key: answer(200, "<!doctype html><title>Not found</title>", SERVED) }, findings: [found("notAKeyHtml")] },
    { name: "an HTML page after blank lines", input: { key: answer(200, "\n\n  <html><title>Not found</title></html>", SERVED) }, findings: [found("notAKeyHtml")] },
    {
      name: "another key at the direct method's address",
      input: { key: answer(200, RSA, SERVED) },
      findings: [found("otherKey", "holds 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D, not the declared 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 of security@example.org: deploy the build's file")],
    },
    {
      name: "another key at the advanced method's host, which clients ask first",
      input: { advanced: true, key: answer(200, RSA, SERVED) },
      findings: [
        found(
          "otherKeyAdvanced",
          "holds 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D, not the declared 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 of security@example.org; clients ask this host first: deploy the build's file",
        ),
      ],
    },
    {
      name: "the declared key without the address on it",
      input: { contact: await fixtureContact("other-address.asc"), key: answer(200, await binary("other-address.asc"), SERVED) },
      findings: [found("noAddress", "holds the key, but no user ID on it carries security@example.org: clients ignore it")],
    },
    { name: "a user ID that mentions the address in other words", input: { contact: mentioned.contact, key: answer(200, mentioned.binary, SERVED) }, findings: [found("noAddress")] },
    {
      name: "a team's file where another member's key carries the address and the declared one does not",
      input: { contact: mentioned.contact, key: answer(200, new Uint8Array([...bare.binary, ...mentioned.binary]), SERVED) },
      findings: [found("noAddress")],
    },
    {
      name: "no policy file",
      input: { key: answer(200, ED25519, SERVED), policy: answer(404) },
      findings: [found("policyStatus", "the directory's policy file is answered with 404: deploy the build's public/.well-known/openpgpkey/policy")],
    },
    {
      name: "a policy file that cannot be reached",
      input: { key: answer(200, ED25519, SERVED), policy: failure({ id: "refused", values: { host: "example.org" } }) },
      findings: [found("policyUnreachable", "the directory's policy file is unreachable (connection refused by example.org): deploy the build's public/.well-known/openpgpkey/policy")],
    },
    {
      name: "no policy file at the address's own domain, which is not the site's host",
      input: { elsewhere: true, key: answer(200, ED25519, SERVED), policy: answer(404) },
      findings: [found("policyElsewhere", "the directory's policy file is not there (answered with 404): deploy the build's public-wkd/example.org/ at https://example.org/")],
    },
    {
      name: "a policy file that cannot be reached at the address's own domain",
      input: { elsewhere: true, key: answer(200, ED25519, SERVED), policy: failure({ id: "refused", values: { host: "example.org" } }) },
      findings: [found("policyElsewhere", "the directory's policy file is not there (connection refused by example.org): deploy the build's public-wkd/example.org/ at https://example.org/")],
    },
    {
      name: "every fault of an answer at once, in order",
      input: { key: answer(200, fixtureKey("ed25519.asc"), { "content-type": "text/plain" }), policy: answer(403) },
      findings: [found("contentType"), found("noCors"), found("armored"), found("policyStatus")],
    },
  ],
  example: (text) => {
    const served = writtenAnswer(text);
    return { key: answer(served.status, served.body, served.headers) };
  },
});

describe("a Web Key Directory's answers", () => {
  it("the keys the cases make carry the user IDs the cases say", () => {
    expect([bare, otherCase, mentioned].map((k) => k.contact.key!.userIds)).toEqual([["security@example.org"], ["Security Team <Security@Example.ORG>"], ["not security@example.org"]]);
  });

  it("a policy file's finding is about the policy file", () => {
    expect(judgeWkdPolicy(POLICY, answer(404)).map((f) => f.file)).toEqual([POLICY]);
  });

  it("an advanced method's host that is not there, or has no key, is a notice", async () => {
    const absent = await judgeWkdKey(security, ADVANCED, REFUSED, true);
    expect(absent.result.notices).toEqual(["the advanced method's host is not there (connection refused by openpgpkey.example.org); clients use the direct method"]);
    const empty = await judgeWkdKey(security, ADVANCED, answer(404), true);
    expect(empty.result.notices).toEqual(["the advanced method's host has no key for the address; clients then use the direct method"]);
  });

  it("bytes that are no key say what openpgp.js made of them", async () => {
    const [plain] = await run({ key: answer(200, "not a key at all", SERVED) });
    expect(plain?.message).toMatch(/^is not an OpenPGP key \(openpgp\.js: .+\): deploy the build's file$/);
    const [html] = await run({ key: answer(200, "<!doctype html>", SERVED) });
    expect(html?.message).toMatch(/^is not an OpenPGP key \(openpgp\.js: .+\); it looks like HTML: deploy the build's file$/);
  });
});
