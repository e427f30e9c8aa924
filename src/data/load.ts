/**
 * The site data and each contact's public key, read from the project and checked once per
 * build. No Eleventy here: the plugin in src/plugins/policy-data.ts calls this in
 * `eleventy.before` and hands the result to the plugins after it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { placed, type Finding } from "../findings/finding.ts";
import dataMissing from "../rules/data/data-missing.ts";
import fingerprintUnverified from "../rules/key/fingerprint-unverified.ts";
import keyUnused from "../rules/key/key-unused.ts";
import { formatFingerprint } from "../formats/fingerprint.ts";
import type { KeyReport } from "../rules/keys.ts";
import { fingerprintsOf, reportAddress, type Contact } from "../types.ts";
import { positionAt, type Position } from "../formats/json.ts";
import { readSiteData, type SiteData } from "./site-data.ts";

/** The site data and each contact's public key, read and checked once per build. */
export interface PolicyData {
  data?: SiteData;
  /** Each contact's parsed key, by lower-cased address, where the site has its key file. */
  keys: Map<string, KeyReport>;
  /** Each contact's key file as findings name it, by lower-cased address. */
  keyFiles?: Map<string, string>;
  /** The site data file as findings name it, and where each of its fields stands: parsed once, for every finding about a field. */
  dataFile?: string;
  locate?: (path: string) => Position;
  findings: Finding[];
}

export interface LoadOptions {
  /** The site data: absolute, or relative to the input folder. */
  dataFile: string;
  /** The folder of armored public keys, `<email>.asc`: absolute, or relative to the input folder. */
  keysDir: string;
  /** A key that expires within this many days is a warning. */
  expiryWarningDays: number;
  /** During a key rotation, a previous key still valid longer than this many days is a warning. Default: 90. */
  previousKeyDays?: number;
  /** How findings name a file: relative to the build's root. */
  relative: (file: string) => string;
  /** The moment keys are judged at. */
  now?: Date;
}

export async function loadPolicyData(inputDir: string, options: LoadOptions): Promise<PolicyData> {
  const { relative } = options;
  const dataPath = path.resolve(inputDir, options.dataFile);
  const file = relative(dataPath);
  if (!existsSync(dataPath)) {
    return {
      keys: new Map(),
      findings: [dataMissing.finding("missing", { file }, file, { line: 1, column: 1 })],
    };
  }
  const text = readFileSync(dataPath, "utf8");
  const { data, findings, locate } = readSiteData(text, file);
  const keys = new Map<string, KeyReport>();
  const keyFileNames = new Map<string, string>();
  if (!data || !locate) return { keys, findings };

  const keysDir = path.resolve(inputDir, options.keysDir);
  const keyFiles = existsSync(keysDir) ? readdirSync(keysDir).filter((f) => f.endsWith(".asc")) : [];
  for (const [n, contact] of data.contacts.entries()) {
    const keyName = keyFiles.find((f) => f.toLowerCase() === `${contact.email.toLowerCase()}.asc`);
    if (!keyName) {
      findings.push(
        fingerprintUnverified.finding(
          "unverified",
          { email: contact.email, fingerprint: formatFingerprint(contact.fingerprint), keyFile: relative(path.join(keysDir, `${contact.email}.asc`)), hex: contact.fingerprint.hex },
          file,
          locate(`${contact.field ?? `contacts.${n}`}.fingerprint`),
        ),
      );
      continue;
    }
    const keyPath = path.join(keysDir, keyName);
    // openpgp.js is loaded only by a site that has a key to read.
    const { inspectKey } = await import("../rules/keys.ts");
    const keyText = readFileSync(keyPath, "utf8");
    const report = await inspectKey(keyText, {
      email: contact.email,
      fingerprint: contact.fingerprint,
      previous: fingerprintsOf(contact).slice(1),
      ...(contact.team !== undefined && contact.name !== undefined ? { member: { name: contact.name, team: contact.team } } : {}),
      ...(options.previousKeyDays !== undefined ? { previousKeyDays: options.previousKeyDays } : {}),
      ...(options.now ? { now: options.now } : {}),
      expiryWarningDays: options.expiryWarningDays,
      declaredIn: { dataFile: file },
    });
    keys.set(contact.email.toLowerCase(), report);
    keyFileNames.set(contact.email.toLowerCase(), relative(keyPath));
    // At the armored block the problem is in, where the check names one; else at the file's start.
    for (const p of report.problems) findings.push(placed(p, relative(keyPath), p.index === undefined ? { line: 1, column: 1 } : positionAt(keyText, p.index)));
  }
  for (const f of keyFiles) {
    if (!data.contacts.some((c) => `${c.email.toLowerCase()}.asc` === f.toLowerCase())) {
      findings.push(keyUnused.finding("noContact", { keyFile: f, dataFile: file }, relative(path.join(keysDir, f)), { line: 1, column: 1 }));
    }
  }
  return { data, keys, keyFiles: keyFileNames, findings, dataFile: file, locate };
}

/**
 * What the layouts and the other plugins see as the global data `policy`: the checked
 * site data and, per contact, the grouped fingerprint and the parsed key where the
 * site has one (its public part only).
 */
export interface PolicyContact extends Contact {
  /** `0168 DA26 …`: the fingerprint in groups of four. */
  grouped: string;
  /** The parsed key from `content/keys/<email>.asc`, when the file exists. */
  key?: KeyReport;
  /** That file, as findings name it. */
  keyFile?: string;
}

export interface PolicyGlobal {
  site?: SiteData;
  contacts: PolicyContact[];
  /** The first address that takes reports (RFC 9116 reads the order of contacts as the order of preference): a team's, for its members. */
  reportTo?: string;
}

export function policyGlobal(loaded: Pick<PolicyData, "data" | "keys" | "keyFiles">): PolicyGlobal {
  const first = loaded.data?.contacts[0];
  return {
    site: loaded.data,
    ...(first ? { reportTo: reportAddress(first) } : {}),
    contacts: (loaded.data?.contacts ?? []).map((c) => ({
      ...c,
      grouped: formatFingerprint(c.fingerprint),
      key: loaded.keys.get(c.email.toLowerCase()),
      keyFile: loaded.keyFiles?.get(c.email.toLowerCase()),
    })),
  };
}
