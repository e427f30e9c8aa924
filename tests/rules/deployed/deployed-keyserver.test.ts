import { armor, enums, readKeys } from "openpgp";
import { describe, expect, it } from "vitest";
import type { PolicyContact } from "../../../src/data/load.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import deployedKeyserver from "../../../src/rules/deployed/deployed-keyserver.ts";
import { inspectKey } from "../../../src/rules/keys.ts";
import { judgeKeyserverEmail, judgeKeyserverKey } from "../../../src/verify/verify.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, contact, expiringKey, fixtureContact, fixtureFingerprint, fixtureKey, NOW, statusAndBody } from "./answers.ts";

const security = await fixtureContact("ed25519.asc");
/** During a rotation: the ed25519 key now, the RSA key before it. */
const rotating = await contact(fixtureKey("ed25519.asc"), "security@example.org", [fixtureFingerprint("ed25519.asc"), fixtureFingerprint("rsa.asc")]);
const soon = await expiringKey("soon@example.org");

/** Two keys in one armored block, as a keyserver gives every key it has for an address. */
async function together(...files: string[]): Promise<string> {
  const keys = (await Promise.all(files.map((f) => readKeys({ armoredKeys: fixtureKey(f) })))).flat();
  return armor(enums.armor.publicKey, new Uint8Array(Buffer.concat(keys.map((k) => k.toPacketList().write()))));
}

const BY_FINGERPRINT = "https://pgp.example.net/pks/lookup?op=get&options=mr&search=0x7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
const BY_EMAIL = "https://keys.openpgp.org/vks/v1/by-email/security%40example.org";

interface Input {
  /** What the keyserver is asked: the contact's fingerprint (HKP or VKS), or its address (VKS). */
  ask: "fingerprint" | "email";
  contact?: PolicyContact;
  status?: number;
  body?: string;
}

async function run(input: Input) {
  const served = answer(input.status ?? 200, input.body ?? fixtureKey("ed25519.asc"), { "content-type": "application/pgp-keys" });
  const who = input.contact ?? security;
  const result = input.ask === "fingerprint" ? await judgeKeyserverKey({ now: NOW }, who, BY_FINGERPRINT, served) : await judgeKeyserverEmail(who, BY_EMAIL, served);
  return result.findings;
}

const v6 = fixtureFingerprint("v6.asc");

testRule(deployedKeyserver, run, {
  valid: [
    { name: "the declared key, by fingerprint", input: { ask: "fingerprint" } },
    { name: "the declared key without its user ID, as keys.openpgp.org gives it before the address is verified", input: { ask: "fingerprint", contact: await fixtureContact("other-address.asc"), body: fixtureKey("other-address.asc") } },
    { name: "the declared key with another beside it, by fingerprint: only the key asked for counts", input: { ask: "fingerprint", body: await together("ed25519.asc", "rsa.asc") } },
    { name: "a key about to expire: a warning of the build's, not a disagreement", input: { ask: "fingerprint", contact: soon.contact, body: soon.armored } },
    { name: "the declared key, by address", input: { ask: "email" } },
    { name: "no key by address, because the address is not verified there", input: { ask: "email", status: 404, body: "" } },
    { name: "during a rotation, the current and the previous key by address", input: { ask: "email", contact: rotating, body: await together("ed25519.asc", "rsa.asc") } },
  ],
  invalid: [
    {
      name: "a keyserver the page sends researchers to that does not have the key",
      input: { ask: "fingerprint", status: 404, body: "" },
      findings: [
        {
          messageId: "missing",
          line: 1,
          column: 1,
          message: "has no key 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 of security@example.org, which the page sends researchers to look up: upload it (gpg --send-keys, or the keyserver's upload page)",
        },
      ],
    },
    { name: "a keyserver that fails when asked for the fingerprint", input: { ask: "fingerprint", status: 500, body: "" }, findings: [{ messageId: "statusKey", line: 1, column: 1, message: "answers 500, not the key" }] },
    {
      name: "a keyserver that has the revocation the repository lacks",
      input: { ask: "fingerprint", contact: await fixtureContact("revoked.asc"), body: fixtureKey("revoked.asc") },
      findings: [{ messageId: "keyProblem", line: 1, column: 1 }],
    },
    {
      name: "a keyserver that gives another key for the fingerprint",
      input: { ask: "fingerprint", body: fixtureKey("rsa.asc") },
      findings: [{ messageId: "keyProblem", line: 1, column: 1 }],
    },
    { name: "a keyserver that fails when asked for the address", input: { ask: "email", status: 500, body: "" }, findings: [{ messageId: "statusByEmail", line: 1, column: 1, message: "answers 500, not a key" }] },
    { name: "an answer by address that is not a key", input: { ask: "email", body: "<html>rate limited</html>" }, findings: [{ messageId: "notAKey", line: 1, column: 1 }] },
    {
      name: "another key for the address",
      input: { ask: "email", body: fixtureKey("rsa.asc") },
      findings: [
        {
          messageId: "otherKey",
          line: 1,
          column: 1,
          message: "gives another key for security@example.org: 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D; researchers who look the address up would encrypt to it: revoke that key, or declare it",
        },
      ],
    },
    {
      name: "the declared key and another for the address: only the other is named",
      input: { ask: "email", body: await together("ed25519.asc", "rsa.asc") },
      findings: [{ messageId: "otherKey", line: 1, column: 1 }],
    },
    {
      name: "two other keys for the address, one of them a version 6 key",
      input: { ask: "email", body: await together("rsa.asc", "v6.asc") },
      findings: [
        {
          messageId: "otherKey",
          line: 1,
          column: 1,
          message: `gives another key for security@example.org: 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D, ${formatFingerprint(v6)}; researchers who look the address up would encrypt to it: revoke that key, or declare it`,
        },
      ],
    },
  ],
  // The keyserver asked for the declared key by its fingerprint.
  example: (text): Input => ({ ask: "fingerprint", ...statusAndBody(text) }),
});

describe("a keyserver's answers", () => {
  it("a key check's error is told with the rule that found it", async () => {
    const [found] = await run({ ask: "fingerprint", contact: await fixtureContact("revoked.asc"), body: fixtureKey("revoked.asc") });
    expect(found?.message).toMatch(/ \[key-revoked\]$/);
  });

  it("the key checks do find what the keyserver's answer is excused: a missing user ID, a second key, a key about to expire", async () => {
    const stripped = await inspectKey(fixtureKey("other-address.asc"), { email: "security@example.org", fingerprint: fixtureFingerprint("other-address.asc"), now: NOW });
    expect(stripped.problems.map((p) => p.rule)).toContain("key-uid-mismatch");
    const two = await inspectKey(await together("ed25519.asc", "rsa.asc"), { email: "security@example.org", fingerprint: fixtureFingerprint("ed25519.asc"), now: NOW });
    expect(two.problems.map((p) => p.rule)).toContain("key-multiple");
    const expiring = await inspectKey(soon.armored, { email: "soon@example.org", fingerprint: soon.contact.fingerprint, now: NOW });
    expect(expiring.problems.map((p) => p.severity)).toContain("warning");
  });

  it("no key by address is a notice: the address may not be verified there", async () => {
    const result = await judgeKeyserverEmail(security, BY_EMAIL, answer(404));
    expect(result.notices).toEqual(["no key is published for security@example.org by address (the address is not verified there)"]);
  });

  it("an answer that is not a key says what openpgp.js made of it", async () => {
    const [found] = await run({ ask: "email", body: "<html>rate limited</html>" });
    expect(found?.message).toMatch(/^is not an OpenPGP key \(openpgp\.js: .+\)$/);
  });
});
