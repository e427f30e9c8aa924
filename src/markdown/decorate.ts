/**
 * The reader's page, decorated at build time from the Markdown as written: each declared
 * fingerprint becomes code with a Copy button (and a "Download public key" link where the
 * site has the key), the report template list gets a "Report a vulnerability" link that
 * opens a prefilled mail, and external links get `rel="noopener noreferrer"`.
 *
 * The Markdown stays a plain SECURITY.md; everything here comes from the build. It runs
 * inside markdown-it, before any transform, so the policy checks read the decorated page.
 */
import { readFileSync } from "node:fs";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { PolicyContact, PolicyGlobal } from "../data/load.ts";
import type { FindingSink } from "../findings/collector.ts";
import { placed, type Finding, type Problem } from "../findings/finding.ts";
import linkInsecure from "../rules/source/link-insecure.ts";
import { locateInBody } from "../findings/locate.ts";
import { findFingerprints, formatFingerprint, keyReferencesInUrl, keyserverLookupHost, referencesKey, sameFingerprint, type FingerprintMention } from "../formats/fingerprint.ts";
import { fingerprintsOf, reportAddress, reportAddresses, type Contact, type Fingerprint } from "../types.ts";
import { GENERATED_CLASS } from "../formats/html-scan.ts";
import { formatMailto } from "../formats/mailto.ts";
import { TextMemo } from "../formats/text-memo.ts";
import { DEFAULT_KEYS_PATH, DEFAULT_POLICY_PATH, keyUrlPath } from "../formats/site-paths.ts";

/** The page's words: the interface string `key` in the page's language, `{name}`s filled in. */
export type Say = (key: string, values?: Record<string, string>) => string;

export interface DecorateOptions {
  /** The folder URL where each contact's public key is published as `<email>.asc`. */
  keysUrl: string;
  /** The interface strings: the text of `key` in `lang` (src/plugins/languages.ts reads them from _data/strings/). */
  text: (lang: string, key: string, values?: Record<string, string>) => string;
  /** The language of a page whose data does not say. */
  defaultLanguage: string;
  /** Whether a page is the policy or a translation of it: those open with the contacts at a glance. */
  isPolicyPage: (page: { url?: string; inputPath?: string }) => boolean;
  /** The keyservers the glance offers to look each key up on, by host, where the page links to no keyserver for that key (then the glance uses the page's). */
  keyservers: string[];
  /** The report page for a page in `lang`, where the site has one (it has the first contact's key): the report calls to action link to it. */
  reportPage: (lang: string) => string | undefined;
  /** Where an insecure link's finding goes: the build's collector. Without one, such a link is an exception. */
  findings?: FindingSink;
}

const DEFAULTS: Omit<DecorateOptions, "text"> = {
  keysUrl: DEFAULT_KEYS_PATH,
  defaultLanguage: "en",
  isPolicyPage: (page) => page.url === DEFAULT_POLICY_PATH,
  keyservers: ["keys.openpgp.org"],
  reportPage: () => undefined,
};

export function normalizeOptions(options: Partial<DecorateOptions> = {}): DecorateOptions {
  const merged = { ...DEFAULTS, ...options };
  const expect = (key: keyof DecorateOptions, type: string) => {
    if (typeof merged[key] !== type) {
      throw new TypeError(`decorate: option \`${key}\` must be a ${type}. Received: ${typeof merged[key]} (${String(merged[key])})`);
    }
  };
  expect("keysUrl", "string");
  expect("text", "function");
  expect("defaultLanguage", "string");
  expect("isPolicyPage", "function");
  expect("reportPage", "function");
  if (!Array.isArray(merged.keyservers) || !merged.keyservers.every((h) => typeof h === "string" && /^[a-z0-9.-]+$/i.test(h))) {
    throw new TypeError(`decorate: option \`keyservers\` must be a list of host names, e.g. ["keys.openpgp.org"]. Received: ${JSON.stringify(merged.keyservers)}`);
  }
  if (merged.findings !== undefined && (typeof merged.findings.add !== "function" || typeof merged.findings.relative !== "function")) {
    throw new TypeError(`decorate: option \`findings\` must be a finding collector (with add and relative). Received: ${typeof merged.findings}`);
  }
  if (!merged.keysUrl.startsWith("/") || !merged.keysUrl.endsWith("/")) {
    throw new TypeError(`decorate: option \`keysUrl\` must be a folder path on the site, starting and ending with "/" (e.g. "/security/keys/"). Received: ${JSON.stringify(merged.keysUrl)}`);
  }
  return merged as DecorateOptions;
}

/** What markdown-it is given as `env` by Eleventy: the page's data. */
interface PageEnv {
  policy?: PolicyGlobal;
  page?: { inputPath?: string; url?: string; lang?: string };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The fingerprint as code in groups of four, a Copy button and, where given, the link to
 * the public key. The button is hidden until the script finds a clipboard to write to, so
 * without JavaScript there is no button that does nothing; it carries what the script says,
 * in the page's language. The status is a live region.
 */
export function fingerprintHtml(grouped: string, say: Say, keyLink?: string, facts?: KeyFacts): string {
  const key = keyLink === undefined ? "" : ` <a class="key-link" href="${escapeHtml(keyLink)}" download>${escapeHtml(say("downloadKey"))}</a>`;
  return (
    `<span class="fingerprint">` +
    `<code class="fingerprint-digits">${escapeHtml(grouped)}</code>` +
    ` <span class="fingerprint-actions">` +
    `<button class="copy-button" type="button" data-copied="${escapeHtml(say("copied"))}" data-refused="${escapeHtml(say("copyRefused"))}" hidden>${escapeHtml(say("copy"))}<span class="visually-hidden"> ${escapeHtml(say("copyWhat"))}</span></button>` +
    key +
    ` <span class="copy-status" role="status"></span>` +
    `</span>` +
    (facts === undefined ? "" : ` ${keyFactsHtml(facts, say)}`) +
    `</span>`
  );
}

/** What a researcher checks at a glance beside a fingerprint: the key's algorithm and until when it is good. */
export interface KeyFacts {
  algorithm: string;
  /** undefined: the key does not expire. */
  expires?: Date;
  /** During a rotation: the key to use now, or the one it replaces. */
  role?: "current" | "previous";
  revoked?: boolean;
}

export function keyFactsHtml(facts: KeyFacts, say: Say): string {
  const day = facts.expires?.toISOString().slice(0, 10);
  const past = facts.expires !== undefined && facts.expires.getTime() <= Date.now();
  // The date goes in as a placeholder, so that the <time> element survives the escaping of the words around it.
  const until = facts.revoked ? escapeHtml(say("keyRevoked")) : day === undefined ? escapeHtml(say("keyNoExpiry")) : escapeHtml(say(past ? "keyExpired" : "keyExpires", { date: "\u0000" })).replace("\u0000", `<time datetime="${day}">${day}</time>`);
  const role =
    facts.role === undefined ? "" : facts.role === "current" ? `<strong class="key-role">${escapeHtml(say("currentKey"))}</strong> ` : `<strong class="key-role key-role-previous">${escapeHtml(say("previousKey"))}</strong> `;
  return `<span class="key-facts">${role}${escapeHtml(say("keyFacts", { algorithm: facts.algorithm, until: "\u0000" })).replace("\u0000", until)}</span>`;
}

/** The report mail: the fields of the page's template, each on its line with a blank line to answer in. */
export function reportMailto(to: string, subject: string, fields: string[]): string {
  return formatMailto({ to: [to], subject, ...(fields.length > 0 ? { body: `${fields.join("\n\n")}\n` } : {}) });
}

/** A "Report a vulnerability" call to action; the address is printed beside it on paper. */
export function reportHtml(href: string, address: string, say: Say, note: "reportNoteTop" | "reportNoteTemplate", reportPage?: string): string {
  return (
    `<p class="report"><a class="report-link" href="${escapeHtml(href)}" data-address="${escapeHtml(address)}">${escapeHtml(say("reportVulnerability"))}</a>` +
    ` <span class="report-note">${escapeHtml(say(note))}</span></p>\n` +
    (reportPage === undefined ? "" : encryptedReportHtml(reportPage, say))
  );
}

/** The way to the report page, where the site has one: a report encrypted in the browser, for a researcher without a GnuPG set-up. */
export function encryptedReportHtml(reportPage: string, say: Say): string {
  return `<p class="report-encrypted"><a class="report-page-link" href="${escapeHtml(reportPage)}">${escapeHtml(say("encryptedReport"))}</a> <span class="report-note">${escapeHtml(say("encryptedReportNote"))}</span></p>\n`;
}

/** Where a keyserver shows a key, looked up by its full fingerprint: keys.openpgp.org's own search, else the HKP lookup every SKS-style server answers. */
export function keyLookupUrl(host: string, hex: string): string {
  return host === "keys.openpgp.org" ? `https://keys.openpgp.org/search?q=${hex}` : `https://${host}/pks/lookup?op=index&fingerprint=on&search=0x${hex}`;
}

/** One key the glance shows: made from the site data and the key, never from the page's text. */
export interface GlanceKey {
  grouped: string;
  hex: string;
  /** A team member's name and own address; absent for the address's own key. */
  member?: { name: string; email: string };
  keyLink?: string;
  facts?: KeyFacts;
  /** The keyservers to look the key up on, by host. */
  keyservers: string[];
}

/** What the glance shows of one address that takes reports: the address, and the keys to encrypt to (its own, then its team's). */
export interface GlanceContact {
  email: string;
  /** The prefilled report mail. */
  reportHref: string;
  keys: GlanceKey[];
}

/**
 * The three things a researcher comes for, first on the policy page: where to report (the
 * address, as a link that opens the prefilled report), the key's fingerprint to copy, and
 * the key itself (download, or look it up on a keyserver). A team's address lists each
 * person's key under one heading, with their name and address. Its class marks it as the
 * build's own text, which the page checks never pair with the addresses the page writes.
 */
export function glanceHtml(contacts: GlanceContact[], say: Say, note: "reportNoteTop" | undefined, reportPage?: string): string {
  const keyHtml = (k: GlanceKey) => {
    const links = [
      ...(k.keyLink === undefined ? [] : [`<a class="key-link" href="${escapeHtml(k.keyLink)}" download>${escapeHtml(say("downloadKey"))}</a>`]),
      ...k.keyservers.map((host) => `<a href="${escapeHtml(keyLookupUrl(host, k.hex))}" rel="noopener noreferrer">${escapeHtml(say("lookUpOn", { host }))}</a>`),
    ];
    return (
      `<dd class="glance-key${k.member ? " glance-member" : ""}">` +
      (k.member ? `<span class="glance-person"><span class="glance-name">${escapeHtml(k.member.name)}</span> <span class="glance-address">${escapeHtml(k.member.email)}</span></span>` : "") +
      fingerprintHtml(k.grouped, say, undefined, k.facts) +
      (links.length === 0 ? "" : `<span class="glance-links">${links.join(" ")}</span>`) +
      `</dd>`
    );
  };
  const blocks = contacts.map(
    (c) =>
      `<dl class="glance-contact">` +
      `<dt>${escapeHtml(say("reportHeading"))}</dt>` +
      `<dd class="glance-report"><a class="report-link" href="${escapeHtml(c.reportHref)}">${escapeHtml(c.email)}</a>` +
      (note === undefined ? "" : ` <span class="report-note">${escapeHtml(say(note))}</span>`) +
      `</dd>` +
      // The report page encrypts to every contact's key: offered once, with the first contact.
      (reportPage !== undefined && c === contacts[0] ? `<dd class="glance-encrypted"><a class="report-page-link" href="${escapeHtml(reportPage)}">${escapeHtml(say("encryptedReport"))}</a></dd>` : "") +
      `<dt>${escapeHtml(say("fingerprint"))}</dt>` +
      c.keys.map(keyHtml).join("") +
      `</dl>`,
  );
  return `<section class="${GENERATED_CLASS}" aria-label="${escapeHtml(say("glance"))}">${blocks.join("")}</section>\n`;
}

/**
 * The label a list item starts with, as the seed writes its template: `**Overview:** …`
 * gives "Overview:". Undefined when the item does not start with bold text ending in ":".
 */
export function leadingLabel(children: Token[]): string | undefined {
  let i = 0;
  while (children[i]?.type === "text" && children[i]?.content.trim() === "") i++;
  if (children[i]?.type !== "strong_open") return undefined;
  let label = "";
  for (i++; i < children.length && children[i]?.type !== "strong_close"; i++) {
    const child = children[i];
    label += child?.type === "softbreak" || child?.type === "hardbreak" ? " " : (child?.content ?? "");
  }
  label = label.replace(/\s+/g, " ").trim();
  return label.length > 1 && label.endsWith(":") ? label : undefined;
}

export interface ReportTemplate {
  /** The labels, in order: "Overview:", "Description:", … */
  fields: string[];
  /** What each item says after its label, in the same order: "high-level overview of the issue", or "" where it says nothing. */
  hints: string[];
  /** Index of the list's closing token. */
  end: number;
  /** The list's lines in the Markdown body. */
  map: [number, number] | null;
}

/** The plain text of inline children: what a reader sees, without the markup. */
function inlineText(children: Token[]): string {
  return children.map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "image" ? inlineText(c.children ?? []) : "")).join("");
}

/**
 * What a template item says after its bold label, as plain text: the rest of its first paragraph
 * and any paragraph after it (`level`: the item's own paragraphs; a nested list is not its hint).
 * A dash between the label and the text is not part of it.
 */
function itemHint(item: Token[], level: number): string {
  const paragraphs = item.filter((t) => t.type === "inline" && t.level === level);
  const text = paragraphs.map((inline, n) => {
    const children = inline.children ?? [];
    return inlineText(n === 0 ? children.slice(children.findIndex((c) => c.type === "strong_close") + 1) : children);
  });
  return text.join(" ").replace(/\s+/g, " ").trim().replace(/^[-\u2013\u2014]\s*/, "");
}

/**
 * The page's report template: the first list of two or more items that each start with a
 * bold label ending in ":". The page shows this list, so it is the one source of the fields.
 */
export function findReportTemplate(tokens: Token[]): ReportTemplate | undefined {
  for (const [start, open] of tokens.entries()) {
    if (open.type !== "bullet_list_open" && open.type !== "ordered_list_open") continue;
    const closeType = open.type.replace("_open", "_close");
    const end = tokens.findIndex((t, i) => i > start && t.type === closeType && t.level === open.level);
    if (end < 0) continue;
    const fields: string[] = [];
    const hints: string[] = [];
    let all = true;
    for (let i = start + 1; i < end && all; i++) {
      if (tokens[i]?.type !== "list_item_open" || tokens[i]?.level !== open.level + 1) continue;
      const close = tokens.findIndex((t, j) => j > i && t.type === "list_item_close" && t.level === open.level + 1);
      const item = tokens.slice(i + 1, close < 0 ? end : close);
      const inline = item.find((t) => t.type === "inline");
      const label = leadingLabel(inline?.children ?? []);
      if (label === undefined) all = false;
      else {
        fields.push(label);
        hints.push(itemHint(item, open.level + 3));
      }
    }
    if (all && fields.length >= 2) return { fields, hints, end, map: open.map };
  }
  return undefined;
}

/**
 * What is wrong with an external link, or undefined: links leave the site only over
 * https, so a reader of a security policy is never sent anywhere in the clear. An
 * `openpgp4fpr:` link fetches nothing: it hands a fingerprint to the reader's OpenPGP app
 * (keyserver-mismatch checks the fingerprint).
 */
export function insecureLinkProblem(href: string): Problem | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (href.startsWith("//")) return linkInsecure.problem("noScheme", { href });
  if (scheme === undefined || scheme === "https" || scheme === "mailto" || scheme === "openpgp4fpr") return undefined;
  if (scheme === "http") return linkInsecure.problem("http", { href, https: href.replace(/^http:/i, "https:") });
  return linkInsecure.problem("otherScheme", { href, scheme });
}

/** The message of `insecureLinkProblem`, or undefined when the link is fine. */
export function externalLinkProblem(href: string): string | undefined {
  return insecureLinkProblem(href)?.message;
}

/** Whether a link leaves the site: anything with a scheme but mailto:, and scheme-relative `//host` links. */
export function isExternal(href: string): boolean {
  return href.startsWith("//") || (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^mailto:/i.test(href));
}

/** The facts of the key behind a declared fingerprint: the current key's, or during a rotation the previous key's. */
function keyFactsOf(contact: PolicyContact, fingerprint: Fingerprint): KeyFacts | undefined {
  const listed = fingerprintsOf(contact);
  const at = listed.findIndex((f) => sameFingerprint(fingerprint, f));
  const key = at === 0 ? contact.key : contact.key?.previous?.find((p) => p.fingerprint !== undefined && sameFingerprint(p.fingerprint, fingerprint));
  if (key?.algorithm === undefined) return undefined;
  return { algorithm: key.algorithm, ...(key.expires ? { expires: key.expires } : {}), ...(listed.length > 1 ? { role: at === 0 ? "current" : "previous", revoked: key.revoked === true } : {}) };
}

/**
 * The keyservers the page itself sends a reader to for this contact's key, by host, in the order
 * it links them: each keyserver lookup link (src/formats/fingerprint.ts, keyserverLookupHost)
 * whose key ID or fingerprint is one of the contact's keys.
 */
export function linkedKeyservers(hrefs: string[], contact: Contact): string[] {
  const keys = fingerprintsOf(contact);
  const hosts = hrefs.flatMap((href) => {
    const host = keyserverLookupHost(href);
    return host !== undefined && keyReferencesInUrl(href).some((ref) => keys.some((fp) => referencesKey(ref, fp))) ? [host] : [];
  });
  return [...new Set(hosts)];
}

/** Splits text tokens at each declared fingerprint and puts the decorated HTML in its place. */
function decorateFingerprints(state: StateCore, children: Token[], contacts: PolicyContact[], keysUrl: string, say: Say, fingerprintsIn: TextMemo<FingerprintMention[]>): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  const decoration = (found: Fingerprint): Token | undefined => {
    const contact = contacts.find((c) => fingerprintsOf(c).some((f) => sameFingerprint(found, f)));
    if (!contact) return undefined;
    const html = new state.Token("html_inline", "", 0);
    html.content = fingerprintHtml(formatFingerprint(found), say, contact.key?.publicArmored === undefined ? undefined : keyUrlPath(keysUrl, contact.email), keyFactsOf(contact, found));
    return html;
  };
  for (const child of children) {
    if (child.type === "link_open") linkDepth++;
    if (child.type === "link_close") linkDepth--;
    if (linkDepth > 0 || (child.type !== "text" && child.type !== "code_inline")) {
      out.push(child);
      continue;
    }
    if (child.type === "code_inline") {
      // `0168 DA26 …` written as code: decorated when the code is the fingerprint and nothing else.
      const [only] = fingerprintsIn.get(child.content, findFingerprints);
      const whole = only?.fingerprint && only.text.trim() === child.content.trim() ? decoration(only.fingerprint) : undefined;
      out.push(whole ?? child);
      continue;
    }
    let from = 0;
    for (const found of fingerprintsIn.get(child.content, findFingerprints)) {
      // A malformed or undeclared fingerprint is left as text for the checks to report.
      const html = found.fingerprint ? decoration(found.fingerprint) : undefined;
      if (!html) continue;
      if (found.index > from) out.push(textToken(state, child.content.slice(from, found.index)));
      out.push(html);
      from = found.index + found.text.length;
    }
    out.push(from === 0 ? child : textToken(state, child.content.slice(from)));
  }
  return out.filter((t) => t.type !== "text" || t.content !== "");
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

function htmlBlock(state: StateCore, content: string, map: [number, number] | null): Token {
  const token = new state.Token("html_block", "", 0);
  token.content = content;
  token.block = true;
  // The list's lines: a problem the checks find in the link is traced to the list it was built from.
  token.map = map;
  return token;
}

/** A finding for an insecure link, at its line and column in the page's Markdown file. */
function linkFinding(inputPath: string, file: string, bodyLines: [number, number] | null, href: string, problem: Problem): Finding {
  let raw = "";
  try {
    raw = readFileSync(inputPath, "utf8");
  } catch (error) {
    throw new Error(`decorate: cannot read ${file} to point at the link ${href}: ${(error as Error).message}`);
  }
  // markdown-it's map is 0-based and ends before its last line; locateInBody counts from 1.
  const at = bodyLines ? locateInBody(raw, bodyLines[0] + 1, bodyLines[1] + 1, [href]) : locateInBody(raw, 1, undefined, [href]);
  return placed(problem, file, at);
}

/** The markdown-it plugin: reads the page's data from `env.policy`, as Eleventy passes it. */
export function decorateMarkdown(md: MarkdownIt, options: Partial<DecorateOptions> = {}): void {
  const opts = normalizeOptions(options);
  // Pages share their report mail and most of their text: each is worked out once per build.
  const fingerprintsIn = new TextMemo<FingerprintMention[]>(5_000);
  const reportMailtos = new TextMemo<string>(5_000);
  const reportHref = (to: string, subject: string, fields: string[]) => reportMailtos.get(JSON.stringify([to, subject, fields]), () => reportMailto(to, subject, fields));
  md.core.ruler.push("policy_decorate", (state) => {
    const env = state.env as PageEnv;
    if (!env.policy) {
      throw new Error(`decorate: the page's data has no "policy"; add the policyData plugin, which provides it, to the Eleventy config before decorate`);
    }
    const { contacts, site } = env.policy;
    const inputPath = env.page?.inputPath ?? "(page)";
    const lang = env.page?.lang ?? opts.defaultLanguage;
    const say: Say = (key, values) => opts.text(lang, key, values);
    const reportPage = opts.reportPage(lang);

    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      for (const link of block.children) {
        const href = link.type === "link_open" ? link.attrGet("href") : null;
        if (typeof href !== "string" || !isExternal(href)) continue;
        link.attrSet("rel", "noopener noreferrer");
        const problem = insecureLinkProblem(href);
        if (!problem) continue;
        if (!opts.findings) throw new Error(`decorate: ${inputPath}: ${problem.message}; pass the \`findings\` option to collect this as a finding instead`);
        opts.findings.add(linkFinding(inputPath, opts.findings.relative(inputPath), block.map, href, problem));
      }
      block.children = decorateFingerprints(state, block.children, contacts, opts.keysUrl, say, fingerprintsIn);
    }

    const template = findReportTemplate(state.tokens);
    const subject = say("reportSubject", { name: site?.name ?? "" });
    const fields = template?.fields ?? [];
    if (template && contacts[0] !== undefined) {
      // RFC 9116 reads the order of contacts as the order of preference: the first one takes reports.
      const to = reportAddress(contacts[0]);
      state.tokens.splice(template.end + 1, 0, htmlBlock(state, reportHtml(reportHref(to, subject, fields), to, say, "reportNoteTemplate", reportPage), template.map));
    }
    if (env.page && opts.isPolicyPage(env.page) && contacts.length > 0) {
      const hrefs = state.tokens.flatMap((block) => (block.children ?? []).flatMap((t) => (t.type === "link_open" ? [t.attrGet("href") ?? ""] : [])));
      const glanceKey = (c: PolicyContact): GlanceKey => {
        const facts = keyFactsOf(c, c.fingerprint);
        // Where the policy itself sends readers to look the key up, the glance sends them too; else to the option's keyservers.
        const linked = linkedKeyservers(hrefs, c);
        return {
          grouped: formatFingerprint(c.fingerprint),
          hex: c.fingerprint.hex,
          ...(c.team !== undefined && c.name !== undefined ? { member: { name: c.name, email: c.email } } : {}),
          ...(c.key?.publicArmored === undefined ? {} : { keyLink: keyUrlPath(opts.keysUrl, c.email) }),
          ...(facts ? { facts } : {}),
          keyservers: linked.length > 0 ? linked : opts.keyservers,
        };
      };
      const glance = reportAddresses(contacts).map((address) => ({
        email: address,
        reportHref: reportHref(address, subject, fields),
        keys: contacts.filter((c) => reportAddress(c).toLowerCase() === address.toLowerCase()).map(glanceKey),
      }));
      state.tokens.unshift(htmlBlock(state, glanceHtml(glance, say, template ? "reportNoteTop" : undefined, reportPage), null));
    } else if (template && contacts[0] !== undefined) {
      const to = reportAddress(contacts[0]);
      state.tokens.unshift(htmlBlock(state, reportHtml(reportHref(to, subject, fields), to, say, "reportNoteTop", reportPage), template.map));
    }
  });
}
