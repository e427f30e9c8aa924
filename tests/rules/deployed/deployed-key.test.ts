import { describe, expect, it } from "vitest";
import type { PolicyContact } from "../../../src/data/load.ts";
import deployedKey from "../../../src/rules/deployed/deployed-key.ts";
import { DEFAULT_KEYS_PATH } from "../../../src/formats/site-paths.ts";
import { inspectKey } from "../../../src/rules/keys.ts";
import { judgeKeyserverKey, judgePublishedKey } from "../../../src/verify/verify.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, expiringKey, fixtureContact, fixtureKey, NOW, writtenAnswer } from "./answers.ts";

const SITE_URL = "https://example.org/security/keys/security@example.org.asc";
const KEYSERVER_URL = "https://keys.openpgp.org/vks/v1/by-fingerprint/7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";

const security = await fixtureContact("ed25519.asc");

const soon = await expiringKey("soon@example.org");

interface Input {
  /** The site's published key file, or a keyserver's answer for the fingerprint. */
  from: "site" | "keyserver";
  contact?: PolicyContact;
  status?: number;
  body?: string;
  /** null: no Content-Type. */
  type?: string | null;
}

async function run(input: Input) {
  const who = input.contact ?? security;
  const type = input.type === undefined ? "application/pgp-keys" : input.type;
  const served = answer(input.status ?? 200, input.body ?? fixtureKey("ed25519.asc"), type === null ? {} : { "content-type": type });
  const result =
    input.from === "site"
      ? await judgePublishedKey({ keysPath: DEFAULT_KEYS_PATH, now: NOW }, who, SITE_URL, served)
      : await judgeKeyserverKey({ now: NOW }, who, KEYSERVER_URL, served);
  return result.findings;
}

testRule(deployedKey, run, {
  valid: [
    { name: "the declared key, published by the site", input: { from: "site" } },
    { name: "the declared key at a keyserver, served as application/pgp-keys", input: { from: "keyserver" } },
    { name: "the declared key at a keyserver, served as application/pgp-keys with a charset", input: { from: "keyserver", type: "application/pgp-keys; charset=utf-8" } },
    { name: "a key about to expire: a warning of the build's, not a disagreement", input: { from: "site", contact: soon.contact, body: soon.armored } },
  ],
  invalid: [
    {
      name: "no key file where the build puts it",
      input: { from: "site", status: 404, body: "not found" },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 404, not the key: deploy the build's public/security/keys/security@example.org.asc" }],
    },
    {
      name: "a key file that holds the secret key",
      input: { from: "site", contact: await fixtureContact("private.asc"), body: fixtureKey("private.asc") },
      findings: [{ messageId: "keyProblem", line: 1, column: 1 }],
    },
    {
      name: "a key file whose key was revoked",
      input: { from: "site", contact: await fixtureContact("revoked.asc"), body: fixtureKey("revoked.asc") },
      findings: [{ messageId: "keyProblem", line: 1, column: 1 }],
    },
    {
      name: "a key file that holds another key: each error of the key checks its own line",
      input: { from: "site", body: fixtureKey("rsa.asc") },
      findings: [
        { messageId: "keyProblem", line: 1, column: 1 },
        { messageId: "keyProblem", line: 1, column: 1 },
      ],
    },
    {
      name: "a keyserver that serves the key as text/plain",
      input: { from: "keyserver", type: "text/plain" },
      findings: [{ messageId: "contentType", line: 1, column: 1, message: "is served as text/plain, not application/pgp-keys: set the Content-Type (see _headers, or npm run nginx-config)" }],
    },
    {
      name: "a keyserver that serves the key without a Content-Type",
      input: { from: "keyserver", type: null },
      findings: [{ messageId: "contentType", line: 1, column: 1, message: "is served as (none), not application/pgp-keys: set the Content-Type (see _headers, or npm run nginx-config)" }],
    },
    { name: "a type that only ends in application/pgp-keys", input: { from: "keyserver", type: "x-application/pgp-keys" }, findings: [{ messageId: "contentType", line: 1, column: 1 }] },
    { name: "a type that only begins with application/pgp-keys", input: { from: "keyserver", type: "application/pgp-keysets" }, findings: [{ messageId: "contentType", line: 1, column: 1 }] },
  ],
  example: (text): Input => {
    const served = writtenAnswer(text);
    return { from: "site", status: served.status, body: served.body, type: served.headers["content-type"] ?? null };
  },
});

describe("a deployed key file's errors", () => {
  it("are the key checks' errors, each with the rule that found it, as the build prints them", async () => {
    const report = await inspectKey(fixtureKey("rsa.asc"), { email: security.email, fingerprint: security.fingerprint, now: NOW });
    const errors = report.problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => p.rule)).toEqual(["key-fingerprint-mismatch", "key-uid-mismatch"]);
    const found = await run({ from: "site", body: fixtureKey("rsa.asc") });
    expect(found.map((f) => f.message)).toEqual(errors.map((p) => `${p.message} [${p.rule}]`));
  });

  it("say which key check found the revocation", async () => {
    const [found] = await run({ from: "site", contact: await fixtureContact("revoked.asc"), body: fixtureKey("revoked.asc") });
    expect(found?.message).toMatch(/ \[key-revoked\]$/);
  });
});
