import fingerprintNotShown from "../../../src/rules/publish/fingerprint-not-shown.ts";
import type { PolicyContact } from "../../../src/data/load.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import { scanHtml } from "../../../src/formats/html-scan.ts";
import { parseJsonWithPositions } from "../../../src/formats/json.ts";
import { checkPage, createPageMemo, fingerprintsNotShown } from "../../../src/rules/page.ts";
import { judgePolicyPage } from "../../../src/verify/verify.ts";
import { testRule } from "../../support/rule-tester.ts";
import { GROUPED, HEX, OTHER, V6 } from "../page/page-input.ts";

/**
 * The site data's contacts, as JSON (a contact's `fingerprint` is one, or the current and the
 * previous ones during a rotation; grouped as gpg prints them or not), and either the pages a
 * build rendered or the policy page a deployed site serves.
 */
type Input = { data: string; pages: string[] } | { data: string; deployed: string };

const DATA_FILE = "content/_data/security.json";
const POLICY_URL = "https://example.org/security/";

function contactsOf(data: string): PolicyContact[] {
  const { contacts } = JSON.parse(data) as { contacts: Array<{ email: string; fingerprint: string | string[] }> };
  return contacts.map(({ email, fingerprint }) => {
    const fingerprints = [fingerprint]
      .flat()
      .map((written) => written.replace(/\s+/g, "").toUpperCase())
      .map((hex) => ({ version: hex.length === 64 ? 6 : 4, hex }) as const);
    return { email, fingerprint: fingerprints[0]!, grouped: formatFingerprint(fingerprints[0]!), ...(fingerprints.length > 1 ? { fingerprints } : {}) };
  });
}

/** What the build does after its last page (src/plugins/page-checks.ts), or what `npm run verify` does with the deployed page. */
function run(input: Input): Finding[] {
  const contacts = contactsOf(input.data);
  if ("deployed" in input) {
    const body = new TextEncoder().encode(input.deployed);
    return judgePolicyPage({ contacts, policyPath: "/security/" }, POLICY_URL, { ok: true, url: POLICY_URL, status: 200, headers: new Headers(), body, redirects: [] }).result.findings;
  }
  const memo = createPageMemo();
  for (const page of input.pages) checkPage(scanHtml(page), contacts, memo);
  const { positions } = parseJsonWithPositions(input.data);
  return fingerprintsNotShown(contacts, memo.shown, { file: DATA_FILE, locate: (path) => positions.get(path) ?? { line: 1, column: 1 } });
}

const one = (fingerprint: string) => `{
  "contacts": [
    { "email": "security@example.org", "fingerprint": ${JSON.stringify(fingerprint)} }
  ]
}`;
const ROTATION = `{
  "contacts": [
    {
      "email": "security@example.org",
      "fingerprint": ["${HEX}", "${OTHER}"]
    }
  ]
}`;
const TWO = `{
  "contacts": [
    { "email": "security@example.org", "fingerprint": "${HEX}" },
    { "email": "psirt@example.org", "fingerprint": "${OTHER}" }
  ]
}`;
const OTHER_GROUPED = formatFingerprint({ version: 4, hex: OTHER });
const policy = (...lines: string[]) => `<main>\n${lines.map((l) => `<p>${l}</p>`).join("\n")}\n</main>`;

const WHY = "is shown on no page, so researchers cannot check the key they encrypt to: show it on the policy page, after the address";

testRule<Input, typeof fingerprintNotShown.messages>(fingerprintNotShown, run, {
  // The site data as written, and a policy page that shows the current key after its address.
  example: (text) => ({ data: text, pages: [policy(`security@example.org: ${GROUPED}`)] }),
  valid: [
    { name: "the fingerprint after its address on the policy page", input: { data: one(HEX), pages: [policy(`security@example.org: ${GROUPED}`)] } },
    { name: "the fingerprint on one page of several", input: { data: one(HEX), pages: ["<p>About us</p>", policy(`Key: ${GROUPED}`)] } },
    { name: "a mistyped fingerprint counts as shown: fingerprint-mismatch says what is wrong", input: { data: one(HEX), pages: [policy(`security@example.org: ${GROUPED.slice(0, -1)}2`)] } },
    { name: "a malformed fingerprint counts as shown: fingerprint-malformed says what is wrong", input: { data: one(HEX), pages: [policy(`security@example.org: ${GROUPED.slice(0, -2)}`)] } },
    { name: "both keys of a rotation shown", input: { data: ROTATION, pages: [policy(`Current: ${GROUPED}`, `Previous: ${OTHER_GROUPED}`)] } },
    { name: "each of two contacts' fingerprints", input: { data: TWO, pages: [policy(`security@example.org: ${GROUPED}`, `psirt@example.org: ${OTHER_GROUPED}`)] } },
    { name: "the deployed page shows every declared fingerprint", input: { data: ROTATION, deployed: policy(`Current: ${GROUPED}`, `Previous: ${OTHER_GROUPED}`) } },
  ],
  invalid: [
    {
      name: "the one key, shown on no page, is reported at its fingerprint in the site data",
      input: { data: one(HEX), pages: [policy("Write to security@example.org.")] },
      findings: [{ messageId: "keyNotShown", line: 3, column: 55, message: `the key ${GROUPED} of security@example.org ${WHY} (security@example.org: ${GROUPED})` }],
    },
    {
      name: "a v6 key shown on no page",
      input: { data: one(V6), pages: [] },
      findings: [{ messageId: "keyNotShown", line: 3, column: 55, message: `the key ${formatFingerprint({ version: 6, hex: V6 })} of security@example.org ${WHY} (security@example.org: ${formatFingerprint({ version: 6, hex: V6 })})` }],
    },
    {
      name: "the current key of a rotation shown on no page",
      input: { data: ROTATION, pages: [policy(`Previous: ${OTHER_GROUPED}`)] },
      findings: [{ messageId: "currentKeyNotShown", line: 5, column: 23, message: `the current key ${GROUPED} of security@example.org ${WHY} (security@example.org: ${GROUPED})` }],
    },
    {
      name: "the previous key of a rotation shown on no page",
      input: { data: ROTATION, pages: [policy(`Current: ${GROUPED}`)] },
      findings: [{ messageId: "previousKeyNotShown", line: 5, column: 67, message: `the previous key ${OTHER_GROUPED} of security@example.org ${WHY} (security@example.org: ${OTHER_GROUPED})` }],
    },
    {
      name: "neither key of a rotation shown: current first",
      input: { data: ROTATION, pages: [] },
      findings: [
        { messageId: "currentKeyNotShown", line: 5, column: 23 },
        { messageId: "previousKeyNotShown", line: 5, column: 67 },
      ],
    },
    {
      name: "the second contact's key shown on no page",
      input: { data: TWO, pages: [policy(`security@example.org: ${GROUPED}`)] },
      findings: [{ messageId: "keyNotShown", line: 4, column: 52, message: `the key ${OTHER_GROUPED} of psirt@example.org ${WHY} (psirt@example.org: ${OTHER_GROUPED})` }],
    },
    {
      name: "the deployed policy page lacks a declared fingerprint",
      input: { data: ROTATION, deployed: policy(`Current: ${GROUPED}`) },
      findings: [{ messageId: "notDeployed", line: 1, column: 1, message: `the deployed page does not show ${OTHER_GROUPED} of security@example.org: deploy a fresh build` }],
    },
  ],
});
