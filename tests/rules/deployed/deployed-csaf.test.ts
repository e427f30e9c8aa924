/**
 * deployed-csaf on a CSAF distribution served from memory: the build's own files for three
 * advisories, signed with a key made here, walked by verify's CSAF check (src/verify/csaf.ts)
 * from the provider metadata through the ROLIE feed. Each case changes what one URL answers.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateKey, readPrivateKey } from "openpgp";
import type { Finding } from "../../../src/findings/finding.ts";
import { csafDistributionFiles, csafDocumentFiles } from "../../../src/publish/csaf.ts";
import { signDetached } from "../../../src/publish/sign.ts";
import { checkAdvisories } from "../../../src/rules/advisory.ts";
import deployedCsaf from "../../../src/rules/deployed/deployed-csaf.ts";
import type { Fetched, Fetcher } from "../../../src/verify/net.ts";
import { verifyCsafDistribution } from "../../../src/verify/csaf.ts";
import { ADVISORY_PRODUCTS } from "../../support/advisory-site.ts";
import { ROOT } from "../../support/fixture-site.ts";
import { testRule } from "../../support/rule-tester.ts";
import { answer, writtenAnswer } from "./answers.ts";

const SITE = "https://example.org";
const NOW = new Date("2026-11-25T00:00:00Z");
const FIXTURES = path.join(ROOT, "tests/fixtures/advisories");
const { advisories } = checkAdvisories(
  ["GHSA-2c4m-59x9-fr2g.md", "CVE-2025-31337.md", "GHSA-w8qv-6jwh-64r5.md"].map((name) => ({ file: `content/advisories/${name}`, text: readFileSync(path.join(FIXTURES, name), "utf8") })),
  NOW,
  { file: "content/_data/security.json", products: ADVISORY_PRODUCTS },
);
const publisher = { name: "Example", namespace: SITE, category: "vendor" as const };
const made = await generateKey({ userIDs: [{ name: "Security Team", email: "security@example.org" }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
const other = await generateKey({ userIDs: [{ name: "Someone Else", email: "else@example.net" }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
const KEY_URL = `${SITE}/security/keys/security@example.org.asc`;

/** The distribution as the build writes it, signed with `signer`, by URL. */
async function distribution(signer = made.privateKey, trusted = true): Promise<Map<string, string>> {
  const documents = csafDocumentFiles(advisories, { publisher, site: SITE, lang: "en" });
  const signed = documents.filter((f) => f.file.endsWith(".json"));
  const signatures = await signDetached(signed.map((f) => f.content), await readPrivateKey({ armoredKey: signer }), NOW);
  const fingerprint = (await readPrivateKey({ armoredKey: made.privateKey })).getFingerprint().toUpperCase();
  const files = [
    ...documents,
    ...signed.map((f, i) => ({ file: `${f.file}.asc`, content: signatures[i]! })),
    ...csafDistributionFiles(advisories, { publisher, site: SITE, keys: trusted ? [{ fingerprint, url: KEY_URL }] : [], signed: true, products: ["Example Options"], now: NOW }),
  ];
  return new Map(files.map((f) => [`${SITE}/${f.file}`, f.content]));
}

const served = await distribution();
/** The same documents and signatures, with provider metadata that names no key and so claims the role csaf_provider. */
const untrusted = await distribution(made.privateKey, false);
const FEED = `${SITE}/.well-known/csaf/feed-tlp-white.json`;
const METADATA = `${SITE}/.well-known/csaf/provider-metadata.json`;
const DOCUMENT = `${SITE}/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json`;

interface Input {
  files: Map<string, string>;
  /** Answers that differ from 200 with the file: by URL. */
  answers?: Record<string, Fetched>;
  /** What the build publishes today. */
  expected?: { role: string; entries: string[] };
}

function fetcher(input: Input): Fetcher {
  return {
    get: async (url: string) => input.answers?.[url] ?? (input.files.has(url) ? { ...answer(200, input.files.get(url)!), url } : { ...answer(404, "not found"), url }),
    close: async () => {},
  };
}

async function run(input: Input): Promise<Finding[]> {
  const results = await verifyCsafDistribution({
    fetcher: fetcher(input),
    base: SITE,
    site: SITE,
    publishedKeys: [made.publicKey],
    ...(input.expected ? { expected: input.expected } : {}),
    unreachable: (source) => ({ source, findings: [], notices: [], unreachable: true }),
  });
  return results.flatMap((r) => r.findings);
}

const edited = (url: string, change: (text: string) => string) => new Map([...served].map(([u, t]) => [u, u === url ? change(t) : t]));

testRule(deployedCsaf, run, {
  // The doc page's answers, each at its URL; every other file as the build wrote it.
  example: (_text, _language, blocks): Input => {
    const answers: Record<string, Fetched> = {};
    for (const block of blocks) {
      const written = writtenAnswer(block.text);
      answers[block.file] = { ...answer(written.status, written.body, written.headers), url: block.file };
    }
    return { files: served, answers };
  },
  valid: [
    { name: "the distribution as built, every document signed with the published key", input: { files: served } },
    { name: "a trusted distribution, where verify's own build, made without the signing key, is a provider", input: { files: served, expected: { role: "csaf_provider", entries: ["GHSA-w8qv-6jwh-64r5"] } } },
  ],
  invalid: [
    {
      name: "the provider metadata reached through a redirect",
      input: { files: served, answers: { [METADATA]: { ...answer(200, served.get(METADATA)!, {}, [`http://example.org/.well-known/csaf/provider-metadata.json → ${METADATA} (301)`]), url: METADATA } } },
      findings: [{ messageId: "redirected", line: 1, column: 1, message: `is reached through a redirect (http://example.org/.well-known/csaf/provider-metadata.json → ${METADATA} (301)); CSAF 2.0 requirement 6 allows none: serve the distribution at the URLs it lists` }],
    },
    {
      name: "a document the feed lists is not deployed",
      input: { files: new Map([...served].filter(([u]) => u !== DOCUMENT)) },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 404, though the CSAF distribution lists it: deploy the build's public/.well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json" }],
    },
    {
      name: "a feed that is not JSON",
      input: { files: edited(FEED, (t) => t.slice(0, 40)) },
      findings: [{ messageId: "notJson", line: 1, column: 1 }],
    },
    {
      name: "a hash file of another document",
      input: { files: edited(`${DOCUMENT}.sha256`, (t) => `${"0".repeat(64)}${t.slice(64)}`) },
      findings: [
        {
          messageId: "hashMismatch",
          line: 1,
          column: 1,
          message: `says the document's SHA-256 is ${"0".repeat(64)}, but the document served hashes to ${createHash("sha256").update(served.get(DOCUMENT)!).digest("hex")} (CSAF 2.0 requirement 18): deploy the document and its hash files from the same build`,
        },
      ],
    },
    {
      name: "signatures made by a key the site does not publish",
      input: { files: await distribution(other.privateKey) },
      findings: [
        { messageId: "signatureBad", line: 1, column: 1 },
        { messageId: "signatureBad", line: 1, column: 1 },
        { messageId: "signatureBad", line: 1, column: 1 },
      ],
    },
    {
      name: "a trusted provider's feed entry without a signature",
      input: { files: edited(FEED, (t) => t.replace(/,\s*\{\s*"rel": "signature",\s*"href": "[^"]*ghsa-2c4m[^"]*"\s*\}/, "")) },
      findings: [{ messageId: "signatureMissing", line: 1, column: 1, message: `lists no signature for ${DOCUMENT}, though the provider metadata claims the role csaf_trusted_provider (CSAF 2.0 requirement 19)` }],
    },
    {
      name: "a feed entry without its document's link, and one without hash files",
      input: {
        files: edited(FEED, (t) => {
          const feed = JSON.parse(t) as { feed: { entry: Array<{ link: Array<{ rel: string }> }> } };
          feed.feed.entry[0]!.link = feed.feed.entry[0]!.link.filter((l) => l.rel !== "self");
          feed.feed.entry[1]!.link = feed.feed.entry[1]!.link.filter((l) => l.rel !== "hash");
          return JSON.stringify(feed);
        }),
      },
      findings: [
        { messageId: "entryIncomplete", line: 1, column: 1, message: `lists the document GHSA-w8qv-6jwh-64r5 with no link with rel "self" to the document: deploy the build's feed` },
        { messageId: "entryIncomplete", line: 1, column: 1, message: "lists the document CVE-2025-31337 with no link to a .sha256 or .sha512 hash file (CSAF 2.0 requirement 18): deploy the build's feed" },
      ],
    },
    {
      name: "a feed that is JSON but not a ROLIE feed",
      input: { files: edited(FEED, () => JSON.stringify({ entries: [] })) },
      findings: [{ messageId: "malformed", line: 1, column: 1, message: `is not what CSAF 2.0 describes: not a ROLIE feed: no "feed" with a list of "entry"; deploy the build's file` }],
    },
    {
      name: "an older feed without an advisory the build publishes",
      input: { files: served, expected: { role: "csaf_trusted_provider", entries: ["GHSA-w8qv-6jwh-64r5", "CVE-2025-31337", "GHSA-2c4m-59x9-fr2g", "GHSA-0000-0000-0000"] } },
      findings: [{ messageId: "entryMissing", line: 1, column: 1, message: "lists no entry for GHSA-0000-0000-0000, which the build publishes: deploy the build's feed and the documents it lists" }],
    },
    {
      name: "metadata that claims less than the build publishes, its key left out",
      input: { files: untrusted, expected: { role: "csaf_trusted_provider", entries: [] } },
      findings: [{ messageId: "roleDiffers", line: 1, column: 1, message: "claims the role csaf_provider, where the build publishes csaf_trusted_provider: deploy the build's provider metadata with the signatures it lists" }],
    },
    {
      name: "a hash file listed twice in the feed, which differs, is reported once per listing at the answer that differs",
      input: {
        files: edited(FEED, (t) => t.replace(/("href": "[^"]*ghsa-2c4m-59x9-fr2g\.json\.sha512")/, `$1 }, { "rel": "hash", "href": "${DOCUMENT}.sha256"`)),
        answers: { [`${DOCUMENT}.sha256`]: { ...answer(200, `${"0".repeat(64)}  x.json\n`), url: `${DOCUMENT}.sha256` } },
      },
      findings: [
        { messageId: "hashMismatch", line: 1, column: 1 },
        { messageId: "hashMismatch", line: 1, column: 1 },
      ],
    },
    {
      name: "a trusted provider that names no key",
      input: { files: new Map([...(await distribution(made.privateKey, false))].map(([u, t]) => [u, u === METADATA ? t.replace('"role": "csaf_provider"', '"role": "csaf_trusted_provider"') : t])) },
      findings: [{ messageId: "keyMissing", line: 1, column: 1 }],
    },
  ],
});
