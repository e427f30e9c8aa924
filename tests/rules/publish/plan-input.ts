/**
 * What the publisher is given, for the cases of the rules planPublication reports: site data as
 * its file holds it (read with readSiteData, which also places the findings about its fields),
 * the contacts' keys, the built pages and the moment of the build. `site` stands for data that
 * got past the reader's own checks, to reach the publisher's.
 */
import type { PolicyContact } from "../../../src/data/load.ts";
import { readSiteData, type SiteData } from "../../../src/data/site-data.ts";
import type { Finding } from "../../../src/findings/finding.ts";
import { formatFingerprint } from "../../../src/formats/fingerprint.ts";
import type { BuiltPage } from "../../../src/publish/headers.ts";
import { planPublication, type PlanOptions } from "../../../src/publish/plan.ts";
import type { KeyReport } from "../../../src/rules/keys.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import type { ExpectedFinding } from "../../support/rule-tester.ts";
import { DATA_FILE, GOOD, json } from "../data/site-data-text.ts";

export { DATA_FILE, GOOD, json };

/** A page with the base layout's Content-Security-Policy. */
export const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`;

export const page = (url: string, outputPath: string, inputPath = `content${url}index.md`): BuiltPage => ({ inputPath, outputPath, url, content: `<!doctype html><head>${CSP}</head>` });

/** The policy page, at the URL security.txt's Policy names by default. */
export const POLICY_PAGE = page("/security/", "/out/security/index.html", "content/security.md");

/** A key the publisher can publish: its parts as the key reader hands them on (the publisher reads neither). */
export const KEY: KeyReport = { userIds: [], problems: [], publicArmored: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n", publicBinary: new Uint8Array([1]) };

export const OPTIONS: PlanOptions = { policyPath: "/security/", keysPath: "/security/keys/", signingKey: undefined, signingPassphrase: undefined, expiresWarningDays: 30, keyMarginDays: 30 };

export interface PlanInput {
  /** The site data as written; GOOD by default. */
  data?: object;
  /** The site data file's text, where a case gives it as an author would write it (a doc page's example); else `data`, written out. */
  text?: string;
  /** Fields as if the reader had let them through. */
  site?: Partial<SiteData>;
  /** Each contact's key, by address; KEY for every contact by default, null for none. */
  keys?: Record<string, KeyReport | null>;
  pages?: BuiltPage[];
  options?: Partial<PlanOptions>;
  now?: Date;
  /** A page's source, by its input path. */
  sources?: Record<string, string>;
}

/** The findings of planning the publication of this input. */
export async function plan(input: PlanInput): Promise<Finding[]> {
  const text = input.text ?? json(input.data ?? GOOD);
  const read = readSiteData(text, DATA_FILE);
  if (!read.data || !read.locate) throw new Error(`the case's site data does not read: ${read.findings.map((f) => f.message).join("; ")}`);
  const site: SiteData = { ...read.data, ...input.site };
  const keys = input.keys ?? {};
  const contacts: PolicyContact[] = site.contacts.map((c) => {
    const key = keys[c.email] === undefined ? KEY : keys[c.email];
    return { ...c, grouped: formatFingerprint(c.fingerprint), ...(key ? { key } : {}) };
  });
  const sources = input.sources ?? {};
  const planned = await planPublication({
    site,
    contacts,
    pages: input.pages ?? [POLICY_PAGE],
    outputDir: "/out",
    dataFile: DATA_FILE,
    dataText: text,
    options: { ...OPTIONS, ...input.options },
    now: input.now ?? new Date("2026-11-25T12:00:00Z"),
    readPage: (inputPath) => sources[inputPath],
  });
  return planned.findings;
}

/** Another rule's finding in a case's list, its message id checked against that rule's messages. */
export function otherRule<Messages extends Record<string, string>>(rule: Rule<string, Messages>, messageId: keyof Messages & string, at: { line: number; column: number }): ExpectedFinding<never> {
  return { rule: rule.id, messageId, ...at } as unknown as ExpectedFinding<never>;
}
