/**
 * `_headers` (Netlify, Cloudflare Pages): the pages' own Content-Security-Policy and referrer
 * policy, read from their `<meta>` tags, the security headers, and the content types of
 * security.txt, the keys and the Web Key Directory.
 */
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { type Finding } from "../findings/finding.ts";
import headersCsp from "../rules/publish/headers-csp.ts";
import { SECURITY_TXT_PATH } from "../formats/security-txt.ts";
import { WKD_DIRECT_PATH } from "../formats/wkd.ts";

/** Where the report page's copy of openpgp.js is served from. */
export const OPENPGP_ASSETS_PATH = "/assets/openpgp/";

/** The security headers every response gets, besides the pages' own Content-Security-Policy and Referrer-Policy. */
const COMMON_HEADERS: Array<[string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
];

/** What the pages ask for in their `<meta>` tags, which `_headers` sends as real headers. */
export interface PagePolicies {
  contentSecurityPolicy?: string;
  referrerPolicy?: string;
}

/** The Content-Security-Policy and referrer policy `<meta>` tags of a page, white space folded. */
export function pagePolicies(html: string): PagePolicies {
  const found: PagePolicies = {};
  // The policies are <meta> elements of the head; the body, most of the page, need not be parsed again.
  const headEnd = html.search(/<\/head\s*>/i);
  for (const attribs of metaTags(headEnd < 0 ? html : html.slice(0, headEnd))) {
    if (attribs.content === undefined) continue;
    const content = attribs.content.replace(/\s+/g, " ").trim();
    if (attribs["http-equiv"]?.toLowerCase() === "content-security-policy") found.contentSecurityPolicy ??= content;
    if (attribs.name?.toLowerCase() === "referrer") found.referrerPolicy ??= content;
  }
  return found;
}

/**
 * The attributes of each `<meta>` tag, names in lower case, values with their character
 * references decoded, the first of a repeated name kept (as browsers keep it). Read with
 * htmlparser2's tokenizer, which knows comments, scripts and quoting: a meta tag needs no
 * tree, and the parser's tree-building made this a third of the time `_headers` took.
 */
export function metaTags(html: string): Array<Record<string, string>> {
  const tags: Array<Record<string, string>> = [];
  let attribs: Record<string, string> | undefined;
  let name = "";
  let value = "";
  const end = () => {
    if (attribs) tags.push(attribs);
    attribs = undefined;
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, endIndex) {
        attribs = html.slice(start, endIndex).toLowerCase() === "meta" ? {} : undefined;
      },
      onattribname(start, endIndex) {
        name = html.slice(start, endIndex).toLowerCase();
        value = "";
      },
      onattribdata(start, endIndex) {
        value += html.slice(start, endIndex);
      },
      onattribentity(codepoint) {
        value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribs && !Object.hasOwn(attribs, name)) attribs[name] = value;
      },
      onopentagend: end,
      onselfclosingtag: end,
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    } satisfies TokenizerCallbacks,
  );
  tokenizer.write(html);
  tokenizer.end();
  return tags;
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages). No header is set by two rules that match the
 * same path: both hosts would then send both values.
 */
export function formatHeaders(h: { contentSecurityPolicy: string; referrerPolicy: string; keysPath: string }): string {
  // A <meta> cannot carry frame-ancestors; the header can, and does unless the page's policy says otherwise.
  const csp = /(?:^|;)\s*frame-ancestors\s/i.test(h.contentSecurityPolicy) ? h.contentSecurityPolicy : `${h.contentSecurityPolicy.replace(/;\s*$/, "")}; frame-ancestors 'none'`;
  const block = (pattern: string, headers: Array<[string, string]>) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return `${[
    "# Written by the build: the pages' own Content-Security-Policy and referrer policy, and the content types of security.txt, the keys and the Web Key Directory.",
    block("/*", [["Content-Security-Policy", csp], ["Referrer-Policy", h.referrerPolicy], ...COMMON_HEADERS]),
    block(SECURITY_TXT_PATH, [["Content-Type", "text/plain; charset=utf-8"]]),
    block(`${h.keysPath}*`, [["Content-Type", "application/pgp-keys"]]),
    // openpgp.js's modules, for the report page: a module script must come as JavaScript, and not every server knows ".mjs".
    block(`${OPENPGP_ASSETS_PATH}*`, [["Content-Type", "text/javascript; charset=utf-8"]]),
    block(`${WKD_DIRECT_PATH}*`, [
      ["Content-Type", "application/octet-stream"],
      ["Access-Control-Allow-Origin", "*"],
    ]),
  ].join("\n\n")}\n`;
}

/**
 * `_headers` for a host that serves only a Web Key Directory (the folders of public-wkd/): the
 * security headers, a policy that lets nothing load, and the directory's type and CORS header.
 * Its `/*` rule lets `npm run nginx-config -- --headers` read it as it reads the site's.
 */
export function formatWkdHostHeaders(): string {
  const block = (pattern: string, headers: Array<[string, string]>) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return `${[
    "# Written by the build: the headers of a host that serves only a Web Key Directory.",
    block("/*", [["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"], ["Referrer-Policy", "no-referrer"], ...COMMON_HEADERS]),
    block(`${WKD_DIRECT_PATH}*`, [
      ["Content-Type", "application/octet-stream"],
      ["Access-Control-Allow-Origin", "*"],
    ]),
  ].join("\n\n")}\n`;
}

/** `_headers` from the built pages, whose Content-Security-Policy `<meta>` must all agree: one header serves them all. */
/** A page as Eleventy wrote it: what the publisher and the headers read. */
export interface BuiltPage {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

export function headersFor(pages: BuiltPage[], where: { keysPath: string; dataFile: string; relative: (file: string) => string }): { text?: string; findings: Finding[] } {
  const html = pages.filter((p) => typeof p.outputPath === "string" && p.outputPath.endsWith(".html"));
  const findings: Finding[] = [];
  let first: { page: BuiltPage; policies: PagePolicies } | undefined;
  for (const page of html) {
    const policies = pagePolicies(page.content);
    const file = where.relative(page.inputPath);
    const policy = policies.contentSecurityPolicy;
    if (policy === undefined) {
      findings.push(headersCsp.finding("noPolicy", {}, file, { line: 1, column: 1 }));
    } else if (first && first.policies.contentSecurityPolicy !== policy) {
      const firstPage = where.relative(first.page.inputPath);
      findings.push(headersCsp.finding("policyDiffers", { policy, firstPage, firstPolicy: first.policies.contentSecurityPolicy! }, file, { line: 1, column: 1 }));
    } else {
      first ??= { page, policies };
    }
  }
  if (html.length === 0) {
    findings.push(headersCsp.finding("noPages", {}, where.dataFile, { line: 1, column: 1 }));
  }
  if (findings.length > 0 || !first) return { findings };
  return {
    text: formatHeaders({
      contentSecurityPolicy: first.policies.contentSecurityPolicy!,
      referrerPolicy: first.policies.referrerPolicy ?? "no-referrer",
      keysPath: where.keysPath,
    }),
    findings,
  };
}
