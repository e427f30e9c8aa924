/**
 * `check`: a repository's SECURITY.md (or an HTML page) and its security.txt, checked against the
 * OpenPGP keys given, without a site to build. A page is rendered as GitHub renders it and given
 * the build's page checks; without site data, its contacts are what it presents (each fingerprint
 * with the address beside it), and each fingerprint is held to the key of that fingerprint, or of
 * that address, among the keys given. A security.txt gets RFC 9116's checks and its signature is
 * verified. Nothing here reaches the network: a keyserver link is held to the fingerprints the
 * page and the keys give, never fetched.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readCleartextMessage, readKeys, type Key } from "openpgp";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import { locateInFiles } from "../findings/locate.ts";
import { findAddresses } from "../formats/address-text.ts";
import { formatFingerprint, referencesKey, sameFingerprint } from "../formats/fingerprint.ts";
import { readKeyLink } from "../formats/key-link.ts";
import { scanHtml, type ScannedPage } from "../formats/html-scan.ts";
import { fingerprintOf, reasonOf } from "../formats/openpgp.ts";
import { positionAt } from "../formats/json.ts";
import { parseMailto } from "../formats/mailto.ts";
import { renderSecurityMd } from "../markdown/security-md.ts";
import { verifySecurityTxt } from "../publish/sign.ts";
import addressUndeclared from "../rules/page/address-undeclared.ts";
import keyLinkUnverifiable from "../rules/page/key-link-unverifiable.ts";
import keyserverMismatch from "../rules/page/keyserver-mismatch.ts";
import mailtoUndeclared from "../rules/page/mailto-undeclared.ts";
import fingerprintNotShown from "../rules/publish/fingerprint-not-shown.ts";
import { checkSecurityTxt } from "../rules/publish/securitytxt-invalid.ts";
import securitytxtSignature from "../rules/publish/securitytxt-signature.ts";
import keyFingerprintMismatch from "../rules/key/key-fingerprint-mismatch.ts";
import keyMultiple from "../rules/key/key-multiple.ts";
import keyRotationUnfinished from "../rules/key/key-rotation-unfinished.ts";
import keyUidMismatch from "../rules/key/key-uid-mismatch.ts";
import keyUnreadable from "../rules/key/key-unreadable.ts";
import keyUnused from "../rules/key/key-unused.ts";
import { inspectKey } from "../rules/keys.ts";
import { checkPage, presentedFingerprints, type PresentedFingerprint } from "../rules/page.ts";
import { checkPageFile } from "../rules/page-file.ts";
import { fingerprintsOf, type Contact, type Fingerprint, type OtherAddress } from "../types.ts";

export interface CheckOptions {
  /** The files to check, as given on the command line. */
  files: string[];
  /** A folder of public keys: `<address>.asc` (or named after the address alone), or any `.asc`. */
  keys?: string;
  /** The site data (`_data/security.json`): the declared contacts, instead of what the page presents. */
  data?: string;
  /** The folder the command runs in: paths are read from it, and findings name files from it. */
  cwd: string;
  /** The moment keys and Expires are judged at. */
  now: Date;
}

export interface CheckResult {
  findings: Finding[];
  notices: string[];
}

/** Something that stops the check before it can judge anything: a file, folder or data file it cannot use. One line, exit 2. */
export class CheckError extends Error {}

/** The rules that compare a page with declared contacts: without site data there are none to compare with. */
export const RULES_NEEDING_DATA = [addressUndeclared.id, fingerprintNotShown.id, mailtoUndeclared.id] as const;

/** A public key given to the check: from --keys, from an armored block in a checked page, or from the site data's keys. */
export interface GivenKey {
  /** Where it was read, as findings name files. */
  file: string;
  /** Offset of its armored block in the file, for a key printed in a page. */
  index?: number;
  key: Key;
  fingerprint: Fingerprint;
  armored: string;
  /** The address the file is named after (`security@example.org.asc`). */
  named?: string;
  /** The addresses of its user IDs, in lower case. */
  emails: string[];
}

/** The key problems that say nothing about a key printed in a page: which file holds which key is the site's layout, not the page's. */
const KEY_LAYOUT_RULES: ReadonlySet<string> = new Set([keyMultiple.id, keyFingerprintMismatch.id, keyUnused.id, keyRotationUnfinished.id]);

const ARMORED_KEY = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g;

const RFC9116_START = /^\uFEFF?(?:\s*(?:#[^\n]*)?\r?\n)*(?:-----BEGIN PGP SIGNED MESSAGE-----|(?:Contact|Expires|Encryption|Canonical|Policy|Acknowledgments|Preferred-Languages|Hiring|CSAF):)/i;

/** Whether a file is a security.txt: named so, or opening with RFC 9116 fields (or the signed message that holds them). */
export function isSecurityTxt(file: string, text: string): boolean {
  return /security\.txt$/i.test(path.basename(file)) || RFC9116_START.test(text);
}

function isHtml(file: string, text: string): boolean {
  return /\.html?$/i.test(file) || /^\uFEFF?\s*<(?:!doctype\s+html|html)\b/i.test(text);
}

/** Every file checked, with every key given: the findings and the notices, in no particular order (the collector sorts them). */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const relative = (file: string) => path.relative(options.cwd, path.resolve(options.cwd, file)).split(path.sep).join("/") || file;
  const findings: Finding[] = [];
  const notices: string[] = [];
  const texts = options.files.map((file) => ({ file: relative(file), bytes: readInput(options.cwd, file) }));
  const keys = options.keys === undefined ? [] : await readKeyFolder(options.cwd, options.keys, relative, findings);

  let contacts: Contact[] | undefined;
  let others: OtherAddress[] = [];
  if (options.data !== undefined) {
    const declared = await readData(options, relative);
    findings.push(...declared.findings);
    contacts = declared.contacts;
    others = declared.others;
    keys.push(...declared.keys);
  }

  let unrun = false;
  for (const { file, bytes } of texts) {
    // The byte-order mark is kept: RFC 9116 has no place for one in a security.txt, and its check says so.
    const withBom = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    if (isSecurityTxt(file, withBom)) {
      findings.push(...(await checkSecurityTxtFile(file, withBom, keys, options.now, notices)));
      continue;
    }
    const text = withBom.replace(/^\uFEFF/, "");
    const fileProblems = checkPageFile(file, bytes, text, 1_000_000);
    findings.push(...fileProblems);
    if (fileProblems.some((f) => f.rule !== "encoding-invalid")) continue;
    const pageKeys = await armoredKeysIn(file, text, findings);
    const result = await checkPageText(file, text, [...keys, ...pageKeys], { contacts, others, now: options.now });
    findings.push(...result.findings);
    if (result.unverified > 0) {
      notices.push(`${file}: ${result.unverified === 1 ? "1 fingerprint was" : `${result.unverified} fingerprints were`} checked against no key: pass --keys DIR with the keys, or print the armored key in the page`);
    }
    if (contacts === undefined) unrun = true;
  }
  if (unrun) notices.push(`not run: ${RULES_NEEDING_DATA.join(", ")}: they compare a page with the contacts the site data declares; pass --data FILE to run them`);
  return { findings, notices };
}

function readInput(cwd: string, file: string): Uint8Array {
  try {
    return readFileSync(path.resolve(cwd, file));
  } catch (error) {
    throw new CheckError(`${file}: ${describeFsError(error)}: give the path of a SECURITY.md, an HTML page or a security.txt`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "ENOTDIR") return "is a file, not a folder";
  if (code === "EACCES") return "not readable (permission denied)";
  return reasonOf(error);
}

/** An address as a key file's name gives it: `security@example.org.asc`, or `security@example.org` alone. */
function addressOfFileName(name: string): string | undefined {
  const bare = name.replace(/\.(?:asc|gpg|pgp|pub|key)$/i, "");
  return /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/.test(bare) ? bare.toLowerCase() : undefined;
}

async function readKeyFolder(cwd: string, dir: string, relative: (f: string) => string, findings: Finding[]): Promise<GivenKey[]> {
  const folder = path.resolve(cwd, dir);
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    names = readdirSync(folder).sort();
  } catch (error) {
    throw new CheckError(`--keys ${dir}: ${describeFsError(error)}: give a folder of public keys, each named after its address (security@example.org.asc) or ending in .asc`);
  }
  const keys: GivenKey[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith(".asc") || addressOfFileName(n) !== undefined)) {
    const full = path.join(folder, name);
    if (!statSync(full).isFile()) continue;
    const file = relative(full);
    const named = addressOfFileName(name);
    const bytes = readFileSync(full);
    const text = new TextDecoder().decode(bytes);
    try {
      const read = /^\s*-----BEGIN /.test(text) ? await readKeys({ armoredKeys: text }) : await readKeys({ binaryKeys: bytes });
      keys.push(...read.flatMap((key) => givenKey(key, file, named)));
    } catch (error) {
      findings.push(keyUnreadable.finding("notArmored", { reason: reasonOf(error), hex: named ?? "<fingerprint>" }, file, { line: 1, column: 1 }));
    }
  }
  return keys;
}

function givenKey(key: Key, file: string, named?: string, index?: number): GivenKey[] {
  const fingerprint = fingerprintOf(key);
  if (!fingerprint) return [];
  const publicKey = key.isPrivate() ? key.toPublic() : key;
  const emails = key.users.flatMap((u) => (u.userID?.email ? [u.userID.email.toLowerCase()] : []));
  return [{ file, key: publicKey, fingerprint, armored: publicKey.armor(), emails, ...(named !== undefined ? { named } : {}), ...(index !== undefined ? { index } : {}) }];
}

/** The public key blocks printed in a page (several real policies print their key), each with its place. */
async function armoredKeysIn(file: string, text: string, findings: Finding[]): Promise<GivenKey[]> {
  const keys: GivenKey[] = [];
  for (const block of text.matchAll(ARMORED_KEY)) {
    // In a blockquote or an indented list item, each line carries the Markdown's own prefix.
    const armored = block[0]
      .split(/\r?\n/)
      .map((line) => line.replace(/^[\s>]*/, ""))
      .join("\n");
    try {
      keys.push(...(await readKeys({ armoredKeys: armored })).flatMap((key) => givenKey(key, file, undefined, block.index)));
    } catch (error) {
      findings.push(keyUnreadable.finding("damaged", { reason: reasonOf(error), hex: "<fingerprint>" }, file, positionAt(text, block.index)));
    }
  }
  return keys;
}

interface Declared {
  contacts: Contact[];
  others: OtherAddress[];
  keys: GivenKey[];
  findings: Finding[];
}

/** The site data and its contacts' keys, read and checked as the build reads them. */
async function readData(options: CheckOptions, relative: (f: string) => string): Promise<Declared> {
  const data = options.data!;
  const dataPath = path.resolve(options.cwd, data);
  try {
    if (!statSync(dataPath).isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
  } catch (error) {
    throw new CheckError(`--data ${data}: ${describeFsError(error)}: give the site data file, such as content/_data/security.json`);
  }
  // Loaded only with --data: the site data's reader is no part of checking a page by itself.
  const { loadPolicyData, policyGlobal } = await import("../data/load.ts");
  const keysDir = options.keys === undefined ? path.join(path.dirname(dataPath), "..", "keys") : path.resolve(options.cwd, options.keys);
  const loaded = await loadPolicyData(options.cwd, { dataFile: dataPath, keysDir, expiryWarningDays: 30, relative, now: options.now });
  if (!loaded.data) {
    const first = loaded.findings[0];
    throw new CheckError(`--data ${data}: ${first ? `${first.line}:${first.column}: ${first.message}` : "not site data"}: fix the file (its format is in the README's Site data)`);
  }
  const global = policyGlobal(loaded);
  const keys = global.contacts.flatMap((c) => {
    const report = loaded.keys.get(c.email.toLowerCase());
    return report?.publicArmored === undefined ? [] : [{ email: c.email, armored: report.publicArmored }];
  });
  const given = (await Promise.all(keys.map(async ({ email, armored }) => (await readKeys({ armoredKeys: armored })).flatMap((k) => givenKey(k, loaded.keyFiles?.get(email.toLowerCase()) ?? data, email.toLowerCase()))))).flat();
  return { contacts: global.contacts, others: loaded.data.otherAddresses ?? [], keys: given, findings: loaded.findings };
}

/**
 * One page's text, rendered when it is Markdown, with the page checks run against the contacts:
 * the declared ones, or those the page presents, bound to the keys given. The keys the page's
 * fingerprints name are inspected as the build inspects a contact's key, each problem at the
 * fingerprint (or at the key's armored block in the page).
 */
export async function checkPageText(
  file: string,
  text: string,
  keys: GivenKey[],
  declared: { contacts?: Contact[] | undefined; others?: OtherAddress[]; now: Date },
): Promise<{ findings: Finding[]; unverified: number }> {
  const html = isHtml(file, text) ? text : renderSecurityMd(text);
  const page = scanHtml(html);
  const presented = presentedFingerprints(page);
  const derived = declared.contacts === undefined ? presentedContacts(page, presented, keys) : undefined;
  const contacts = declared.contacts ?? derived!.contacts;
  const sources = new Map([[file, text]]);
  const place = (p: Problem) => placed(p, file, locateInFiles(sources, p.needles ?? [])?.position ?? { line: 1, column: 1 });
  let problems = checkPage(page, contacts, undefined, declared.others ?? []);
  if (declared.contacts === undefined) problems = problems.filter((p) => !(RULES_NEEDING_DATA as readonly string[]).includes(p.rule));
  if (contacts.length === 0) {
    // No fingerprint and no key to hold a link to: only what a link says of itself stands.
    problems = problems.filter((p) => !(p.rule === keyserverMismatch.id && p.messageId !== "shortKeyId") && p.rule !== keyLinkUnverifiable.id);
  } else if (declared.contacts === undefined) {
    // Without site data, a link to a key far from every key the page and --keys give may be
    // anyone's (a maintainer's own key, say): only a near miss is known to be a mistake.
    const others = new Set(page.links.filter((link) => namesOtherKey(link.href, contacts)).map((link) => link.href));
    problems = problems.filter((p) => !(p.rule === keyserverMismatch.id && p.messageId !== "shortKeyId" && others.has(p.needles?.[0] ?? "")));
  }
  const findings = problems.map(place);
  if (derived) findings.push(...(await inspectUsedKeys(file, text, derived.used, declared.now)));
  return { findings, unverified: derived?.unverified ?? 0 };
}

/** A key the page names, and the address it is given for ("" when the page binds it to none). */
interface UsedKey {
  key: GivenKey;
  email: string;
  /** Text to place its problems at when the page prints no fingerprint of it: the address it is given for. */
  needle?: string;
  /** Where the page prints its fingerprint; absent for a key printed in the page as a block only. */
  at?: PresentedFingerprint;
}

/**
 * The contacts a page presents, without site data: each address with the fingerprints beside
 * it. A fingerprint beside no address goes with the page's only address, if it has one; a key
 * given for a presented address (by file name or user ID), or one a digit or so away, stands
 * in for a fingerprint no key has, so the page check reports the difference.
 */
export function presentedContacts(page: ScannedPage, presented: PresentedFingerprint[], keys: GivenKey[]): { contacts: Contact[]; used: UsedKey[]; unverified: number } {
  const byAddress = new Map<string, Fingerprint[]>();
  const add = (email: string, fingerprint: Fingerprint) => {
    const list = byAddress.get(email) ?? [];
    if (!list.some((f) => sameFingerprint(f, fingerprint))) list.push(fingerprint);
    byAddress.set(email, list);
  };
  const onPage = pageAddresses(page);
  const only = onPage.size === 1 ? [...onPage][0] : undefined;
  const used: UsedKey[] = [];
  let unverified = 0;
  for (const p of presented) {
    // A page may print the encryption subkey's fingerprint: that is the key too.
    const bySubkey = keys.find((k) => k.key.getSubkeys().some((sub) => sub.getFingerprint().toUpperCase() === p.fingerprint.hex));
    const found = keys.find((k) => sameFingerprint(k.fingerprint, p.fingerprint)) ?? bySubkey;
    const address = p.address?.toLowerCase() ?? (found ? found.emails.find((e) => onPage.has(e)) : undefined) ?? only;
    // The key of the address written beside the fingerprint; a fingerprint with no address beside it is held only to keys it nearly matches (a 40-digit commit hash is no key).
    const forAddress = p.address === undefined || address === undefined ? undefined : keys.find((k) => k.named === address || k.emails.includes(address));
    // Another address's key beside this one, where this address has a key of its own: the page mixed them up.
    const exact = found && (forAddress === undefined || sameFingerprint(forAddress.fingerprint, found.fingerprint) || found.emails.includes(address!)) ? found : undefined;
    if (exact) {
      add(address ?? exact.emails[0] ?? exact.named ?? "", exact.fingerprint);
      if (exact === bySubkey) add(address ?? exact.emails[0] ?? exact.named ?? "", p.fingerprint);
      used.push({ key: exact, email: address ?? "", at: p });
      continue;
    }
    const near = forAddress ?? keys.find((k) => k.fingerprint.version === p.fingerprint.version && differing(k.fingerprint, p.fingerprint) <= NEAR_DIGITS);
    if (near) {
      add(address ?? near.emails[0] ?? near.named ?? `the key in ${near.file}`, near.fingerprint);
    } else {
      add(address ?? "", p.fingerprint);
      unverified++;
    }
  }
  // A key printed in the page, or given, that no fingerprint names: still the key links may name it.
  for (const k of keys) {
    if ([...byAddress.values()].some((list) => list.some((f) => sameFingerprint(f, k.fingerprint)))) continue;
    const address = k.named ?? k.emails.find((e) => onPage.has(e)) ?? (k.index !== undefined ? only : undefined) ?? k.emails[0] ?? "";
    add(address, k.fingerprint);
    if (k.index !== undefined) used.push({ key: k, email: address && (onPage.has(address) ? address : "") });
    // A key given for an address the page tells researchers to write to is the key they will encrypt to.
    else if (k.named !== undefined && onPage.has(k.named)) used.push({ key: k, email: k.named, needle: k.named });
  }
  const contacts = [...byAddress].map(([email, fingerprints]): Contact => ({ email, fingerprint: fingerprints[0]!, ...(fingerprints.length > 1 ? { fingerprints } : {}) }));
  return { contacts, used, unverified };
}

/** The most digits a printed or linked fingerprint may differ by from a key to be taken for a mistyped copy of it. */
const NEAR_DIGITS = 4;

/** Whether every key a link names is far from each of the contacts' keys: another key, not a mistyped one. */
function namesOtherKey(href: string, contacts: Contact[]): boolean {
  const known = contacts.flatMap(fingerprintsOf);
  const refs = readKeyLink(href).references.filter((r) => r.kind !== "short-key-id");
  if (refs.length === 0) return false;
  return refs.every((ref) =>
    known.every((f) => {
      if (referencesKey(ref, f)) return false;
      const against = ref.kind === "fingerprint" ? f.hex : f.hex.slice(-ref.hex.length);
      return ref.hex.length !== against.length || [...ref.hex].filter((c, i) => c !== against[i]).length > NEAR_DIGITS;
    }),
  );
}

function differing(a: Fingerprint, b: Fingerprint): number {
  return [...a.hex].filter((c, i) => c !== b.hex[i]).length;
}

/** Every address the page shows or links to, in lower case. */
function pageAddresses(page: ScannedPage): Set<string> {
  const found = new Set<string>();
  for (const run of page.texts) for (const m of findAddresses(run.text)) found.add(m.address.toLowerCase());
  for (const link of page.links) {
    if (!/^mailto:/i.test(link.href)) continue;
    for (const to of parseMailto(link.href).mailto?.to ?? []) found.add(to.toLowerCase());
  }
  return found;
}

/** Each key the page names, inspected once for its address, its problems placed where the page names it. */
async function inspectUsedKeys(file: string, text: string, used: UsedKey[], now: Date): Promise<Finding[]> {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const u of used) {
    const id = `${u.key.fingerprint.hex}\0${u.email}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // Without site data, the page is where the address and the fingerprint are written.
    const report = await inspectKey(u.key.armored, { email: u.email || (u.key.emails[0] ?? ""), fingerprint: u.key.fingerprint, now, declaredIn: "page" });
    const needle = u.at?.text ?? u.needle;
    const at = needle !== undefined ? (locateInFiles(new Map([[file, text]]), [needle])?.position ?? { line: 1, column: 1 }) : positionAt(text, u.key.index ?? 0);
    for (const p of report.problems) {
      if (KEY_LAYOUT_RULES.has(p.rule)) continue;
      // A key the page binds to no address is not held to one.
      if (p.rule === keyUidMismatch.id && u.email === "") continue;
      findings.push(placed(p, file, at));
    }
  }
  return findings;
}

/** A security.txt: RFC 9116's checks, and its signature verified against the keys given. */
export async function checkSecurityTxtFile(file: string, text: string, keys: GivenKey[], now: Date, notices: string[]): Promise<Finding[]> {
  const findings = checkSecurityTxt(text, { now }, "the security.txt").map((p) => placed(p, file, { line: p.line ?? 1, column: 1 }));
  if (!/^-----BEGIN PGP SIGNED MESSAGE-----\r?$/m.test(text)) return findings;
  // A broken frame or armor is already securitytxt-invalid's finding: nothing more to verify.
  if (findings.some((f) => f.rule === "securitytxt-invalid" && f.messageId !== undefined && SIGNATURE_FRAME.has(f.messageId))) return findings;
  const at = { line: 1, column: 1 };
  if (keys.length === 0) {
    // RFC 9116 asks a reader to verify a signature, not to have the key: with none given, say how, and judge nothing.
    notices.push(`${file}: signed, and not verified: no key was given; pass --keys DIR with the signing key's public key to verify it`);
    return findings;
  }
  let signers: string[];
  try {
    const message = await readCleartextMessage({ cleartextMessage: text });
    signers = message.getSigningKeyIDs().map((id) => id.toHex().toUpperCase());
  } catch (error) {
    findings.push(securitytxtSignature.finding("unreadable", { reason: reasonOf(error) }, file, at));
    return findings;
  }
  const keyId = signers.join(", ");
  const candidates = keys.filter((k) => signers.some((s) => k.key.getKeys().some((sub) => sub.getKeyID().toHex().toUpperCase() === s)));
  if (candidates.length === 0) {
    findings.push(securitytxtSignature.finding("unknownSigner", { keyId, given: [...new Set(keys.map((k) => formatFingerprint(k.fingerprint)))].join(", ") }, file, at));
    return findings;
  }
  const failures: string[] = [];
  for (const k of candidates) {
    try {
      await verifySecurityTxt(text, k.armored, now);
      notices.push(`${file}: signed by ${formatFingerprint(k.fingerprint)} (${k.file}), and the signature verifies`);
      return findings;
    } catch (error) {
      failures.push(reasonOf(error));
    }
  }
  findings.push(securitytxtSignature.finding("notVerified", { fingerprint: formatFingerprint(candidates[0]!.fingerprint), reason: failures[0] ?? "" }, file, at));
  return findings;
}

/** The cleartext framing problems (src/formats/cleartext-signature.ts) after which there is no signature to verify. */
const SIGNATURE_FRAME: ReadonlySet<string> = new Set([
  "beforeSignedMessage",
  "notHashHeader",
  "notDashEscaped",
  "signatureIncomplete",
  "notArmorHeader",
  "dashEscapedInSignature",
  "notBase64",
  "base64Length",
  "signatureEmpty",
  "checksumInvalid",
  "checksumMismatch",
  "secondSignedMessage",
  "afterSignature",
]);
