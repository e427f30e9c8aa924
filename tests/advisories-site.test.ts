/**
 * Advisories published from one source: a site with three advisories in four ecosystems is
 * built, signed with a key GnuPG made, and everything made from the advisories is read back by
 * something other than the code that wrote it: OSV by OSV's JSON Schema, the front matter by
 * js-yaml, the feed by a feed parser, CSAF by the reference validator, the signatures by GnuPG.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import validateStrict from "@secvisogram/csaf-validator-lib/validateStrict.js";
import * as mandatoryTests from "@secvisogram/csaf-validator-lib/mandatoryTests.js";
import * as optionalTests from "@secvisogram/csaf-validator-lib/optionalTests.js";
import { csaf_2_0_strict } from "@secvisogram/csaf-validator-lib/schemaTests.js";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_KEY_VARIABLE } from "../src/publish/sign.ts";
import { ADVISORY_PAGES, ADVISORY_PRODUCTS, siteWithAdvisories } from "./support/advisory-site.ts";
import { buildDir, layOutFixture, ROOT, WORK, type FixtureBuild } from "./support/fixture-site.ts";
import { validateOsv } from "./support/osv-schema.ts";
import { validateProviderMetadata } from "./support/csaf-provider-schema.ts";

const ADVISORIES = path.join(ROOT, "tests/fixtures/advisories");
const IDS = ["GHSA-w8qv-6jwh-64r5", "CVE-2025-31337", "GHSA-2c4m-59x9-fr2g"];


let home = "";
let build: FixtureBuild;
const out = (file: string) => readFileSync(path.join(build.output, file), "utf8");


beforeAll(async () => {
  const { dir, secret, home: made } = siteWithAdvisories();
  home = made;
  process.env[SIGNING_KEY_VARIABLE] = secret;
  try {
    build = await buildDir(dir);
  } finally {
    delete process.env[SIGNING_KEY_VARIABLE];
  }
  expect(build.ok, build.lines.join("\n")).toBe(true);
}, 120_000);

afterAll(() => {
  if (home) spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
});

describe("the pages", () => {
  it("the list shows every advisory newest first, with its severity and versions; each has its page, where its folder's data file puts it", () => {
    const list = out("security/advisories/index.html");
    const order = IDS.map((id) => list.indexOf(`href="/security/advisories/${id}/"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(list).toContain("Critical 9.8");
    expect(list).toContain("Medium 5.3");
    expect(list).toContain("2.0.0 to before 2.4.3");
    expect(list).toContain("1.2 to 1.4.2");
    for (const id of IDS) expect(out(`security/advisories/${id}/index.html`)).toContain(`<code>${id}</code>`);
  });

  it("the policy shows the latest three and links to the list and the thanks page", () => {
    const policy = out("security/index.html");
    const latest = policy.slice(policy.indexOf('id="latest-advisories"'));
    for (const id of IDS) expect(latest).toContain(`/security/advisories/${id}/`);
    expect(latest).toContain('href="/security/advisories/"');
    expect(latest).toContain('href="/security/thanks/"');
  });

  it("the thanks page names each person once, with what they are credited for", () => {
    const thanks = out("security/thanks/index.html");
    expect(thanks.match(/class="thanks-name">Ana Researcher</g)).toHaveLength(1);
    expect(thanks).toContain("Chidi Okafor");
    expect(thanks).toContain("reported it");
    expect(out(".well-known/security.txt")).toContain("Acknowledgments: https://example.org/security/thanks/");
  });
});

describe("OSV", () => {
  it("each advisory's OSV file is valid against OSV's schema, and says what its front matter says, field by field", () => {
    for (const id of IDS) {
      const record = JSON.parse(out(`security/advisories/${id}.json`)) as Record<string, unknown>;
      expect(validateOsv(record), `${id}: ${JSON.stringify(validateOsv.errors)}`).toBe(true);
      const source = readFileSync(path.join(ADVISORIES, `${id}.md`), "utf8");
      const front = load(source.split(/^---$/m)[1]!, { schema: undefined }) as Record<string, unknown>;
      const text = (v: unknown) => (v instanceof Date ? v.toISOString().replace(".000Z", "Z") : String(v));
      expect(record.id).toBe(front.id);
      expect(record.summary).toBe(front.summary);
      expect(new Date(String(record.published)).getTime()).toBe(new Date(text(front.published)).getTime());
      expect(new Date(String(record.modified)).getTime()).toBe(new Date(text(front.modified)).getTime());
      expect(record.aliases ?? []).toEqual(front.aliases ?? []);
      expect((record.severity as Array<{ score: string }>)[0]!.score).toBe(front.severity);
      const affected = record.affected as Array<{ package: { ecosystem: string; name: string }; versions?: string[]; ranges?: Array<{ events: Array<Record<string, string>> }> }>;
      const declared = front.affected as Array<{ ecosystem: string; name: string; versions?: unknown[]; ranges?: Array<Record<string, unknown>> }>;
      expect(affected.map((a) => a.package)).toEqual(declared.map((d) => ({ ecosystem: d.ecosystem, name: d.name })));
      affected.forEach((a, i) => {
        expect(a.versions ?? []).toEqual((declared[i]!.versions ?? []).map(String));
        const events = (declared[i]!.ranges ?? []).map((r) => [{ introduced: String(r.introduced) }, ...(r.fixed ? [{ fixed: String(r.fixed) }] : []), ...(r.last_affected ? [{ last_affected: String(r.last_affected) }] : [])]);
        expect((a.ranges ?? []).map((r) => r.events)).toEqual(events);
      });
      const refs = record.references as Array<{ url: string }>;
      expect(refs[0]!.url).toBe(`https://example.org/security/advisories/${id}/`);
      for (const r of front.references as Array<{ url: string }>) expect(refs.map((x) => x.url)).toContain(r.url);
      expect((record.credits as Array<{ name: string }> | undefined)?.map((c) => c.name) ?? []).toEqual(((front.credits as Array<{ name: string }>) ?? []).map((c) => c.name));
      expect(record).not.toHaveProperty("database_specific");
    }
  });
});

describe("upgrading", () => {
  it("an advisory's page and the list say which supported releases of the product are fixed: the newest first, none affected or past its support", () => {
    const page = out("security/advisories/GHSA-2c4m-59x9-fr2g/index.html");
    expect(page.match(/<p class="advisory-upgrade">[^<]*<\/p>/g)).toEqual(['<p class="advisory-upgrade">Upgrade @example/options to 3.0.0 or 2.4.3.</p>']);
    const list = out("security/advisories/index.html");
    expect(list.match(/<strong class="advisory-upgrade">[^<]*<\/strong>/g)).toEqual(['<strong class="advisory-upgrade">Upgrade @example/options to 3.0.0 or 2.4.3.</strong>']);
    // The product is named and links to its repository; the vector breaks only between its metrics.
    expect(page).toContain('<a class="advisory-repository" href="https://github.com/example/options" rel="noopener noreferrer">Example Options</a>');
    const vector = /<code class="cvss-vector">(.*?)<\/code>/.exec(page)?.[1] ?? "";
    expect(vector.split("/<wbr>")).toHaveLength(9);
    expect(vector.split("/<wbr>").every((m) => /^<span class="cvss-metric">[A-Za-z0-9.]+:[A-Za-z0-9.]+<\/span>$/.test(m))).toBe(true);
    expect(vector.replace(/<[^>]+>/g, "")).toMatch(/^CVSS:3\.1\/AV:/);
    // A GIT entry's repository is shown as written, never made a link: the product's declared https repository is the link.
    const git = out("security/advisories/GHSA-w8qv-6jwh-64r5/index.html");
    expect(git).not.toMatch(/<a [^>]*href="(?!https:\/\/github\.com\/example\/server")[^"]*"[^>]*><code>/);
    expect(git).toContain('<a class="advisory-repository" href="https://github.com/example/server" rel="noopener noreferrer">Example Server</a>');
    // A product that declares no releases gets no advice: nothing says which of its versions are supported.
    expect(out("security/advisories/CVE-2025-31337/index.html")).not.toContain("advisory-upgrade");
  });
});

describe("OSV.dev's REST layout", () => {
  it("all.json lists every record beside it, each id with the modified time its record has, in the order of the ids, and nothing else", () => {
    const index = JSON.parse(out("security/advisories/all.json")) as Array<Record<string, unknown>>;
    expect(index.map((e) => e.id)).toEqual([...IDS].sort());
    for (const entry of index) {
      expect(Object.keys(entry)).toEqual(["id", "modified"]);
      // Each record at <base>/<id>.json, as OSV.dev fetches it, valid and with the same modified time.
      const record = JSON.parse(out(`security/advisories/${String(entry.id)}.json`)) as Record<string, unknown>;
      expect(validateOsv(record), JSON.stringify(validateOsv.errors)).toBe(true);
      expect(entry.modified).toBe(record.modified);
    }
  });
});

describe("the Atom feed", () => {
  it("a feed parser reads every advisory from it, newest first, with its link and dates; every page links to it", () => {
    const feed = parseFeed(out("security/advisories/feed.xml"));
    expect(feed.title).toBe("Example security advisories");
    expect(feed.items.map((item) => item.id)).toEqual(IDS.map((id) => `https://example.org/security/advisories/${id}/`));
    expect(feed.items[0]!.title).toBe("GHSA-w8qv-6jwh-64r5: Log injection in example-server");
    expect(feed.items[0]!.url).toBe("https://example.org/security/advisories/GHSA-w8qv-6jwh-64r5/");
    expect(feed.items[0]!.published?.toISOString()).toBe("2026-02-02T08:00:00.000Z");
    expect(feed.items[0]!.updated?.toISOString()).toBe("2026-02-09T16:45:00.000Z");
    expect(feed.updated?.toISOString()).toBe("2026-02-09T16:45:00.000Z");
    for (const page of ["security/index.html", "security/advisories/index.html", `security/advisories/${IDS[0]}/index.html`]) {
      expect(out(page)).toContain('<link rel="alternate" type="application/atom+xml" href="/security/advisories/feed.xml"');
    }
  });
});

describe("CSAF 2.0", () => {
  const documents = IDS.map((id) => {
    const year = { "GHSA-w8qv-6jwh-64r5": 2026, "CVE-2025-31337": 2025, "GHSA-2c4m-59x9-fr2g": 2025 }[id];
    return `.well-known/csaf/white/${year}/${id.toLowerCase()}.json`;
  });

  it("each document passes the reference validator's schema and mandatory tests", async () => {
    for (const file of documents) {
      const doc = JSON.parse(out(file)) as { document: { tracking: { id: string } } };
      const result = await validateStrict([csaf_2_0_strict, ...Object.values(mandatoryTests)], doc);
      const failures = result.tests.filter((t) => !t.isValid).map((t) => `${t.name}: ${JSON.stringify(t.errors)}`);
      expect(failures, file).toEqual([]);
      expect(result.isValid).toBe(true);
    }
  });

  it("each passes the reference validator's optional tests, but where a GIT range of commits has no vers, and a CVSS v4.0 severity no CSAF 2.0 score", async () => {
    const failed: Record<string, string[]> = {};
    for (const file of documents) {
      const doc = JSON.parse(out(file)) as { document: { tracking: { id: string } } };
      const result = await validateStrict(Object.values(optionalTests), doc);
      failed[doc.document.tracking.id] = result.tests.filter((t) => !t.isValid || t.warnings.length > 0).map((t) => `${t.name}: ${[...t.errors, ...(t.warnings as Array<{ message: string }>)].map((e) => e.message).join("; ")}`);
    }
    expect(failed).toEqual({
      "GHSA-w8qv-6jwh-64r5": ["optionalTest_6_2_18: product version range without vers"],
      "CVE-2025-31337": ["optionalTest_6_2_3: missing score"],
      "GHSA-2c4m-59x9-fr2g": [],
    });
  });

  it("each has its hashes; the index, the changes and the provider metadata list them; security.txt points to it", () => {
    for (const file of documents) {
      const bytes = readFileSync(path.join(build.output, file));
      const name = path.basename(file);
      expect(out(`${file}.sha256`)).toBe(`${createHash("sha256").update(bytes).digest("hex")}  ${name}\n`);
      expect(out(`${file}.sha512`)).toBe(`${createHash("sha512").update(bytes).digest("hex")}  ${name}\n`);
    }
    expect(out(".well-known/csaf/white/index.txt").trim().split("\n")).toEqual(documents.map((d) => d.replace(".well-known/csaf/white/", "")));
    expect(out(".well-known/csaf/white/changes.csv").trim().split("\n")[0]).toBe('"2026/ghsa-w8qv-6jwh-64r5.json","2026-02-09T16:45:00Z"');
    const metadata = JSON.parse(out(".well-known/csaf/provider-metadata.json")) as Record<string, unknown>;
    expect(metadata).toMatchObject({ canonical_url: "https://example.org/.well-known/csaf/provider-metadata.json", metadata_version: "2.0", distributions: [{ directory_url: "https://example.org/.well-known/csaf/white/" }] });
    expect(out(".well-known/security.txt")).toContain("CSAF: https://example.org/.well-known/csaf/provider-metadata.json");
  });

  it("is a trusted provider: the metadata passes OASIS's schema, and names the signing key, the ROLIE feed, service and categories", () => {
    const metadata = JSON.parse(out(".well-known/csaf/provider-metadata.json")) as Record<string, unknown>;
    expect(validateProviderMetadata(metadata), JSON.stringify(validateProviderMetadata.errors)).toBe(true);
    expect(metadata.role).toBe("csaf_trusted_provider");
    expect(metadata.distributions).toEqual([
      {
        directory_url: "https://example.org/.well-known/csaf/white/",
        rolie: {
          feeds: [{ summary: "All TLP:WHITE advisories of Example.", tlp_label: "WHITE", url: "https://example.org/.well-known/csaf/feed-tlp-white.json" }],
          services: ["https://example.org/.well-known/csaf/service.json"],
          categories: ["https://example.org/.well-known/csaf/category-white.json"],
        },
      },
    ]);
    expect(metadata.public_openpgp_keys).toEqual([{ fingerprint: expect.stringMatching(/^[0-9A-F]{40}$/), url: "https://example.org/security/keys/security@example.org.asc" }]);
    expect(JSON.parse(out(".well-known/csaf/service.json"))).toEqual({
      service: {
        workspace: [
          {
            title: "Example CSAF advisories",
            collection: [{ title: "Example CSAF advisories (TLP:WHITE)", href: "https://example.org/.well-known/csaf/feed-tlp-white.json", categories: { category: [{ scheme: "urn:ietf:params:rolie:category:information-type", term: "csaf" }] } }],
          },
        ],
      },
    });
    expect(JSON.parse(out(".well-known/csaf/category-white.json"))).toEqual({ categories: { category: ADVISORY_PRODUCTS.map((p) => ({ term: p.name })) } });
  });

  it("walked from the provider metadata through the ROLIE feed, every document, hash and signature is there and right, newest change first", () => {
    const site = "https://example.org/";
    const local = (url: string) => {
      expect(url.startsWith(site), url).toBe(true);
      return path.join(build.output, url.slice(site.length));
    };
    const metadata = JSON.parse(out(".well-known/csaf/provider-metadata.json")) as { distributions: Array<{ rolie: { feeds: Array<{ url: string }> } }> };
    const feedUrl = metadata.distributions[0]!.rolie.feeds[0]!.url;
    const feed = (JSON.parse(readFileSync(local(feedUrl), "utf8")) as { feed: { link: Array<{ rel: string; href: string }>; category: unknown; updated: string; entry: Array<{ id: string; link: Array<{ rel: string; href: string }>; content: { src: string; type: string }; format: unknown; published: string; updated: string }> } }).feed;
    expect(feed.link).toEqual([{ rel: "self", href: feedUrl }]);
    expect(feed.category).toEqual([{ scheme: "urn:ietf:params:rolie:category:information-type", term: "csaf" }]);
    expect(feed.updated).toBe("2026-02-09T16:45:00Z");
    expect(feed.entry.map((e) => e.id)).toEqual(["GHSA-w8qv-6jwh-64r5", "CVE-2025-31337", "GHSA-2c4m-59x9-fr2g"]);
    const keyring = mkdtempSync(path.join(WORK, "rolie-verify-"));
    expect(spawnSync("gpg", ["--homedir", keyring, "--batch", "--import", path.join(build.output, "security/keys/security@example.org.asc")], { encoding: "utf8" }).status).toBe(0);
    for (const entry of feed.entry) {
      const self = entry.link.find((l) => l.rel === "self")!.href;
      expect(entry.content).toEqual({ type: "application/json", src: self });
      expect(entry.format).toEqual({ schema: "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", version: "2.0" });
      const bytes = readFileSync(local(self));
      const doc = JSON.parse(bytes.toString("utf8")) as { document: { tracking: { id: string; current_release_date: string } } };
      expect(doc.document.tracking.id).toBe(entry.id);
      expect(Date.parse(entry.updated)).toBe(Date.parse(doc.document.tracking.current_release_date));
      const hashes = entry.link.filter((l) => l.rel === "hash").map((l) => l.href);
      expect(hashes).toEqual([`${self}.sha256`, `${self}.sha512`]);
      for (const hash of hashes) {
        const algorithm = hash.endsWith(".sha256") ? "sha256" : "sha512";
        expect(readFileSync(local(hash), "utf8").split(/\s+/)[0]).toBe(createHash(algorithm).update(bytes).digest("hex"));
      }
      const signature = entry.link.filter((l) => l.rel === "signature").map((l) => l.href);
      expect(signature).toEqual([`${self}.asc`]);
      const verified = spawnSync("gpg", ["--homedir", keyring, "--batch", "--status-fd", "1", "--verify", local(signature[0]!), local(self)], { encoding: "utf8" });
      expect(verified.stdout, verified.stderr).toMatch(/^\[GNUPG:\] GOODSIG /m);
    }
    spawnSync("gpgconf", ["--homedir", keyring, "--kill", "gpg-agent"]);
  });

  it("each document's detached signature verifies with GnuPG against the published key", () => {
    const keyring = mkdtempSync(path.join(WORK, "csaf-verify-"));
    const imported = spawnSync("gpg", ["--homedir", keyring, "--batch", "--import", path.join(build.output, "security/keys/security@example.org.asc")], { encoding: "utf8" });
    expect(imported.status, imported.stderr).toBe(0);
    for (const file of documents) {
      const verified = spawnSync("gpg", ["--homedir", keyring, "--batch", "--status-fd", "1", "--verify", path.join(build.output, `${file}.asc`), path.join(build.output, file)], { encoding: "utf8" });
      expect(verified.stdout, `${file}: ${verified.stderr}`).toMatch(/^\[GNUPG:\] GOODSIG /m);
    }
    spawnSync("gpgconf", ["--homedir", keyring, "--kill", "gpg-agent"]);
  });
});

describe("CSAF without a signing key", () => {
  it("publishes as a csaf_provider, lists no signatures, and says what would make it a trusted provider", async () => {
    const { dir, home } = siteWithAdvisories();
    try {
      const unsigned = await buildDir(dir);
      expect(unsigned.ok, unsigned.lines.join("\n")).toBe(true);
      const read = (file: string) => readFileSync(path.join(unsigned.output, file), "utf8");
      expect((JSON.parse(read(".well-known/csaf/provider-metadata.json")) as { role: string }).role).toBe("csaf_provider");
      expect(read(".well-known/csaf/feed-tlp-white.json")).not.toContain('"signature"');
      expect(unsigned.lines).toContain(
        "notice: the CSAF documents are not signed, so /.well-known/csaf/provider-metadata.json names the role csaf_provider: set SECURITY_TXT_SIGNING_KEY to a contact's private key to sign them and publish as a csaf_trusted_provider (CSAF 2.0 section 7.2.3, requirements 18 to 20)",
      );
    } finally {
      spawnSync("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
    }
  });
});

describe("a site with no advisories", () => {
  it("says so on the policy and the list, builds no thanks page, and security.txt names none", async () => {
    const dir = layOutFixture("_base");
    for (const file of ADVISORY_PAGES) cpSync(path.join(ROOT, "tests/fixtures/site-pages/en/security", file), path.join(dir, "content/security", file));
    const empty = await buildDir(dir);
    expect(empty.ok, empty.lines.join("\n")).toBe(true);
    const read = (file: string) => readFileSync(path.join(empty.output, file), "utf8");
    expect(read("security/index.html")).toContain("No advisories have been published.");
    expect(read("security/advisories/index.html")).toContain("No advisories have been published.");
    expect(existsSync(path.join(empty.output, "security/thanks/index.html"))).toBe(false);
    expect(read(".well-known/security.txt")).not.toMatch(/Acknowledgments|CSAF/);
    expect(parseFeed(read("security/advisories/feed.xml")).items).toEqual([]);
  });
});
