import { findFingerprints, type FingerprintMention, formatFingerprint, sameFingerprint, writtenDigits } from "../formats/fingerprint.ts";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import { locateInFiles, locateInMarkdown, type SourceMarker } from "../findings/locate.ts";
import { findAddresses, type AddressMention } from "../formats/address-text.ts";
import { scanHtml, type ScannedPage, type TextRun } from "../formats/html-scan.ts";
import { isAddrSpec, parseMailto } from "../formats/mailto.ts";
import type { Position } from "../formats/json.ts";
import { fingerprintsOf, isKeyFor, type Contact, type Fingerprint, type OtherAddress } from "../types.ts";
import { ownCopy, TextMemo } from "../formats/text-memo.ts";
import { linkTextProblems } from "./link-text.ts";
import { findMojibake, type MojibakeHit, mojibakeProblem } from "./mojibake.ts";
import { checkDuplicateIds } from "./page/anchor-duplicate.ts";
import { checkAnchorTargets } from "./page/anchor-missing.ts";
import { isDeclared, undeclaredProblem } from "./page/address-undeclared.ts";
import { wrongAddressProblem } from "./page/fingerprint-address-mismatch.ts";
import { besideUndeclaredProblem, mismatchProblem } from "./page/fingerprint-mismatch.ts";
import { checkKeyLinkVerifiable } from "./page/key-link-unverifiable.ts";
import { checkKeyserverLink } from "./page/keyserver-mismatch.ts";
import fingerprintMalformed from "./page/fingerprint-malformed.ts";
import { checkMailto } from "./page/mailto-invalid.ts";
import { checkMailtoText } from "./page/mailto-text-mismatch.ts";
import { checkRecipients } from "./page/mailto-undeclared.ts";
import fingerprintNotShown from "./publish/fingerprint-not-shown.ts";

/**
 * A problem on a page: where it is in the HTML (`index`), and the texts to look for in the
 * source (`needles`); `fromLayout`, where given, is told instead when no source file holds them.
 */
type PageProblem = Problem & { index: number; needles: string[]; fromLayout?: Problem };

/**
 * What one build has already worked out, by text: pages share their layout and often
 * their links, so each distinct text or link is examined once. Results depend only on
 * the text and the contacts, so a memo must not outlive the build's contacts.
 */
export interface PageMemo {
  links: TextMemo<PageProblem[]>;
  /** What each distinct run of text holds: one look-up per run serves every check of text. */
  texts: TextMemo<InText>;
  /** The declared fingerprints (hex) some page showed for their contact. */
  shown: Set<string>;
}

export function createPageMemo(): PageMemo {
  return { links: new TextMemo(), texts: new TextMemo(), shown: new Set() };
}

/** The fingerprints, addresses and mojibake in one run of text. */
interface InText {
  fingerprints: FingerprintMention[];
  addresses: AddressMention[];
  mojibake: MojibakeHit[];
}

function readText(text: string): InText {
  return { fingerprints: findFingerprints(text), addresses: findAddresses(text), mojibake: findMojibake(text) };
}

/**
 * Every check that reads a rendered page, in document order (where two problems stand at one
 * place, in the order of the checks). Pure: the page is scanned HTML, the contacts plain data.
 */
export function checkPage(page: ScannedPage, contacts: Contact[], memo: PageMemo = createPageMemo(), others: OtherAddress[] = []): PageProblem[] {
  const found = page.texts.map((run) => memo.texts.get(run.text, readText));
  const addresses = addressMentions(page, found);
  return [
    ...checkFingerprints(page, found, contacts, others, memo, addresses),
    ...checkAddresses(page, contacts, others, addresses),
    ...checkLinks(page, contacts, others, memo),
    ...checkEncoding(page, found),
    ...checkDuplicateIds(page).map((p) => onPage(p, p.index ?? 0, p.needles ?? [])),
    ...checkAnchorTargets(page).map((p) => onPage(p, p.index ?? 0, p.needles ?? [])),
  ].sort((a, b) => a.index - b.index);
}

/** A rule's problem at `index` in the page's HTML, with the texts (blank ones left out) to find it by in the source. */
function onPage(p: Problem, index: number, needle: string | string[]): PageProblem {
  return { ...p, index, needles: [needle].flat().filter((n) => n.trim() !== "") };
}

/** An address shown on the page: the text run it stands in (its position in the page's runs) and where. */
interface AddressAt {
  index: number;
  run: TextRun;
  /** The run's position in the page's runs. */
  at: number;
  /** Offset in the run. */
  offset: number;
  mention: AddressMention;
}

/** Every address in the page's text, plain or spelt out, in document order. */
function addressMentions(page: ScannedPage, found: InText[]): AddressAt[] {
  const mentions: AddressAt[] = [];
  page.texts.forEach((run, at) => {
    for (const mention of found[at]!.addresses) mentions.push({ index: run.index + mention.index, run, at, offset: mention.index, mention });
  });
  return mentions.sort((a, b) => a.index - b.index);
}

/** The block a place in a run stands in: its line, list item, table row or paragraph; in preformatted text, its line. */
function blockOf(run: TextRun, offset: number): string {
  if (!run.pre) return String(run.block);
  let line = 0;
  for (let i = run.text.indexOf("\n"); i >= 0 && i < offset; i = run.text.indexOf("\n", i + 1)) line++;
  return `${run.block}:${line}`;
}

/** Text the page's author wrote, as opposed to an attribute value or what the build inserted from the site data. */
function pairable(run: TextRun): boolean {
  return run.block >= 0 && !run.generated;
}

/**
 * Which written address a fingerprint is shown beside: in its block (line, list item, table row,
 * paragraph), the address nearest before it, else the nearest after it; else, in the
 * `address: fingerprint` form, an address that ends the block before with a colon and nothing
 * but the fingerprint after it. What the build inserts takes no part.
 */
function addressBeside(page: ScannedPage, byBlock: Map<string, AddressAt[]>, written: AddressAt[], run: TextRun, at: number, offset: number): AddressAt | undefined {
  if (!pairable(run)) return undefined;
  const index = run.index + offset;
  const inBlock = byBlock.get(blockOf(run, offset)) ?? [];
  const before = inBlock.filter((a) => a.index < index).at(-1);
  if (before) return before;
  const after = inBlock.find((a) => a.index > index);
  if (after) return after;
  // "security@example.org:" closing one block, the fingerprint opening the next.
  const label = written.filter((a) => a.index < index).at(-1);
  if (!label) return undefined;
  const tail = label.run.text.slice(label.offset + label.mention.text.length);
  if (!/^\s*:\s*$/.test(tail) || run.text.slice(0, offset).trim() !== "") return undefined;
  for (let i = label.at + 1; i < at; i++) if ((page.texts[i]?.block ?? -1) >= 0) return undefined;
  return label;
}

/** A well-formed fingerprint the page shows, and the address written beside it, if any (`addressBeside`). */
export interface PresentedFingerprint {
  fingerprint: Fingerprint;
  /** As written. */
  text: string;
  /** Offset in the page's HTML. */
  index: number;
  address?: string;
}

/**
 * What a page presents as its keys, without any site data: each well-formed fingerprint with the
 * address in its own line, list item, table row or paragraph, paired as the checks pair them.
 */
export function presentedFingerprints(page: ScannedPage): PresentedFingerprint[] {
  const found = page.texts.map((run) => readText(run.text));
  const written = addressMentions(page, found).filter((a) => pairable(a.run));
  const byBlock = blocksOf(written);
  return page.texts.flatMap((run, at) =>
    found[at]!.fingerprints.flatMap((m) => {
      if (!m.fingerprint) return [];
      const beside = addressBeside(page, byBlock, written, run, at, m.index);
      return [{ fingerprint: m.fingerprint, text: m.text, index: run.index + m.index, ...(beside ? { address: beside.mention.address } : {}) }];
    }),
  );
}

/** The written addresses by the block they stand in. */
function blocksOf(written: AddressAt[]): Map<string, AddressAt[]> {
  const byBlock = new Map<string, AddressAt[]>();
  for (const a of written) {
    const key = blockOf(a.run, a.offset);
    byBlock.set(key, [...(byBlock.get(key) ?? []), a]);
  }
  return byBlock;
}

/**
 * Each fingerprint is judged against the address written next to it (`addressBeside`): the
 * contact of that address must own it; a declared key beside another address is
 * fingerprint-address-mismatch, a key of no declared contact fingerprint-mismatch. A fingerprint
 * beside no address may be any declared key; a near miss is judged against the only contact, or
 * with several, the one it is closest to. A fingerprint beside an address that is no contact is
 * never bound to a contact it was not written for.
 */
function checkFingerprints(page: ScannedPage, inText: InText[], contacts: Contact[], others: OtherAddress[], memo: PageMemo, addresses: AddressAt[]): PageProblem[] {
  const problems: PageProblem[] = [];
  const written = addresses.filter((a) => pairable(a.run));
  const byBlock = blocksOf(written);
  // The keys a fingerprint beside an address may be: the contact's own, and its team members'.
  const holdersOf = (address: string) => contacts.filter((c) => isKeyFor(c, address));
  page.texts.forEach((run, at) => {
    for (const found of inText[at]!.fingerprints) {
      const index = run.index + found.index;
      const beside = addressBeside(page, byBlock, written, run, at, found.index);
      const holders = beside ? holdersOf(beside.mention.address) : [];
      // Of a team's keys, the one the fingerprint was most likely meant to be.
      const digits = { hex: (found.fingerprint?.hex ?? writtenDigits(found.text)).toUpperCase() };
      const contact = holders.length <= 1 ? holders[0] : closestContact(digits, holders);
      if (found.problem) {
        problems.push(onPage(fingerprintMalformed.fromFormat(found.problem), index, found.text));
        // Shown, if wrongly: the malformed finding says so, and "shown on no page" would only repeat it.
        const near = contact ?? (beside === undefined && contacts.length === 1 ? contacts[0] : undefined);
        if (near) memo.shown.add(near.fingerprint.hex);
        continue;
      }
      const shown = found.fingerprint;
      if (!shown) continue;
      const owns = (c: Contact) => fingerprintsOf(c).some((f) => sameFingerprint(shown, f));
      const owner = holders.find(owns) ?? contacts.find(owns);
      if (owner) memo.shown.add(shown.hex);
      if (beside === undefined) {
        if (owner) continue;
        const declared = contacts.length === 1 ? contacts[0] : closestContact(shown, contacts);
        if (declared) memo.shown.add(closestFingerprint(shown, declared).hex);
        problems.push(onPage(mismatchProblem(shown, declared, {}, found.text), index, found.text));
        continue;
      }
      if (owner !== undefined && holders.includes(owner)) continue;
      const address = beside.mention.address;
      if (owner) {
        const other = contact ? undefined : others.find((o) => o.email.toLowerCase() === address.toLowerCase());
        problems.push(onPage(wrongAddressProblem(shown, address, owner, contact, other), index, asWritten(found.text, shown)));
      } else if (contact) {
        memo.shown.add(closestFingerprint(shown, contact).hex);
        problems.push(onPage(mismatchProblem(shown, contact, {}, found.text), index, found.text));
      } else {
        // On a site that declares no contact at all, the fingerprint is simply nobody's.
        problems.push(onPage(contacts.length === 0 ? mismatchProblem(shown, undefined, {}, found.text) : besideUndeclaredProblem(shown, address), index, found.text));
      }
    }
  });
  return problems;
}

/**
 * Every address shown on the page must be declared, as a contact or as another address. An
 * address that is the whole text of a valid mailto link is left to the link's own checks
 * (mailto-undeclared, mailto-text-mismatch), which already judge it: one mistake, one finding.
 */
function checkAddresses(page: ScannedPage, contacts: Contact[], others: OtherAddress[], addresses: AddressAt[]): PageProblem[] {
  const undeclared = addresses.filter((a) => !isDeclared(a.mention.address, contacts, others));
  if (undeclared.length === 0) return [];
  const judged = page.links.filter((link) => {
    if (!/^mailto:/i.test(link.href)) return false;
    const shown = link.text.replace(/^mailto:/i, "").trim();
    return shown.includes("@") && !/\s/.test(shown) && isAddrSpec(shown) && parseMailto(link.href).mailto !== undefined;
  });
  return undeclared
    .filter((a) => !judged.some((link) => a.index >= link.index && a.index < link.end))
    .map((a) => {
      const { problem, fromLayout } = undeclaredProblem(a.mention, contacts, others);
      const firstLine = a.mention.text.split(/\s*\n/)[0] ?? "";
      return { ...onPage(problem, a.index, [a.mention.text, firstLine, a.mention.address]), fromLayout };
    });
}

/**
 * The ways a declared fingerprint may be written in the source: the build decorates it in
 * groups of four with one space, where the author may have pasted gpg's two in the middle, or
 * written it unbroken.
 */
function asWritten(text: string, fingerprint: Fingerprint): string[] {
  const groups = formatFingerprint(fingerprint).split(" ");
  const half = groups.length / 2;
  const gpg = `${groups.slice(0, half).join(" ")}  ${groups.slice(half).join(" ")}`;
  return [text, gpg, fingerprint.hex, fingerprint.hex.toLowerCase()];
}

/** Of a contact's fingerprints, the one a mistyped one was most likely meant to be. */
function closestFingerprint(shown: { hex: string }, contact: Contact): Fingerprint {
  const same = (f: Fingerprint) => [...f.hex].filter((d, i) => d === shown.hex[i]).length;
  return fingerprintsOf(contact).reduce((best, f) => (same(f) > same(best) ? f : best));
}

function closestContact(shown: { hex: string }, contacts: Contact[]): Contact | undefined {
  let best: Contact | undefined;
  let bestSame = -1;
  for (const c of contacts) {
    for (const f of fingerprintsOf(c)) {
      const same = [...f.hex].filter((d, i) => d === shown.hex[i]).length;
      if (same > bestSame) [best, bestSame] = [{ ...c, fingerprint: f }, same];
    }
  }
  return best;
}

function checkLinks(page: ScannedPage, contacts: Contact[], others: OtherAddress[], memo: PageMemo): PageProblem[] {
  // The same link stands on many pages (the report link, the footer's address): check each once per build.
  return page.links.flatMap((link) => {
    const key = `${link.href}\u0000${link.text}`;
    const found = memo.links.get(key, () => checkLink(ownCopy(link.href), ownCopy(link.text), contacts, others));
    return found.map((p) => ({ ...p, index: link.index }));
  });
}

/** The problems of one link, wherever it stands (index 0; the caller places them). */
function checkLink(href: string, text: string, contacts: Contact[], others: OtherAddress[]): PageProblem[] {
  const index = 0;
  const needles = [href, text];
  if (/^mailto:/i.test(href)) {
    const problems: PageProblem[] = [];
    const { mailto, problems: invalid } = checkMailto(href);
    for (const p of invalid) problems.push(onPage(p, index, needles));
    if (!mailto) return problems;
    return [...problems, ...checkRecipients(mailto, contacts, others), ...checkMailtoText(mailto, text)].map((p) => onPage(p, index, needles));
  }
  return [...linkTextProblems(text, href), ...checkKeyserverLink(href, contacts), ...checkKeyLinkVerifiable(href, contacts)].map((p) => onPage(p, index, needles));
}

function checkEncoding(page: ScannedPage, found: InText[]): PageProblem[] {
  return page.texts.flatMap((run, at) => found[at]!.mojibake.map((hit) => onPage(mojibakeProblem(hit), run.index + hit.index, hit.text)));
}

/**
 * Runs the page checks on one rendered page and places each problem at its source line:
 * the Markdown line where the HTML came from the page body, else the first layout or data
 * file that holds the text, else the page file itself (its front matter feeds the layout).
 * `file` is the page as findings name it; `sources` are the layouts and data by the same names.
 */
export function pageFindings(
  html: string,
  page: { file: string; markdown: boolean; raw: string; markers: SourceMarker[] },
  contacts: Contact[],
  sources: Map<string, string>,
  memo: PageMemo = createPageMemo(),
  others: OtherAddress[] = [],
): Finding[] {
  const scanned = scanHtml(html);
  const problems = checkPage(scanned, contacts, memo, others);
  if (problems.length === 0) return [];
  const own = new Map([[page.file, page.raw]]);
  return problems.map((p) => {
    const inMarkdown = page.markdown ? locateInMarkdown(page.raw, page.markers, p.index, p.needles) : undefined;
    if (inMarkdown) return placed(p, page.file, inMarkdown);
    const found = locateInFiles(sources, p.needles) ?? locateInFiles(own, p.needles);
    if (!found && p.fromLayout) return placed(p.fromLayout, page.file, { line: 1, column: 1 });
    return placed(p, found?.file ?? page.file, found?.position ?? { line: 1, column: 1 });
  });
}

/**
 * The declared fingerprints no page showed for their contact: a researcher cannot check a key
 * the policy never shows, nor tell, during a rotation, which key replaced which. Placed at the
 * fingerprint in the site data.
 */
export function fingerprintsNotShown(contacts: Contact[], shown: Set<string>, data: { file: string; locate: (path: string) => Position }): Finding[] {
  const { locate } = data;
  return contacts.flatMap((contact, n) => {
    const listed = fingerprintsOf(contact);
    return listed.flatMap((f, i) => {
      if (shown.has(f.hex)) return [];
      const at = contact.field ?? `contacts.${n}`;
      const field = contact.fingerprints && contact.fingerprints.length > 1 ? `${at}.fingerprint.${i}` : `${at}.fingerprint`;
      const messageId = listed.length === 1 ? "keyNotShown" : i === 0 ? "currentKeyNotShown" : "previousKeyNotShown";
      return [fingerprintNotShown.finding(messageId, { fingerprint: formatFingerprint(f), email: contact.email }, data.file, locate(field))];
    });
  });
}
