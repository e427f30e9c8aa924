/**
 * A link whose text names a host must go to that host. Text reading "pgp.mit.edu" over
 * a link to pgp.surfnet.nl sends a reader who trusts the text somewhere else; on a
 * security policy that is the difference between two keyservers, or worse.
 *
 * Only hosts are compared: "keys.openpgp.org" may link to any page on keys.openpgp.org.
 */
import { domainToUnicode } from "node:url";
import { type Problem } from "../findings/finding.ts";
import linkTextHost from "./page/link-text-host.ts";

/**
 * Last labels that make a bare name read as a file rather than a host: "SECURITY.md",
 * "security.txt", "key.asc", "release.tar.gz", "main.rs", and library names like
 * "Node.js". Kept to what a security policy or a project's README links to. Some are
 * also real top-level domains (md, rs, sh, py, zip); a host in one of them is still
 * checked when the text has a scheme ("https://docs.rs"), starts with "www." or goes
 * on with a path ("docs.rs/serde"), none of which a file name does.
 */
const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  // documents
  "md", "txt", "html", "htm", "pdf",
  // keys and signatures
  "asc", "gpg", "sig", "pem",
  // release archives
  "gz", "tgz", "xz", "zip",
  // data and configuration
  "json", "yml", "yaml", "toml", "xml",
  // source files
  "js", "mjs", "ts", "py", "rs", "rb", "sh", "go", "java", "php", "css",
]);

/** Where an href leads, as far as hosts go. */
type Target =
  | { kind: "host"; host: string }
  /** Relative, a fragment, mailto:, tel: and the like: a link, but to no host. */
  | { kind: "no-host" }
  /** Looks absolute but the URL parser refuses it. */
  | { kind: "unparseable" };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SCHEME_WITH_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Schemes the URL standard knows to have a host, so it parses (and punycodes) it. */
const SPECIAL_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:", "ftp:", "ws:", "wss:"]);

/** Lower case, punycode, without the trailing dot of a fully qualified name. */
function canonicalHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/**
 * The URL, or undefined where the parser refuses it. Not `URL.canParse`: on Node 20 and 22,
 * once V8 has optimised a call site, its fast path reads a Latin-1 string such as
 * "https://bücher.example/" as UTF-8 and refuses it, so a long build would start reporting
 * sound links to international hosts as broken. `new URL` has no such path.
 */
function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The host of a URL the parser accepts, read as if its scheme were http. */
function hostOfHttpUrl(href: string): Target {
  const url = parseUrl(href);
  if (!url) return { kind: "unparseable" };
  const { hostname } = url;
  return hostname === "" ? { kind: "no-host" } : { kind: "host", host: canonicalHost(hostname) };
}

function targetOf(href: string): Target {
  const trimmed = href.trim();
  // Protocol-relative: the page's own scheme, someone else's host.
  if (trimmed.startsWith("//")) return hostOfHttpUrl(`https:${trimmed}`);
  if (!SCHEME.test(trimmed)) return { kind: "no-host" };
  const url = parseUrl(trimmed);
  if (!url) return { kind: "unparseable" };
  if (SPECIAL_SCHEMES.has(url.protocol)) {
    return url.hostname === "" ? { kind: "no-host" } : { kind: "host", host: canonicalHost(url.hostname) };
  }
  // Other schemes with an authority (hkps://keys.openpgp.org) get an opaque host that
  // is neither lower-cased nor punycoded; read the authority the way http would.
  if (SCHEME_WITH_AUTHORITY.test(trimmed)) {
    return hostOfHttpUrl(`http://${trimmed.slice(trimmed.indexOf("//") + 2)}`);
  }
  return { kind: "no-host" };
}

/**
 * The host an absolute URL goes to: lower case, punycode, no trailing dot. Undefined for
 * a relative link, a fragment, mailto:, tel:, and an href the URL parser refuses. The
 * last is not accepted quietly: `linkTextProblems` tells it apart and reports it when
 * the link text names a host. Never throws.
 */
export function hostOfHref(href: string): string | undefined {
  const target = targetOf(href);
  return target.kind === "host" ? target.host : undefined;
}

/** A DNS label as people write them, Unicode allowed: no leading or trailing hyphen. */
const LABEL = /^[\p{L}\p{M}\p{Nd}](?:[\p{L}\p{M}\p{Nd}-]*[\p{L}\p{M}\p{Nd}])?$/u;
/** A top-level domain: two or more letters, or its punycode form (xn--p1ai for рф). */
const TOP_LEVEL_LABEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

/**
 * The host that link text names, lower case and punycode, or undefined if the text is
 * not a host name or URL. The text names a host when, trimmed, it is
 * - a URL with a scheme and an authority: "https://keys.openpgp.org/search", "hkps://…";
 * - or a bare host with an optional port and path: "keys.openpgp.org",
 *   "www.example.org/security", with two or more labels and a last label of two or more
 *   letters (so "v1.2.3", "e.g." and "localhost" are not hosts), and not a file name
 *   (see FILE_EXTENSIONS).
 * Email addresses and mailto: are another rule's business, and text with spaces is prose.
 * A name the URL parser refuses as a host is not taken to name one. Never throws.
 */
export function hostOfLinkText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || /\s/u.test(trimmed)) return undefined;
  if (SCHEME_WITH_AUTHORITY.test(trimmed)) return hostOfHref(trimmed);

  const authorityEnd = trimmed.search(/[/?#]/);
  const authority = authorityEnd === -1 ? trimmed : trimmed.slice(0, authorityEnd);
  const rest = authorityEnd === -1 ? "" : trimmed.slice(authorityEnd);
  const hostPart = authority.replace(/:\d{1,5}$/, "");
  // Anything else with a colon is a scheme without an authority (mailto:, urn:) or not a host.
  if (hostPart.includes(":")) return undefined;
  const name = hostPart.endsWith(".") ? hostPart.slice(0, -1) : hostPart;
  // "@" is no label character, so an email address goes no further.
  const labels = name.split(".");
  const last = labels.at(-1)?.toLowerCase() ?? "";
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (!TOP_LEVEL_LABEL.test(last)) return undefined;
  const startsWithWww = labels[0]?.toLowerCase() === "www";
  if (FILE_EXTENSIONS.has(last) && !startsWithWww && !rest.startsWith("/")) return undefined;
  const target = hostOfHttpUrl(`http://${name}`);
  return target.kind === "host" ? target.host : undefined;
}

/** "www.example.org" and "example.org" are one site to a reader. */
function withoutWww(host: string): string {
  return host.startsWith("www.") ? host.slice(4) : host;
}

/** The host as a reader would type it: "bücher.example", not "xn--bcher-kva.example". */
function readable(host: string): string {
  return domainToUnicode(host) || host;
}

/**
 * Why an href with no host goes nowhere the text says: it is empty, a fragment of this page,
 * an address of a scheme without a host (mailto:, tel:), or relative to this site.
 */
function noHostProblem(named: string, href: string): Problem {
  const trimmed = href.trim();
  if (trimmed === "") return linkTextHost.problem("emptyAddress", { named });
  if (trimmed.startsWith("#")) return linkTextHost.problem("fragment", { named, href });
  const scheme = SCHEME.exec(trimmed)?.[0].toLowerCase();
  if (scheme !== undefined) return linkTextHost.problem("schemeWithoutHost", { named, href, scheme });
  return linkTextHost.problem("relative", { named, href });
}

/**
 * An error if `text` names a host and `href` does not go to it: a different host (with
 * case, a trailing dot and a leading "www." ignored), no host at all, or an href that
 * cannot be parsed. Text that names no host gives no problem. Never throws.
 */
export function linkTextProblems(text: string, href: string): Problem[] {
  const host = hostOfLinkText(text);
  if (host === undefined) return [];
  const target = targetOf(href);
  const named = readable(host);
  switch (target.kind) {
    case "host":
      if (withoutWww(host) === withoutWww(target.host)) return [];
      return [linkTextHost.problem("otherHost", { named, host: readable(target.host) })];
    case "no-host":
      return [noHostProblem(named, href)];
    case "unparseable":
      return [linkTextHost.problem("unparseable", { named, href })];
  }
}
