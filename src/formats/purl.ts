/**
 * Package URLs (purl): `pkg:<type>/<namespace>/<name>@<version>?<qualifiers>#<subpath>`, read as
 * the purl specification says (package-url/purl-spec, ECMA-427: docs/how-to-parse.md, the rules
 * for each component, and the type definitions in types/<type>-definition.json), and the OSV
 * packages a purl names. Pure: text in, the package URL or a neutral problem out (worded by the
 * rule data-invalid where the site data declares a product).
 */
import type { FormatProblem } from "./problem.ts";

/** A package URL, its parts percent-decoded; `type` in lower case. */
export interface PackageUrl {
  type: string;
  /** Its segments joined by "/"; absent where the purl has none. */
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Readonly<Record<string, string>>;
  subpath?: string;
}

/**
 * What can be wrong with a written purl; each comes with `purl`, the text as written. `noScheme`
 * names the `scheme` found ("" for none); `characterNotEncoded` the `character`; `typeInvalid`
 * the `type`; `percentInvalid` the `part` that does not decode; `qualifierInvalid` and
 * `qualifierTwice` the `key`; `slashInSegment` the `segment`; `namespaceRequired` and
 * `namespaceProhibited` the `type`.
 */
export type PurlProblemCode =
  | "noScheme"
  | "characterNotEncoded"
  | "noType"
  | "typeInvalid"
  | "noName"
  | "percentInvalid"
  | "qualifierInvalid"
  | "qualifierTwice"
  | "slashInSegment"
  | "namespaceRequired"
  | "namespaceProhibited";

export type PurlProblem = FormatProblem<PurlProblemCode>;

/**
 * What the registered types this project maps to OSV say of their namespace, and which of them
 * compare their namespace and name without regard to case, so that the spec has them lowercased
 * (types/<type>-definition.json of package-url/purl-spec).
 */
const TYPES: Readonly<Record<string, { namespace: "required" | "optional" | "prohibited"; lowercase?: boolean }>> = {
  bitbucket: { namespace: "required", lowercase: true },
  cargo: { namespace: "prohibited" },
  composer: { namespace: "required", lowercase: true },
  gem: { namespace: "prohibited" },
  github: { namespace: "required", lowercase: true },
  golang: { namespace: "required" },
  hackage: { namespace: "prohibited" },
  hex: { namespace: "optional", lowercase: true },
  maven: { namespace: "required" },
  npm: { namespace: "optional" },
  nuget: { namespace: "prohibited" },
  pub: { namespace: "prohibited", lowercase: true },
  pypi: { namespace: "prohibited", lowercase: true },
};

/**
 * Characters a purl cannot hold unencoded: those outside URI characters (RFC 3986 section 2),
 * spaces, controls and every non-ASCII character. The spec's canonical form permits fewer; a
 * purl written otherwise still reads the same.
 */
const NOT_ENCODED = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

/**
 * Reads a purl. Parsing works from right to left, as docs/how-to-parse.md describes it: the
 * subpath after "#", the qualifiers after "?", the scheme before ":", the type, the version after
 * the last "@" (of the last segment: an npm scope's "@" left unencoded is read as the
 * package-url/purl-spec tests read it), the name after the last "/", the namespace before it.
 */
export function parsePurl(text: string): { purl?: PackageUrl; problem?: PurlProblem } {
  const purl = text;
  const fail = (code: PurlProblemCode, values: Record<string, string> = {}) => ({ problem: { code, values: { purl, ...values } } });
  const bad = NOT_ENCODED.exec(text);
  if (bad) return fail("characterNotEncoded", { character: bad[0] });

  const decode = (part: string): string | undefined => {
    try {
      return decodeURIComponent(part);
    } catch (error) {
      if (error instanceof URIError) return undefined;
      throw error;
    }
  };

  let rest = text;
  let subpath: string | undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const segments: string[] = [];
    for (const raw of rest.slice(hash + 1).split("/")) {
      const segment = decode(raw);
      if (segment === undefined) return fail("percentInvalid", { part: raw });
      if (segment === "" || segment === "." || segment === "..") continue;
      if (segment.includes("/")) return fail("slashInSegment", { segment: raw });
      segments.push(segment);
    }
    if (segments.length > 0) subpath = segments.join("/");
    rest = rest.slice(0, hash);
  }

  const qualifiers: Record<string, string> = {};
  const question = rest.indexOf("?");
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split("&")) {
      if (pair === "") continue;
      const equals = pair.indexOf("=");
      const key = (equals < 0 ? pair : pair.slice(0, equals)).toLowerCase();
      if (equals < 0 || !/^[a-z][a-z0-9._-]*$/.test(key)) return fail("qualifierInvalid", { key });
      const value = decode(pair.slice(equals + 1));
      if (value === undefined) return fail("percentInvalid", { part: pair.slice(equals + 1) });
      // A key with an empty value is as if it were not there.
      if (value === "") continue;
      if (Object.hasOwn(qualifiers, key)) return fail("qualifierTwice", { key });
      qualifiers[key] = value;
    }
    rest = rest.slice(0, question);
  }

  const colon = rest.indexOf(":");
  const scheme = colon < 0 ? "" : rest.slice(0, colon);
  if (scheme.toLowerCase() !== "pkg") return fail("noScheme", { scheme });
  // "pkg://npm/…" is read as "pkg:npm/…".
  rest = rest.slice(colon + 1).replace(/^\/+/, "");

  const slash = rest.indexOf("/");
  const type = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  if (type === "") return fail("noType");
  if (!/^[a-z][a-z0-9.-]*$/.test(type)) return fail("typeInvalid", { type });
  rest = slash < 0 ? "" : rest.slice(slash + 1);

  let version: string | undefined;
  // The version's "@" is after the last "/": "pkg:npm/@babel/core" has the scope @babel and no version.
  const at = rest.lastIndexOf("@");
  if (at > rest.lastIndexOf("/")) {
    const decoded = decode(rest.slice(at + 1));
    if (decoded === undefined) return fail("percentInvalid", { part: rest.slice(at + 1) });
    if (decoded !== "") version = decoded;
    rest = rest.slice(0, at);
  }

  rest = rest.replace(/\/+$/, "");
  const last = rest.lastIndexOf("/");
  const rawName = rest.slice(last + 1);
  const decodedName = decode(rawName);
  if (decodedName === undefined) return fail("percentInvalid", { part: rawName });
  if (decodedName === "") return fail("noName");

  const segments: string[] = [];
  for (const raw of last < 0 ? [] : rest.slice(0, last).split("/")) {
    if (raw === "") continue;
    const segment = decode(raw);
    if (segment === undefined) return fail("percentInvalid", { part: raw });
    if (segment.includes("/")) return fail("slashInSegment", { segment: raw });
    segments.push(segment);
  }

  const known = TYPES[type];
  if (known?.namespace === "required" && segments.length === 0) return fail("namespaceRequired", { type });
  if (known?.namespace === "prohibited" && segments.length > 0) return fail("namespaceProhibited", { type });
  const fold = (s: string) => (known?.lowercase ? s.toLowerCase() : s);
  // PyPI treats "-" and "_" alike; the spec writes "-" (types/pypi-definition.json).
  const name = type === "pypi" ? fold(decodedName).replaceAll("_", "-") : fold(decodedName);
  return {
    purl: {
      type,
      ...(segments.length > 0 ? { namespace: segments.map(fold).join("/") } : {}),
      name,
      ...(version !== undefined ? { version } : {}),
      qualifiers,
      ...(subpath !== undefined ? { subpath } : {}),
    },
  };
}

/** The purl as written without its version: "pkg:npm/left-pad@1.3.0?x=y" is "pkg:npm/left-pad?x=y". */
export function withoutVersion(text: string): string {
  const end = text.search(/[?#]/);
  const head = end < 0 ? text : text.slice(0, end);
  const tail = end < 0 ? "" : text.slice(end);
  const at = head.lastIndexOf("@");
  return at <= head.lastIndexOf("/") ? text : head.slice(0, at) + tail;
}

/** A package as OSV names it: `affected[].package` (ecosystem and name). */
export interface OsvPackage {
  ecosystem: string;
  name: string;
}

/**
 * The OSV packages a purl names, from the purl types' definitions (package-url/purl-spec,
 * types/) and OSV's ecosystems, each with what its `name` holds (ossf/osv-schema,
 * ecosystems.json); osv.dev converts between the two the same way (google/osv.dev,
 * osv/purl_helpers.py). A GitHub repository is both a GitHub Action (`owner/repo`) and, in
 * OSV's GIT ecosystem, the repository's URL; a Bitbucket one is a repository. A Hex package with
 * a namespace is an organization's private package, which OSV's Hex (hex.pm) does not hold.
 * Other types name no OSV package: such a product is matched by its repository alone.
 */
export function osvPackagesOf(purl: PackageUrl): OsvPackage[] {
  const { type, namespace, name } = purl;
  const joined = (separator: string) => (namespace === undefined ? name : `${namespace}${separator}${name}`);
  switch (type) {
    case "npm":
      return [{ ecosystem: "npm", name: joined("/") }];
    case "pypi":
      return [{ ecosystem: "PyPI", name }];
    case "maven":
      return [{ ecosystem: "Maven", name: joined(":") }];
    case "golang":
      return [{ ecosystem: "Go", name: joined("/") }];
    case "cargo":
      return [{ ecosystem: "crates.io", name }];
    case "gem":
      return [{ ecosystem: "RubyGems", name }];
    case "nuget":
      return [{ ecosystem: "NuGet", name }];
    case "composer":
      return [{ ecosystem: "Packagist", name: joined("/") }];
    case "hex":
      return namespace === undefined ? [{ ecosystem: "Hex", name }] : [];
    case "pub":
      return [{ ecosystem: "Pub", name }];
    case "hackage":
      return [{ ecosystem: "Hackage", name }];
    case "github":
      return [
        { ecosystem: "GitHub Actions", name: joined("/") },
        { ecosystem: "GIT", name: `https://github.com/${joined("/")}` },
      ];
    case "bitbucket":
      return [{ ecosystem: "GIT", name: `https://bitbucket.org/${joined("/")}` }];
    default:
      return [];
  }
}
