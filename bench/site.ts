import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository: the layouts, stylesheet and test key the synthetic sites reuse. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The contact every synthetic page names, with the test key that belongs to it. */
const KEY_FILE = "ed25519.asc";

export interface SyntheticSite {
  /** The site folder: content/, _includes/ and assets/, as in the repository. */
  dir: string;
  input: string;
  pages: number;
  email: string;
  /** The fingerprint as the pages show it, in groups of four. */
  grouped: string;
}

interface KeyFacts {
  email: string;
  fingerprint: { version: 4 | 6; hex: string };
}

function readKeyFacts(): KeyFacts {
  const all = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/keys/keys.json"), "utf8")) as Record<string, KeyFacts>;
  const facts = all[KEY_FILE];
  if (!facts) throw new Error(`bench: tests/fixtures/keys/keys.json has no entry for ${KEY_FILE}; the synthetic sites need its email and fingerprint`);
  return facts;
}

/** `7FC1 6F16 … 3E91` with gpg's double space in the middle, as authors paste it. */
function gpgGrouped(hex: string): string {
  const groups = hex.match(/.{4}/g) ?? [];
  const half = groups.length / 2;
  return `${groups.slice(0, half).join(" ")}  ${groups.slice(half).join(" ")}`;
}

/**
 * One policy page like the real one: headings, a fingerprint with its keyserver link,
 * several mailto links, the report template as a list, the handling steps, and an
 * anchor link to a heading on the same page. Page 1 is /security/.
 */
export function policyPage(n: number, total: number, email: string, hex: string): string {
  const grouped = gpgGrouped(hex);
  const keyserver = `https://keys.openpgp.org/vks/v1/by-fingerprint/${hex}`;
  const title = n === 1 ? "Security Policy" : `Security Policy, part ${n} of ${total}`;
  const permalink = n === 1 ? "/security/" : `/security/part-${String(n).padStart(4, "0")}/`;
  return `---
title: ${title}
intro: How to report a vulnerability in Example, and how the maintainers handle it.
permalink: ${permalink}
---

## Reporting a vulnerability

Make sure you run the latest release of Example before you scan it or test it for vulnerabilities.

Following responsible disclosure, report vulnerabilities **only to [${email}](mailto:${email}?subject=Vulnerability%20report)**, never in a public issue, forum or chat.

> **Warning:** to protect the people who use Example, please do not disclose the details to anyone else until the fix is released.

Use the following key to encrypt your report to ${email}:

> ${email}: ${grouped} [keys.openpgp.org](${keyserver})

Use this template, so that the report holds everything we need to assess it quickly:

- **Affected artifacts and versions:** what you tested and found vulnerable
- **Overview:** the issue in a sentence or two, and how severe you judge it
- **Description:** the steps to reproduce it
- **Impact:** what an attacker gains
- **Solution:** a fix, if you have one in mind

## Handling a vulnerability

1. You report the vulnerability privately to [${email}](mailto:${email}); we answer within 24 hours.
2. The maintainers fix it and verify the fix.
3. The fix is merged and a release is published.
4. We keep you informed, at [${email}](mailto:${email}?subject=Progress), until the advisory is out.

See [Reporting a vulnerability](#reporting-a-vulnerability) for what to send.
`;
}

/**
 * Writes a site of `pages` policy pages into `dir`, with the repository's layouts and
 * assets, the site data naming one contact, and that contact's public key in
 * content/keys, so that every check has something true to verify on every page.
 */
export function generateSite(dir: string, pages: number): SyntheticSite {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`bench: a site needs a whole number of pages, 1 or more. Received: ${pages}`);
  const { email, fingerprint } = readKeyFacts();
  const input = path.join(dir, "content");
  mkdirSync(path.join(input, "_data"), { recursive: true });
  mkdirSync(path.join(input, "keys"), { recursive: true });
  cpSync(path.join(ROOT, "_includes"), path.join(dir, "_includes"), { recursive: true });
  cpSync(path.join(ROOT, "content/_data/strings"), path.join(input, "_data/strings"), { recursive: true });
  if (existsSync(path.join(ROOT, "assets"))) cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  cpSync(path.join(ROOT, "tests/fixtures/keys", KEY_FILE), path.join(input, "keys", `${email}.asc`));

  // Reviewed the day the bench runs, so that its Expires is always half a year ahead.
  const data = { url: "https://example.org", name: "Example", language: "en", reviewed: new Date().toISOString().slice(0, 10), contacts: [{ email, fingerprint: gpgGrouped(fingerprint.hex) }] };
  writeFileSync(path.join(input, "_data/security.json"), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(input, "content.11tydata.json"), `${JSON.stringify({ layout: "layouts/policy.njk" }, null, 2)}\n`);
  for (let n = 1; n <= pages; n++) {
    const name = n === 1 ? "security.md" : `part-${String(n).padStart(4, "0")}.md`;
    writeFileSync(path.join(input, name), policyPage(n, pages, email, fingerprint.hex));
  }
  return { dir, input, pages, email, grouped: gpgGrouped(fingerprint.hex) };
}
