import { describe, expect, it } from "vitest";
import type { PolicyContact } from "../../../src/data/load.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import deployedPage from "../../../src/rules/deployed/deployed-page.ts";
import fingerprintNotShown from "../../../src/rules/publish/fingerprint-not-shown.ts";
import { judgePolicyPage } from "../../../src/verify/verify.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, fixtureFingerprint, otherRule, statusAndBody } from "./answers.ts";

const URL = "https://example.org/security/";
const CURRENT = fixtureFingerprint("ed25519.asc");
const PREVIOUS = fixtureFingerprint("rsa.asc");

const ONE: PolicyContact = { email: "security@example.org", fingerprint: CURRENT, grouped: formatFingerprint(CURRENT) };
/** During a rotation: the current key and the previous one, both to be shown. */
const ROTATING: PolicyContact = { ...ONE, fingerprints: [CURRENT, PREVIOUS] };

const page = (...shown: string[]) =>
  `<main>\n<h1>Security</h1>\n<p>Write to <a href="mailto:security@example.org">security@example.org</a>.</p>\n${shown.map((f) => `<p>security@example.org: <code>${f}</code></p>\n`).join("")}</main>\n`;

interface Input {
  status?: number;
  html: string;
  contacts?: PolicyContact[];
  policyPath?: string;
}

const SERVED = { "content-type": "text/html; charset=utf-8" };

const run = (input: Input) =>
  judgePolicyPage({ contacts: input.contacts ?? [ONE], policyPath: input.policyPath ?? "/security/" }, URL, answer(input.status ?? 200, input.html, SERVED)).result.findings;

testRule(deployedPage, run, {
  valid: [
    { name: "the policy page, showing the contact's fingerprint", input: { html: page(formatFingerprint(CURRENT)) } },
    { name: "during a rotation, the page showing the current and the previous fingerprint", input: { html: page(formatFingerprint(CURRENT), formatFingerprint(PREVIOUS)), contacts: [ROTATING] } },
  ],
  invalid: [
    {
      name: "no page where the build puts it",
      input: { status: 404, html: "<h1>Not found</h1>" },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 404, not the policy page: deploy the build's public/security/" }],
    },
    {
      name: "a server error, for a policy page at another path",
      input: { status: 500, html: "", policyPath: "/policy/" },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 500, not the policy page: deploy the build's public/policy/" }],
    },
    {
      name: "a page that does not show the declared fingerprint",
      input: { html: page() },
      findings: [
        otherRule(fingerprintNotShown, "notDeployed", {
          line: 1,
          column: 1,
          message: "the deployed page does not show 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 of security@example.org: deploy a fresh build",
        }),
      ],
    },
    {
      name: "during a rotation, a page that shows the current fingerprint but not the previous one",
      input: { html: page(formatFingerprint(CURRENT)), contacts: [ROTATING] },
      findings: [otherRule(fingerprintNotShown, "notDeployed", { line: 1, column: 1, message: `the deployed page does not show ${formatFingerprint(PREVIOUS)} of security@example.org: deploy a fresh build` })],
    },
  ],
  example: (text) => {
    const { status, body } = statusAndBody(text, SERVED);
    return { status, html: body };
  },
});

describe("the deployed policy page", () => {
  it("gives its HTML, for the keyservers it links to, when it is there", () => {
    const html = page(formatFingerprint(CURRENT));
    expect(judgePolicyPage({ contacts: [ONE], policyPath: "/security/" }, URL, answer(200, html)).html).toBe(html);
    expect(judgePolicyPage({ contacts: [ONE], policyPath: "/security/" }, URL, answer(404, html)).html).toBeUndefined();
  });

  it("keeps the redirects that led to it as notices", () => {
    const result = judgePolicyPage({ contacts: [ONE], policyPath: "/security/" }, URL, answer(200, page(formatFingerprint(CURRENT)), {}, ["https://example.org/security → https://example.org/security/ (301)"])).result;
    expect(result).toMatchObject({ unreachable: false, notices: ["redirected: https://example.org/security → https://example.org/security/ (301)"] });
  });
});
