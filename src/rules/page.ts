import {
  describeDifference,
  findFingerprints,
  type FingerprintMention,
  formatFingerprint,
  keyIdOf,
  keyReferencesInUrl,
  sameFingerprint,
} from "../formats/fingerprint.ts";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import { finding, problem, type RuleId } from "./registry.ts";
import { locateInFiles, locateInMarkdown, type SourceMarker } from "../findings/locate.ts";
import { scanHtml, type ScannedPage } from "../formats/html-scan.ts";
import type { Position } from "../formats/json.ts";
import { isAddrSpec, type Mailto, parseMailto, splitAddressList } from "../formats/mailto.ts";
import { fingerprintsOf, type Contact, type Fingerprint } from "../types.ts";
import { ownCopy, TextMemo } from "../formats/text-memo.ts";
import { linkTextProblems } from "./link-text.ts";
import { findMojibake, type MojibakeHit, mojibakeMessage } from "./mojibake.ts";

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

/** Every check that reads a rendered page. Pure: the page is scanned HTML, the contacts plain data. */
export function checkPage(page: ScannedPage, contacts: Contact[], memo: PageMemo = createPageMemo()): PageProblem[] {
  return [
    ...checkFingerprints(page, contacts, memo),
    ...checkLinks(page, contacts, memo),
    ...checkEncoding(page, memo),
    ...checkAnchors(page),
  ].sort((a, b) => a.index - b.index);
}

function error(rule: RuleId, index: number, needle: string | string[], message: string): PageProblem {
  return problem(rule, message, { index, needles: [needle].flat().filter((n) => n.trim() !== "") }) as PageProblem;
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
        problems.push(error("fingerprint-malformed", index, found.text, `${found.problem.message}`));
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
      problems.push(
        error(
          "fingerprint-mismatch",
          index,
          found.text,
          declared
            ? `fingerprint ${formatFingerprint(shown)} is not the declared fingerprint of ${declared.email} (${formatFingerprint(declared.fingerprint)}): ${describeDifference(shown, declared.fingerprint)}. Correct the page, or the site data if the key was rotated`
            : `fingerprint ${formatFingerprint(shown)} belongs to no declared contact; declare it in the site data or remove it`,
        ),
      );
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
  const problems: PageProblem[] = [];
  const index = 0;
  const declared = new Set(contacts.map((c) => c.email.toLowerCase()));
  const list = contacts.map((c) => c.email).join(", ");

  if (/^mailto:/i.test(href)) {
    const { mailto, problems: invalid } = parseMailto(href);
    for (const p of invalid) problems.push(error("mailto-invalid", index, [href, text], `mailto link "${href}": ${p.message}`));
    if (!mailto) return problems;
    for (const { field, address } of recipients(mailto)) {
      if (!declared.has(address.toLowerCase())) {
        problems.push(
          error(
            "mailto-undeclared",
            index,
            [href, text],
            `mailto link ${field === "to" ? "goes" : `sends a copy (${field})`} to ${address}, which is not a declared security contact (${list}); a report must reach only the security team: fix the address, or declare it in the site data`,
          ),
        );
      }
    }
    const shownAddress = text.replace(/^mailto:/i, "").trim();
    if (shownAddress.includes("@") && !/\s/.test(shownAddress) && isAddrSpec(shownAddress)) {
      if (!mailto.to.some((a) => a.toLowerCase() === shownAddress.toLowerCase())) {
        problems.push(
          error(
            "mailto-text-mismatch",
            index,
            [href, text],
            `link text says ${shownAddress} but the link writes to ${mailto.to.join(", ") || "no address"}; make the text and the href the same address`,
          ),
        );
      }
    }
    return problems;
  }

  for (const p of linkTextProblems(text, href)) problems.push(error("link-text-host", index, [href, text], p.message));

  for (const ref of keyReferencesInUrl(href)) {
    if (ref.kind === "short-key-id") {
      problems.push(
        error(
          "keyserver-mismatch",
          index,
          [href, text],
          `link looks up the short key ID 0x${ref.hex}, which anyone can collide with; look the key up by its full fingerprint`,
        ),
      );
      return problems;
    }
    const declared = contacts.flatMap(fingerprintsOf);
    const matches = declared.some((f) => (ref.kind === "key-id" ? keyIdOf(f) === ref.hex || f.hex.endsWith(ref.hex) : f.hex === ref.hex));
    if (!matches) {
      const expected = declared.map((f) => (ref.kind === "key-id" ? `0x${keyIdOf(f)}` : f.hex)).join(" or ");
      problems.push(
        error(
          "keyserver-mismatch",
          index,
          [href, text],
          `link looks up ${ref.kind === "key-id" ? "key ID" : "fingerprint"} ${ref.hex}, which is not a declared key; it should be ${expected}`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Everyone a report would reach: the `to` addresses, and those in `cc` and `bcc`
 * header fields, which RFC 6068 allows and which would leak a report just as well.
 */
function recipients(mailto: Mailto): Array<{ field: string; address: string }> {
  const copies = mailto.headers
    .filter((h) => h.name === "cc" || h.name === "bcc")
    .flatMap((h) =>
      // A copy may name its recipients as "Name <address>", and a quoted name may hold a comma.
      splitAddressList(h.value)
        .map((part) => (/<([^>]*)>\s*$/.exec(part)?.[1] ?? part).trim())
        .filter((address) => address !== "")
        .map((address) => ({ field: h.name, address })),
    );
  return [...mailto.to.map((address) => ({ field: "to", address })), ...copies];
}

function checkEncoding(page: ScannedPage, memo: PageMemo): PageProblem[] {
  return page.texts.flatMap((run) =>
    memo.mojibake.get(run.text, findMojibake).map((hit) => error("mojibake", run.index + hit.index, hit.text, mojibakeMessage(hit))),
  );
}

function checkAnchors(page: ScannedPage): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const [id, places] of page.ids) {
    for (const index of places.slice(1)) {
      problems.push(error("anchor-duplicate", index, `id="${id}"`, `id "${id}" is used ${places.length} times on this page; ids must be unique so links land in one place`));
    }
  }
  for (const link of page.links) {
    if (!link.href.startsWith("#") || link.href === "#") continue;
    let id: string;
    try {
      id = decodeURIComponent(link.href.slice(1));
    } catch {
      id = link.href.slice(1);
    }
    if (!page.ids.has(id)) {
      const known = [...page.ids.keys()];
      const hint = known.find((k) => k.toLowerCase() === id.toLowerCase() || k.replace(/-/g, "") === id.replace(/-/g, ""));
      problems.push(
        error(
          "anchor-missing",
          link.index,
          link.href,
          `link to "${link.href}" has no target: no element on this page has id "${id}"${hint ? `; did you mean "#${hint}"?` : ""}`,
        ),
      );
    }
  }
  return problems;
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
      const role = listed.length === 1 ? "key" : i === 0 ? "current key" : "previous key";
      return [
        finding(
          "fingerprint-not-shown",
          data.file,
          locate(field),
          `the ${role} ${formatFingerprint(f)} of ${contact.email} is shown on no page, so researchers cannot check the key they encrypt to: show it on the policy page, after the address (${contact.email}: ${formatFingerprint(f)})`,
        ),
      ];
    });
  });
}
