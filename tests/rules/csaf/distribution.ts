/**
 * The CSAF distribution the csaf rules are tested on: the build's own files for three advisories
 * (tests/fixtures/advisories), signed with a key made here and published beside them, with a
 * security.txt that names the provider metadata: every file the site would serve under
 * /.well-known/csaf/, by its path in the output. A case changes one file or adds one (a folder
 * copied in); `runRule` gives the findings of one rule, so each table shows its own rule's, and
 * tests/csaf-distribution.test.ts holds the family's complete lists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateKey, readKey, readPrivateKey } from "openpgp";
import type { Advisory } from "../../../src/formats/advisory.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { csafDistributionFiles, csafDocumentFiles, csafRelativePath } from "../../../src/publish/csaf.ts";
import { signDetached } from "../../../src/publish/sign.ts";
import { checkAdvisories } from "../../../src/rules/advisory.ts";
import { checkCsafDistribution, type DocumentSource } from "../../../src/rules/csaf.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import { ADVISORY_PRODUCTS } from "../../support/advisory-site.ts";
import { ROOT } from "../../support/fixture-site.ts";
import type { ExampleBlock } from "../../support/rule-tester.ts";

export const SITE = "https://example.org";
export const NOW = new Date("2026-11-25T00:00:00Z");
const FIXTURES = path.join(ROOT, "tests/fixtures/advisories");
const DATA = { file: "content/_data/security.json", products: ADVISORY_PRODUCTS };
const advisoryFiles = ["GHSA-2c4m-59x9-fr2g.md", "CVE-2025-31337.md", "GHSA-w8qv-6jwh-64r5.md"].map((name) => ({ file: `content/advisories/${name}`, text: readFileSync(path.join(FIXTURES, name), "utf8") }));
export const ADVISORIES = checkAdvisories(advisoryFiles, NOW, DATA).advisories;

const publisher = { name: "Example", namespace: SITE, category: "vendor" as const };
export const KEY = await generateKey({ userIDs: [{ name: "Security Team", email: "security@example.org" }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
export const OTHER_KEY = await generateKey({ userIDs: [{ name: "Someone Else", email: "else@example.net" }], date: new Date("2026-01-01T00:00:00Z"), format: "armored" });
export const KEY_PATH = "security/keys/security@example.org.asc";
export const FINGERPRINT = (await readKey({ armoredKey: KEY.publicKey })).getFingerprint().toUpperCase();

export const METADATA = ".well-known/csaf/provider-metadata.json";
export const FEED = ".well-known/csaf/feed-tlp-white.json";
export const SERVICE = ".well-known/csaf/service.json";
export const CATEGORIES = ".well-known/csaf/category-white.json";
export const INDEX = ".well-known/csaf/white/index.txt";
export const CHANGES = ".well-known/csaf/white/changes.csv";
export const SECURITY_TXT = ".well-known/security.txt";
/** The oldest advisory's document. */
export const DOCUMENT = ".well-known/csaf/white/2025/ghsa-2c4m-59x9-fr2g.json";

export interface Input {
  files: Map<string, string | Uint8Array>;
  sources?: DocumentSource[];
  site?: string;
}

/** The distribution the build writes for `advisories`, signed by `signer` (none: unsigned), with the key published at KEY_PATH. */
export async function distribution(advisories: Advisory[] = ADVISORIES, options: { signer?: string | undefined; site?: string } = {}): Promise<Input> {
  const site = options.site ?? SITE;
  const signer = "signer" in options ? options.signer : KEY.privateKey;
  const documents = csafDocumentFiles(advisories, { publisher: { ...publisher, namespace: site }, site, lang: "en" });
  const json = documents.filter((f) => f.file.endsWith(".json"));
  const signatures = signer === undefined ? [] : await signDetached(json.map((f) => f.content), await readPrivateKey({ armoredKey: signer }), NOW);
  const files = [
    ...documents,
    ...signatures.map((signature, i) => ({ file: `${json[i]!.file}.asc`, content: signature })),
    ...csafDistributionFiles(advisories, {
      publisher: { ...publisher, namespace: site },
      site,
      keys: [{ fingerprint: FINGERPRINT, url: `${site}/${KEY_PATH}` }],
      signed: signer !== undefined,
      products: ["Example Options"],
      now: NOW,
    }),
    { file: KEY_PATH, content: KEY.publicKey },
    { file: SECURITY_TXT, content: `Contact: mailto:security@example.org\nExpires: 2027-06-01T00:00:00.000Z\nCSAF: ${site}/${METADATA}\n` },
  ];
  return {
    files: new Map(files.map((f) => [f.file, f.content])),
    sources: advisories.map((a) => ({ id: a.id, file: a.file, path: `.well-known/csaf/white/${csafRelativePath(a)}` })),
    ...(options.site ? { site } : {}),
  };
}

export const GOOD = await distribution();

/** The text of a file of `base`. */
export function textOf(file: string, base: Input = GOOD): string {
  const content = base.files.get(file);
  if (content === undefined) throw new Error(`the distribution has no ${file}`);
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

/** `base` with the file at `file` changed, or added. */
export function edited(file: string, change: (text: string) => string, base: Input = GOOD): Input {
  const text = base.files.has(file) ? textOf(file, base) : "";
  return { ...base, files: new Map([...base.files, [file, change(text)]]) };
}

/** `base` without the file at `file`. */
export function without(file: string, base: Input = GOOD): Input {
  return { ...base, files: new Map([...base.files].filter(([f]) => f !== file)) };
}

/** `base` with its JSON file at `file` (a new one starts as {}) changed as a value. */
export function editedJson(file: string, change: (value: any) => void, base: Input = GOOD): Input {
  return edited(
    file,
    (text) => {
      const value = JSON.parse(text === "" ? "{}" : text) as unknown;
      change(value);
      return `${JSON.stringify(value, null, 2)}\n`;
    },
    base,
  );
}

/** GOOD with the first document copied to `path` (a document copied into the folder), changed as a value. */
export function copiedDocument(path: string, change: (doc: any) => void): Input {
  return editedJson(path, (doc) => {
    Object.assign(doc, JSON.parse(textOf(DOCUMENT)));
    change(doc);
  });
}

/** Every finding of the csaf rules. */
export function checkAll(input: Input): Promise<Finding[]> {
  return checkCsafDistribution({ site: input.site ?? SITE, files: input.files, output: "public", ...(input.sources ? { sources: input.sources } : {}) });
}

/** The findings of one csaf rule. */
export function runRule(rule: Rule): (input: Input) => Promise<Finding[]> {
  return async (input) => (await checkAll(input)).filter((f) => f.rule === rule.id);
}

/** A doc page's example: each block, at public/<path>, replaces or adds that file of GOOD. */
export function exampleInput(blocks: ExampleBlock[]): Input {
  return blocks.reduce((input, block) => edited(block.file.replace(/^public\//, ""), () => block.text, input), GOOD);
}
