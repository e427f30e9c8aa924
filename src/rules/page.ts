import { findFingerprints, type FingerprintMention, formatFingerprint, sameFingerprint } from "../formats/fingerprint.ts";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import { locateInFiles, locateInMarkdown, type SourceMarker } from "../findings/locate.ts";
import { scanHtml, type ScannedPage } from "../formats/html-scan.ts";
import type { Position } from "../formats/json.ts";
import { fingerprintsOf, type Contact, type Fingerprint } from "../types.ts";
import { ownCopy, TextMemo } from "../formats/text-memo.ts";
import { linkTextProblems } from "./link-text.ts";
import { findMojibake, type MojibakeHit, mojibakeProblem } from "./mojibake.ts";
import { checkDuplicateIds } from "./page/anchor-duplicate.ts";
import { checkAnchorTargets } from "./page/anchor-missing.ts";
import { mismatchProblem } from "./page/fingerprint-mismatch.ts";
import { checkKeyLinkVerifiable } from "./page/key-link-unverifiable.ts";
import { checkKeyserverLink } from "./page/keyserver-mismatch.ts";
import fingerprintMalformed from "./page/fingerprint-malformed.ts";
import { checkMailto } from "./page/mailto-invalid.ts";
import { checkMailtoText } from "./page/mailto-text-mismatch.ts";
import { checkRecipients } from "./page/mailto-undeclared.ts";
import fingerprintNotShown from "./publish/fingerprint-not-shown.ts";

/** A problem on a page: where it is in the HTML (`index`), and the texts to look for in the source (`needles`). */
type PageProblem = Problem & { index: number; needles: string[] };

/**
 * What one build has already worked out, by text: pages share their layout and often
 * their links, so each distinct text or link is examined once. Results depend only on
 * the text and the contacts, so a memo must not outlive the build's contacts.
 */
export interface PageMemo {
  links: TextMemo<PageProblem[]>;
  fingerprints: TextMemo<FingerprintMention[]>;
  mojibake: TextMemo<MojibakeHit[]>;
  /** The declared fingerprints (hex) some page showed for their contact. */
  shown: Set<string>;
}

export function createPageMemo(): PageMemo {
  return { links: new TextMemo(), fingerprints: new TextMemo(), mojibake: new TextMemo(), shown: new Set() };
}

/**
 * Every check that reads a rendered page, in document order (where two problems stand at one
 * place, in the order of the checks). Pure: the page is scanned HTML, the contacts plain data.
 */
export function checkPage(page: ScannedPage, contacts: Contact[], memo: PageMemo = createPageMemo()): PageProblem[] {
  return [
    ...checkFingerprints(page, contacts, memo),
    ...checkLinks(page, contacts, memo),
    ...checkEncoding(page, memo),
    ...checkDuplicateIds(page).map((p) => onPage(p, p.index ?? 0, p.needles ?? [])),
    ...checkAnchorTargets(page).map((p) => onPage(p, p.index ?? 0, p.needles ?? [])),
  ].sort((a, b) => a.index - b.index);
}

/** A rule's problem at `index` in the page's HTML, with the texts (blank ones left out) to find it by in the source. */
function onPage(p: Problem, index: number, needle: string | string[]): PageProblem {
  return { ...p, index, needles: [needle].flat().filter((n) => n.trim() !== "") };
}

/** Where each declared contact is named on the page, in document order. */
function contactMentions(page: ScannedPage, contacts: Contact[]): Array<{ index: number; contact: Contact }> {
  const mentions: Array<{ index: number; contact: Contact }> = [];
  const byEmail = new Map(contacts.map((c) => [c.email.toLowerCase(), c]));
  for (const run of page.texts) {
    if (!run.text.includes("@")) continue;
    for (const m of run.text.matchAll(/[^\s<>()"',;:]+@[^\s<>()"',;:]+[A-Za-z0-9]/g)) {
      const contact = byEmail.get(m[0].toLowerCase());
      if (contact) mentions.push({ index: run.index + m.index, contact });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/**
 * A fingerprint is shown for the contact named nearest before it (the seed's
 * "security@ballerina.io: 0168 DA26 …"), else the first named after it, else the only
 * contact there is. With several contacts and none named, it must be one of theirs.
 */
function checkFingerprints(page: ScannedPage, contacts: Contact[], memo: PageMemo): PageProblem[] {
  const problems: PageProblem[] = [];
  const mentions = contactMentions(page, contacts);
  for (const run of page.texts) {
    for (const found of memo.fingerprints.get(run.text, findFingerprints)) {
      const index = run.index + found.index;
      if (found.problem) {
        problems.push(onPage(fingerprintMalformed.fromFormat(found.problem), index, found.text));
        // Shown, if wrongly: the malformed finding says so, and "shown on no page" would only repeat it.
        const near = [...mentions].reverse().find((m) => m.index <= index)?.contact ?? (contacts.length === 1 ? contacts[0] : undefined);
        if (near) memo.shown.add(near.fingerprint.hex);
        continue;
      }
      const shown = found.fingerprint;
      if (!shown) continue;
      const owner =
        [...mentions].reverse().find((m) => m.index <= index)?.contact ??
        mentions.find((m) => m.index > index)?.contact ??
        (contacts.length === 1 ? contacts[0] : undefined);
      const owns = (c: Contact) => fingerprintsOf(c).some((f) => sameFingerprint(shown, f));
      if (owner && owns(owner)) {
        memo.shown.add(shown.hex);
        continue;
      }
      if (!owner && contacts.some(owns)) {
        memo.shown.add(shown.hex);
        continue;
      }
      const declared = owner ?? closestContact(shown, contacts);
      if (declared) memo.shown.add(closestFingerprint(shown, declared).hex);
      problems.push(onPage(mismatchProblem(shown, declared), index, found.text));
    }
  }
  return problems;
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

function checkLinks(page: ScannedPage, contacts: Contact[], memo: PageMemo): PageProblem[] {
  // The same link stands on many pages (the report link, the footer's address): check each once per build.
  return page.links.flatMap((link) => {
    const key = `${link.href}\u0000${link.text}`;
    const found = memo.links.get(key, () => checkLink(ownCopy(link.href), ownCopy(link.text), contacts));
    return found.map((p) => ({ ...p, index: link.index }));
  });
}

/** The problems of one link, wherever it stands (index 0; the caller places them). */
function checkLink(href: string, text: string, contacts: Contact[]): PageProblem[] {
  const index = 0;
  const needles = [href, text];
  if (/^mailto:/i.test(href)) {
    const problems: PageProblem[] = [];
    const { mailto, problems: invalid } = checkMailto(href);
    for (const p of invalid) problems.push(onPage(p, index, needles));
    if (!mailto) return problems;
    return [...problems, ...checkRecipients(mailto, contacts), ...checkMailtoText(mailto, text)].map((p) => onPage(p, index, needles));
  }
  return [...linkTextProblems(text, href), ...checkKeyserverLink(href, contacts), ...checkKeyLinkVerifiable(href, contacts)].map((p) => onPage(p, index, needles));
}

function checkEncoding(page: ScannedPage, memo: PageMemo): PageProblem[] {
  return page.texts.flatMap((run) => memo.mojibake.get(run.text, findMojibake).map((hit) => onPage(mojibakeProblem(hit), run.index + hit.index, hit.text)));
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
): Finding[] {
  const scanned = scanHtml(html);
  const problems = checkPage(scanned, contacts, memo);
  if (problems.length === 0) return [];
  const own = new Map([[page.file, page.raw]]);
  return problems.map((p) => {
    const inMarkdown = page.markdown ? locateInMarkdown(page.raw, page.markers, p.index, p.needles) : undefined;
    if (inMarkdown) return placed(p, page.file, inMarkdown);
    const found = locateInFiles(sources, p.needles) ?? locateInFiles(own, p.needles);
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
      const field = contact.fingerprints && contact.fingerprints.length > 1 ? `contacts.${n}.fingerprint.${i}` : `contacts.${n}.fingerprint`;
      const messageId = listed.length === 1 ? "keyNotShown" : i === 0 ? "currentKeyNotShown" : "previousKeyNotShown";
      return [fingerprintNotShown.finding(messageId, { fingerprint: formatFingerprint(f), email: contact.email }, data.file, locate(field))];
    });
  });
}
