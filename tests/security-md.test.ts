/**
 * `npm run security-md`: the repository's SECURITY.md written from a made-up project's site data
 * and keys (a team, two products' releases, the disclosure facts), scored by OpenSSF Scorecard's
 * published Security-Policy logic (tests/support/scorecard.ts), checked by verify's own SECURITY.md
 * checks, and kept in step by --check.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { securityMdCommand } from "../src/build/security-md-command.ts";
import { loadPolicyData, policyGlobal } from "../src/data/load.ts";
import { readSecurityMd } from "../src/verify/verify.ts";
import { layOutFixture, ROOT } from "./support/fixture-site.ts";
import { runWritten } from "./support/written-command.ts";
import { securityPolicyScore } from "./support/scorecard.ts";

const KEYS = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/keys/keys.json"), "utf8")) as Record<string, { fingerprint: { hex: string } }>;
const ED = KEYS["ed25519.asc"]!.fingerprint.hex;

/** The base fixture with releases, disclosure facts and an advisory folder; `change` edits its data. */
function project(change: (data: Record<string, unknown>) => void = () => {}): string {
  const dir = layOutFixture("_base");
  const dataFile = path.join(dir, "content/_data/security.json");
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown> & { products: Array<Record<string, unknown>> };
  data.products[0]!.releases = [
    { version: "3.0.0", released: "2026-09-01", supportedUntil: "2031-09" },
    { version: "2.4.1", released: "2024-02-12", supportedUntil: "2029-02-28" },
  ];
  data.disclosure = { acknowledgeDays: 3, disclosureDays: 90, accountRequired: false, credit: true, safeHarbor: "We will not take legal action against research done in good faith." };
  change(data);
  writeFileSync(dataFile, `${JSON.stringify(data, null, 2)}\n`);
  return dir;
}

const run = (cwd: string, ...args: string[]) => runWritten(securityMdCommand, cwd, ...args);

const EXPECTED = `# Security policy

<!-- Written by npm run security-md from content/_data/security.json: change the data and run it again, rather than editing this file. -->

This is how to report a vulnerability in Example. The full policy, with the public keys and the advisories, is at <https://example.org/security/>.

> [!IMPORTANT]
> Do not report a vulnerability in a public issue, pull request or discussion: write to the address below, encrypted to its key.

## Reporting a vulnerability

Send reports to [security@example.org](mailto:security@example.org), encrypted to this key:

- security@example.org: \`7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91\` ([public key](https://example.org/security/keys/security@example.org.asc))

## Supported versions

Each release gets security fixes until the end of the month or the day given.

| Product | Version | Released | Security fixes until |
| --- | --- | --- | --- |
| [Example Options](https://github.com/example/options) | 3.0.0 | 2026-09-01 | 2031-09 |
| [Example Options](https://github.com/example/options) | 2.4.1 | 2024-02-12 | 2029-02-28 |

## How a report is handled

- A report is acknowledged within 3 days.
- A fixed vulnerability is disclosed within 90 days of the report.
- Reporting needs no account: an email is enough.
- Reporters are credited in the advisory, by the name they choose, unless they ask not to be.

### Safe harbour

We will not take legal action against research done in good faith.
`;

describe("npm run security-md", () => {
  it("writes the contacts and keys, the supported versions and the disclosure facts, with a link to the site", async () => {
    const dir = project();
    expect(await run(dir)).toEqual({ code: 0, stdout: "Wrote SECURITY.md from content/_data/security.json.\n", stderr: "" });
    expect(readFileSync(path.join(dir, "SECURITY.md"), "utf8")).toBe(EXPECTED);
  });

  it("scores 10 of 10 under Scorecard's Security-Policy logic, which gives a file with less in it less", async () => {
    const dir = project();
    await run(dir);
    expect(securityPolicyScore(readFileSync(path.join(dir, "SECURITY.md"), "utf8"))).toEqual({ score: 10, links: true, text: true, disclosure: true });
    // The scorer tells files apart: an address alone is linked content and nothing more.
    expect(securityPolicyScore("security@example.org\n")).toEqual({ score: 6, links: true, text: false, disclosure: false });
    expect(securityPolicyScore("Report it to us privately.\n")).toEqual({ score: 3, links: false, text: true, disclosure: false });
    expect(securityPolicyScore("Report a vulnerability to us; we answer in 3 days.\n")).toEqual({ score: 4, links: false, text: true, disclosure: true });
  });

  it("verify's SECURITY.md checks find nothing to report in what it wrote, for a team too", async () => {
    const dir = project((data) => {
      data.contacts = [{ email: "security@example.org", team: [{ name: "Ana Example", email: "ana@example.org", fingerprint: ED }] }];
    });
    // The team's one key is the fixture that carries security@example.org.
    writeFileSync(path.join(dir, "content/keys/ana@example.org.asc"), readFileSync(path.join(ROOT, "tests/fixtures/keys/ed25519.asc"), "utf8"));
    rmSync(path.join(dir, "content/keys/security@example.org.asc"));
    expect((await run(dir)).code).toBe(0);
    const written = readFileSync(path.join(dir, "SECURITY.md"), "utf8");
    expect(written).toContain("Send reports to [security@example.org](mailto:security@example.org), encrypted to the keys of the people who read them:\n\n- Ana Example, ana@example.org: `");
    const loaded = await loadPolicyData(dir, { dataFile: "content/_data/security.json", keysDir: "content/keys", expiryWarningDays: 30, relative: (f) => path.relative(dir, f), now: new Date("2026-02-01T00:00:00Z") });
    const result = readSecurityMd(policyGlobal(loaded).contacts, "SECURITY.md", (f) => readFileSync(path.join(dir, f), "utf8"));
    expect(result.findings).toEqual([]);
  });

  it("--check exits 0 while the file is in step, and 1 naming the first line that differs once the data changed", async () => {
    const dir = project();
    await run(dir);
    expect(await run(dir, "--check")).toEqual({ code: 0, stdout: "SECURITY.md is in step with content/_data/security.json.\n", stderr: "" });
    const dataFile = path.join(dir, "content/_data/security.json");
    writeFileSync(dataFile, readFileSync(dataFile, "utf8").replace('"acknowledgeDays": 3', '"acknowledgeDays": 5'));
    expect(await run(dir, "--check")).toEqual({ code: 1, stdout: "", stderr: "security-md: SECURITY.md differs from what npm run security-md writes, from line 27: run it and commit the result\n" });
    expect(readFileSync(path.join(dir, "SECURITY.md"), "utf8")).toBe(EXPECTED);
  });

  it("site data with an error writes nothing, and says what to fix at its line", async () => {
    const dir = project((data) => {
      data.disclosure = { acknowledgeDays: 120, disclosureDays: 90, accountRequired: false, credit: true };
    });
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^content\/_data\/security\.json:\d+:\d+: error: "disclosure\.acknowledgeDays" is 120, later than "disclosure\.disclosureDays" \(90\)[^\n]*\[data-invalid\]\nsecurity-md: SECURITY\.md is not written from site data with errors/);
    expect(existsSync(path.join(dir, "SECURITY.md"))).toBe(false);
  });
});
