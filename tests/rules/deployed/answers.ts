/**
 * What a deployed source answers, as the fetcher gives it to verify's checks, and the contacts
 * verify judges the answers against: made from the key fixtures (tests/fixtures/keys/) or from
 * keys made by the test.
 */
import { readFileSync } from "node:fs";
import { generateKey, readKey } from "openpgp";
import path from "node:path";
import type { PolicyContact } from "../../../src/data/load.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { inspectKey } from "../../../src/rules/keys.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import type { Fingerprint } from "../../../src/types.ts";
import type { Fault } from "../../../src/verify/net.ts";
import type { Answer, Failure } from "../../../src/verify/verify.ts";
import { ROOT } from "../../support/fixture-site.ts";
import type { ExpectedFinding } from "../../support/rule-tester.ts";

/** When the checks judge: after every fixture key was made, before any of the good ones expires. */
export const NOW = new Date("2026-02-01T12:00:00Z");

/** A server's answer: the status, the headers (lower-case names) and the body. */
export function answer(status: number, body: string | Uint8Array = "", headers: Record<string, string> = {}, redirects: string[] = []): Answer {
  return { ok: true, url: "https://example.org/", status, headers: new Headers(headers), body: typeof body === "string" ? new TextEncoder().encode(body) : body, redirects };
}

/** A server's answer as a doc page writes it. */
export interface WrittenAnswer {
  status: number;
  /** By lower-case name. */
  headers: Record<string, string>;
  body: string;
}

/**
 * A server's answer as a doc page writes it, the way HTTP/1.1 sends it: the status line, a
 * header a line, a blank line and the body.
 *
 *     HTTP/1.1 404 Not Found
 *     Content-Type: text/html; charset=utf-8
 *
 *     <h1>Not Found</h1>
 */
export function writtenAnswer(text: string): WrittenAnswer {
  const blank = text.indexOf("\n\n");
  const [statusLine = "", ...headerLines] = (blank < 0 ? text.trimEnd() : text.slice(0, blank)).split("\n");
  const status = /^HTTP\/[\d.]+ (\d{3})\b/.exec(statusLine)?.[1];
  if (status === undefined) throw new Error(`"${statusLine}" is not an HTTP status line`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const header = /^([\w-]+):\s*(.*)$/.exec(line);
    if (header === null) throw new Error(`"${line}" is not a header`);
    headers[header[1]!.toLowerCase()] = header[2]!;
  }
  return { status: Number(status), headers, body: blank < 0 ? "" : text.slice(blank + 2) };
}

/**
 * The status and body of a written answer, for a run that sets the headers itself (`served`):
 * a header the answer gives must be one of those, with the same value.
 */
export function statusAndBody(text: string, served: Record<string, string> = {}): { status: number; body: string } {
  const { status, headers, body } = writtenAnswer(text);
  for (const [name, value] of Object.entries(headers)) {
    if (served[name] !== value) throw new Error(`this rule's run serves ${name}: ${served[name] ?? "(none)"}; the example cannot give ${value}`);
  }
  return { status, body };
}

/** No answer: `unreachable` when the host said nothing at all. */
export function failure(fault: Fault, unreachable = true, redirects: string[] = []): Failure {
  return { ok: false, url: "https://example.org/", fault, unreachable, redirects };
}

interface KeyFixture {
  email: string;
  fingerprint: Fingerprint;
}

const FIXTURES = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/keys/keys.json"), "utf8")) as Record<string, KeyFixture>;

/** The armored key of a fixture file. */
export function fixtureKey(file: string): string {
  return readFileSync(path.join(ROOT, "tests/fixtures/keys", file), "utf8");
}

/** A fixture's fingerprint. */
export function fixtureFingerprint(file: string): Fingerprint {
  return FIXTURES[file]!.fingerprint;
}

/** A contact as verify has it: the address and fingerprints of the site data, and its key file, read. */
export async function contact(armored: string, email: string, fingerprints: Fingerprint[]): Promise<PolicyContact> {
  const [fingerprint, ...previous] = fingerprints;
  const key = await inspectKey(armored, { email, fingerprint: fingerprint!, previous, now: NOW });
  return { email, fingerprint: fingerprint!, ...(previous.length > 0 ? { fingerprints } : {}), grouped: formatFingerprint(fingerprint!), key };
}

/** The contact a fixture key is made for. */
export async function fixtureContact(file: string): Promise<PolicyContact> {
  const { email, fingerprint } = FIXTURES[file]!;
  return await contact(fixtureKey(file), email, [fingerprint]);
}

/** A key made for `email` on 2026-01-01 that expires ten days after NOW (a warning, never an error), and its contact. */
export async function expiringKey(email: string): Promise<{ armored: string; contact: PolicyContact }> {
  const made = Date.parse("2026-01-01T00:00:00Z");
  const { publicKey } = await generateKey({ type: "ecc", curve: "ed25519Legacy", userIDs: [{ email }], date: new Date(made), keyExpirationTime: (NOW.getTime() + 10 * 86_400_000 - made) / 1000, format: "armored" });
  const hex = (await readKey({ armoredKey: publicKey })).getFingerprint().toUpperCase();
  return { armored: publicKey, contact: await contact(publicKey, email, [{ version: 4, hex }]) };
}

/**
 * Another rule's finding in a case's list, its message id checked against that rule's own
 * messages (a case's list is typed by the messages of the rule under test).
 */
export function otherRule<Messages extends Record<string, string>>(rule: Rule<string, Messages>, messageId: keyof Messages & string, at: { line: number; column: number; message?: string }): ExpectedFinding<never> {
  return { rule: rule.id, messageId, ...at } as unknown as ExpectedFinding<never>;
}
