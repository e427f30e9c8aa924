import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import {
  decorateMarkdown,
  externalLinkProblem,
  fingerprintHtml,
  findReportTemplate,
  isExternal,
  normalizeOptions,
  reportMailto,
  type DecorateOptions,
} from "../src/markdown/decorate.ts";
import { formatFingerprint } from "../src/formats/fingerprint.ts";
import { keyUrlPath } from "../src/formats/site-paths.ts";
import { scanHtml } from "../src/formats/html-scan.ts";
import { parseMailto } from "../src/formats/mailto.ts";
import { checkPage } from "../src/rules/page.ts";
import type { PolicyContact, PolicyGlobal } from "../src/data/load.ts";
import { FindingCollector } from "../src/findings/collector.ts";
import { formatFinding } from "../src/findings/report.ts";
import { buildFixture } from "./support/fixture-site.ts";
import { say, siteText } from "./support/strings.ts";
import { applySuppressions } from "../src/rules/suppressions.ts";

const HEX = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
const GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
const V6 = "F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F";

function contact(email: string, hex: string, withKey = false): PolicyContact {
  const fingerprint = { version: hex.length === 64 ? 6 : 4, hex } as const;
  return {
    email,
    fingerprint,
    grouped: formatFingerprint(fingerprint),
    ...(withKey ? { key: { fingerprint, userIds: [email], problems: [], publicArmored: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n…" } } : {}),
  };
}

const SITE = { url: "https://example.org", name: "Example", language: "en", reviewed: "2026-11-20" };

function policy(...contacts: PolicyContact[]): PolicyGlobal {
  return { site: { ...SITE, contacts }, contacts };
}

function render(
  markdown: string,
  data: PolicyGlobal = policy(contact("security@example.org", HEX)),
  options: Partial<DecorateOptions> = {},
  inputPath = "./content/security.md",
  page: { url?: string; lang?: string } = { url: "/other/" },
): string {
  const md = markdownIt({ html: true }).use(decorateMarkdown, { text: siteText, ...options });
  return md.render(markdown, { policy: data, page: { inputPath, ...page } });
}

const TEMPLATE = `## Reporting

Send it to [security@example.org](mailto:security@example.org).

- **Affected version(s):** which versions
- **Overview:** what it is
- **Impact:** what an attacker gains

We answer within a day.
`;

function reportHrefs(html: string): string[] {
  return scanHtml(html)
    .links.filter((l) => l.text === "Report a vulnerability")
    .map((l) => l.href);
}

describe("the fingerprint", () => {
  it("a declared fingerprint becomes code in groups of four, a hidden Copy button and a live status", () => {
    expect(render(`security@example.org: ${GROUPED}`)).toBe(
      `<p>security@example.org: <span class="fingerprint"><code class="fingerprint-digits">${GROUPED}</code>` +
        ` <span class="fingerprint-actions"><button class="copy-button" type="button" data-copied="Copied" data-refused="${say("copyRefused")}" hidden>Copy<span class="visually-hidden"> fingerprint</span></button>` +
        ` <span class="copy-status" role="status"></span></span></span></p>\n`,
    );
  });

  it("gpg's double space, an unbroken or a lower-case fingerprint shows in groups of four", () => {
    for (const written of ["7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91", HEX, HEX.toLowerCase()]) {
      expect(render(`Key: ${written} (ours)`)).toContain(`<code class="fingerprint-digits">${GROUPED}</code> <span class="fingerprint-actions"><button`);
    }
  });

  it("a v6 fingerprint shows its 64 digits in sixteen groups", () => {
    const html = render(`Key: ${V6}`, policy(contact("v6@example.org", V6)));
    expect(html).toContain(`<code class="fingerprint-digits">${formatFingerprint({ version: 6, hex: V6 })}</code>`);
  });

  it("the Download public key link appears only when the contact's key was read", () => {
    const withKey = render(`Key: ${GROUPED}`, policy(contact("security@example.org", HEX, true)));
    expect(withKey).toContain(` <a class="key-link" href="/security/keys/security@example.org.asc" download>Download public key</a> <span class="copy-status"`);
    expect(render(`Key: ${GROUPED}`)).not.toContain("key-link");
  });

  it("the key link follows the keysUrl option and encodes what a path may not hold", () => {
    const html = render(`Key: ${GROUPED}`, policy(contact("security@example.org", HEX, true)), { keysUrl: "/keys/" });
    expect(html).toContain('href="/keys/security@example.org.asc"');
    expect(keyUrlPath("/k/", "a b#c@example.org")).toBe("/k/a%20b%23c@example.org.asc");
  });

  it("a fingerprint written as inline code is decorated like one written as text", () => {
    expect(render(`Key: \`${GROUPED}\``)).toContain(`Key: <span class="fingerprint"><code class="fingerprint-digits">${GROUPED}</code>`);
  });

  it.each([
    ["off by one digit", "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92"],
    ["a digit short", "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9"],
    ["not hex", "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3EG1"],
  ])("a fingerprint %s stays text, for the checks to report", (_, written) => {
    const html = render(`security@example.org: ${written}`);
    expect(html).toBe(`<p>security@example.org: ${written}</p>\n`);
  });

  it("a fingerprint inside link text is left alone", () => {
    expect(render(`[${GROUPED}](https://keys.openpgp.org/search?q=${HEX})`)).not.toContain("<code");
  });

  it("each declared contact's fingerprint is decorated with its own key link", () => {
    const html = render(
      `a@example.org: ${GROUPED}\n\nv6@example.org: ${V6}`,
      policy(contact("a@example.org", HEX), contact("v6@example.org", V6, true)),
    );
    expect(html.match(/class="fingerprint"/g)).toHaveLength(2);
    expect(html.match(/class="key-link"/g)).toHaveLength(1);
    expect(html).toContain('href="/security/keys/v6@example.org.asc"');
  });

  it("the checks still find the fingerprint inside <code> and compare it with the declared one", () => {
    const html = render(`security@example.org: ${GROUPED}`);
    const page = scanHtml(html);
    expect(page.texts.map((t) => t.text)).toContain(GROUPED);
    expect(checkPage(page, [contact("security@example.org", HEX)])).toEqual([]);
    // Had the data declared another key, the decorated fingerprint is still caught.
    const other = contact("security@example.org", `${HEX.slice(0, 39)}2`);
    expect(checkPage(page, [other]).map((p) => p.rule)).toEqual(["fingerprint-mismatch"]);
  });

  it("fingerprintHtml escapes what it is given", () => {
    expect(fingerprintHtml("<b>", say, '/k/"x".asc')).toContain('<code class="fingerprint-digits">&lt;b&gt;</code>');
    expect(fingerprintHtml("<b>", say, '/k/"x".asc')).toContain('href="/k/&quot;x&quot;.asc"');
  });
});

describe("the report link", () => {
  it("is built from the template list: subject, and each field on its line", () => {
    const hrefs = reportHrefs(render(TEMPLATE));
    expect(hrefs).toHaveLength(2);
    const { mailto, problems } = parseMailto(hrefs[0] ?? "");
    expect(problems).toEqual([]);
    expect(mailto?.to).toEqual(["security@example.org"]);
    expect(mailto?.subject).toBe("Vulnerability report for Example");
    expect(mailto?.body).toBe("Affected version(s):\n\nOverview:\n\nImpact:\n");
    expect(hrefs[1]).toBe(hrefs[0]);
  });

  it("editing the list changes the mail: one source", () => {
    const edited = TEMPLATE.replace("- **Impact:** what an attacker gains", "- **Impact:** what an attacker gains\n- **Credit:** how to name you");
    const { mailto } = parseMailto(reportHrefs(render(edited))[0] ?? "");
    expect(mailto?.body).toBe("Affected version(s):\n\nOverview:\n\nImpact:\n\nCredit:\n");
  });

  it("is encoded per RFC 6068: %20 for spaces, %0D%0A for line breaks, & escaped in the HTML", () => {
    const html = render(TEMPLATE);
    expect(html).toContain(
      'href="mailto:security@example.org?subject=Vulnerability%20report%20for%20Example&amp;body=Affected%20version(s):%0D%0A%0D%0AOverview:%0D%0A%0D%0AImpact:%0D%0A"',
    );
    expect(reportMailto("security@example.org", "a b", ["X:"])).toBe("mailto:security@example.org?subject=a%20b&body=X:%0D%0A");
  });

  it("sits before the first block and right after the template list", () => {
    const html = render(TEMPLATE);
    expect(html.startsWith('<p class="report"><a class="report-link"')).toBe(true);
    expect(html).toContain('</ul>\n<p class="report"><a class="report-link"');
    expect(html).toContain('data-address="security@example.org">Report a vulnerability</a>');
  });

  it("goes to the first contact, the preferred one", () => {
    const html = render(TEMPLATE, policy(contact("security@example.org", HEX), contact("v6@example.org", V6)));
    expect(parseMailto(reportHrefs(html)[0] ?? "").mailto?.to).toEqual(["security@example.org"]);
  });

  it("passes the site's mailto checks", () => {
    const page = scanHtml(render(TEMPLATE));
    expect(checkPage(page, [contact("security@example.org", HEX)])).toEqual([]);
  });

  it("a page without a template list gets no report link", () => {
    expect(render("## Handling\n\n1. We fix it.\n2. We release it.\n\n- plain\n- list\n")).not.toContain("report-link");
  });

  it("a list where one item has no bold label is not the template", () => {
    expect(render("- **Overview:** what\n- Impact: what it does\n")).not.toContain("report-link");
  });

  it("findReportTemplate reads labels, nested lists aside", () => {
    const md = markdownIt();
    const tokens = md.parse("- **A:** x\n  - **not a field:** y\n- **B:** z\n", {});
    expect(findReportTemplate(tokens)?.fields).toEqual(["A:", "B:"]);
  });

  it("findReportTemplate reads each item's hint as plain text: the rest of the item, its later paragraphs too, without a leading dash or a nested list", () => {
    const md = markdownIt();
    const markdown =
      "- **Vulnerable artifact(s) and version(s):** list of the *artifacts* and `versions`\n  that are vulnerable\n" +
      "- **Overview:** — high-level overview\n\n  and [self-assessed](https://example.org/cvss) severity\n" +
      "- **Description:** the steps\n  - **not a field:** nor a hint\n" +
      "- **Solution:**\n";
    const template = findReportTemplate(md.parse(markdown, {}));
    expect(template?.fields).toEqual(["Vulnerable artifact(s) and version(s):", "Overview:", "Description:", "Solution:"]);
    expect(template?.hints).toEqual(["list of the artifacts and versions that are vulnerable", "high-level overview and self-assessed severity", "the steps", ""]);
  });
});

describe("at a glance", () => {
  const onPolicy = (markdown: string, data?: PolicyGlobal, lang = "en") => render(markdown, data, {}, "./content/security.md", { url: "/security/", lang });

  it("the policy page opens with each contact: the address as the report link, the fingerprint with Copy, and a labelled keyserver lookup", () => {
    const html = onPolicy(TEMPLATE, policy(contact("security@example.org", HEX, true), contact("v6@example.org", V6)));
    expect(html.startsWith('<section class="glance" aria-label="At a glance">')).toBe(true);
    const glance = html.slice(0, html.indexOf("</section>"));
    const page = scanHtml(glance);
    const reports = page.links.filter((l) => l.href.startsWith("mailto:"));
    expect(reports.map((l) => l.text)).toEqual(["security@example.org", "v6@example.org"]);
    for (const link of reports) {
      const { mailto } = parseMailto(link.href);
      expect(mailto?.to).toEqual([link.text]);
      expect(mailto?.subject).toBe("Vulnerability report for Example");
      expect(mailto?.body).toBe("Affected version(s):\n\nOverview:\n\nImpact:\n");
    }
    expect(page.texts.map((t) => t.text)).toEqual(expect.arrayContaining([GROUPED, formatFingerprint({ version: 6, hex: V6 })]));
    expect(page.links.filter((l) => l.text.startsWith("Look up on")).map((l) => [l.text, l.href])).toEqual([
      ["Look up on keys.openpgp.org", `https://keys.openpgp.org/search?q=${HEX}`],
      ["Look up on keys.openpgp.org", `https://keys.openpgp.org/search?q=${V6}`],
    ]);
    // Only the contact whose key the site has gets a download link.
    expect(page.links.filter((l) => l.text === "Download public key").map((l) => l.href)).toEqual(["/security/keys/security@example.org.asc"]);
    expect(glance.match(/class="copy-button"/g)).toHaveLength(2);
    // The glance replaces the report link atop the page; the one after the template stays.
    expect(reportHrefs(html)).toHaveLength(1);
    expect(checkPage(scanHtml(html), [contact("security@example.org", HEX), contact("v6@example.org", V6)])).toEqual([]);
  });

  it("shows the key's algorithm and expiry where the site has the key", () => {
    const withKey = contact("security@example.org", HEX, true);
    withKey.key = { ...withKey.key!, algorithm: "Ed25519", expires: new Date("2031-01-02T00:00:00Z") };
    const html = onPolicy(TEMPLATE, policy(withKey));
    expect(html).toContain('<span class="key-facts">Ed25519 key, expires <time datetime="2031-01-02">2031-01-02</time></span>');
  });

  it("speaks the page's language", () => {
    const html = onPolicy(TEMPLATE.replace("## Reporting", "## Informar"), undefined, "es");
    expect(html).toContain('aria-label="Lo esencial"');
    expect(html).toContain(">Buscar en keys.openpgp.org</a>");
    expect(html).toContain('data-copied="Copiada"');
    expect(html).toContain("subject=Informe%20de%20vulnerabilidad%20para%20Example");
    expect(html).toContain(">Copiar<span class=\"visually-hidden\"> huella</span>");
  });

  it("the keyservers option chooses the lookups; a host other than keys.openpgp.org is asked by HKP, by full fingerprint", () => {
    const html = render(TEMPLATE, undefined, { keyservers: ["keyserver.ubuntu.com"] }, "./content/security.md", { url: "/security/" });
    expect(html).toContain(`<a href="https://keyserver.ubuntu.com/pks/lookup?op=index&amp;fingerprint=on&amp;search=0x${HEX}" rel="noopener noreferrer">Look up on keyserver.ubuntu.com</a>`);
    expect(html).not.toContain("keys.openpgp.org");
  });

  it("looks each key up on the keyserver the policy itself links to for it, by full fingerprint; a key the page links nowhere keeps the keyservers option", () => {
    const surfnet = `https://pgp.surfnet.nl/pks/lookup?op=vindex&fingerprint=on&search=0x${HEX.slice(-16)}`;
    const markdown = `${TEMPLATE}\nsecurity@example.org: ${GROUPED} [pgp.surfnet.nl](${surfnet})\n`;
    const html = onPolicy(markdown, policy(contact("security@example.org", HEX), contact("v6@example.org", V6)));
    const glance = scanHtml(html.slice(0, html.indexOf("</section>")));
    expect(glance.links.filter((l) => l.text.startsWith("Look up on")).map((l) => [l.text, l.href])).toEqual([
      ["Look up on pgp.surfnet.nl", `https://pgp.surfnet.nl/pks/lookup?op=index&fingerprint=on&search=0x${HEX}`],
      ["Look up on keys.openpgp.org", `https://keys.openpgp.org/search?q=${V6}`],
    ]);
    expect(checkPage(scanHtml(html), [contact("security@example.org", HEX), contact("v6@example.org", V6)])).toEqual([]);
  });

  it("follows every keyserver the page links to for the key, once each and in the page's order, and a link for another key or to no keyserver changes nothing", () => {
    const links = [
      `[keyserver.ubuntu.com](https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x${HEX})`,
      `[keys.openpgp.org](https://keys.openpgp.org/vks/v1/by-fingerprint/${HEX})`,
      `[again](https://keyserver.ubuntu.com/pks/lookup?op=index&search=0x${HEX.slice(-16)})`,
      `[the other key](https://pgp.example.net/pks/lookup?op=get&search=0x${V6})`,
      `[a mirror of the key file](https://example.org/keys/${HEX}.asc)`,
    ];
    const html = onPolicy(`${TEMPLATE}\n${links.join("\n")}\n`, policy(contact("security@example.org", HEX)));
    const glance = scanHtml(html.slice(0, html.indexOf("</section>")));
    expect(glance.links.filter((l) => l.text.startsWith("Look up on")).map((l) => l.href)).toEqual([
      `https://keyserver.ubuntu.com/pks/lookup?op=index&fingerprint=on&search=0x${HEX}`,
      `https://keys.openpgp.org/search?q=${HEX}`,
    ]);
  });

  it("is on the policy page only; a page without a template still gets it, with a report link without a body", () => {
    expect(render(TEMPLATE)).not.toContain('class="glance"');
    const html = onPolicy("Write to us.");
    expect(html).toContain('class="glance"');
    const [link] = scanHtml(html).links.filter((l) => l.href.startsWith("mailto:"));
    expect(parseMailto(link?.href ?? "").mailto?.body).toBeUndefined();
  });
});

describe("external links", () => {
  it.each([
    ["https://keys.openpgp.org/", true],
    ["http://example.org/", true],
    ["//example.org/", true],
    ["ftp://example.org/", true],
    ["mailto:security@example.org", false],
    ["/security/", false],
    ["#handling", false],
    ["keys/security.asc", false],
  ])("%s leaves the site: %s", (href, external) => {
    expect(isExternal(href)).toBe(external);
  });

  it("https, mailto and openpgp4fpr links are fine; http, scheme-relative and other schemes are not", () => {
    expect(externalLinkProblem("https://example.org/")).toBeUndefined();
    expect(externalLinkProblem("mailto:a@example.org")).toBeUndefined();
    expect(externalLinkProblem("openpgp4fpr:7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91")).toBeUndefined();
    expect(externalLinkProblem("OPENPGP4FPR:7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91")).toBeUndefined();
    expect(externalLinkProblem("http://example.org/a")).toBe(
      "the link http://example.org/a is not encrypted; write it as https://example.org/a (or link to a page served over https)",
    );
    expect(externalLinkProblem("//example.org/")).toMatch(/has no scheme.*https:\/\//);
    expect(externalLinkProblem("ftp://example.org/")).toBe('the link ftp://example.org/ uses "ftp:"; links from the policy go to https: pages, mailto: addresses and openpgp4fpr: fingerprints only');
  });

  it('an external link gets rel="noopener noreferrer"; site and mailto links do not', () => {
    const html = render("[a](https://example.org/) [b](/security/) [c](mailto:security@example.org)");
    expect(html).toBe(
      '<p><a href="https://example.org/" rel="noopener noreferrer">a</a> <a href="/security/">b</a> <a href="mailto:security@example.org">c</a></p>\n',
    );
  });

  it("an http link is a finding at its line and column, and the page is still rendered", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "decorate-"));
    const file = path.join(dir, "security.md");
    // Eleventy gives markdown-it the body from the line after the closing "---".
    const markdown = "\nIntro.\n\nSee [the key](https://example.org/key)\nand [the old page](http://example.org/old).\n";
    writeFileSync(file, `---\ntitle: Security\n---\n${markdown}`);
    const findings = new FindingCollector({ root: dir, strict: false, suppress: applySuppressions });
    const html = render(markdown, undefined, { findings }, file);
    expect(html).toContain('href="http://example.org/old"');
    expect(findings.report().findings.map(formatFinding)).toEqual([
      "security.md:8:20: error: the link http://example.org/old is not encrypted; write it as https://example.org/old (or link to a page served over https) [link-insecure]",
    ]);
  });

  it("without a collector an http link is an exception that names the page and the fix", () => {
    expect(() => render("[old](http://example.org/old)", undefined, {}, "content/security.md")).toThrow(
      "decorate: content/security.md: the link http://example.org/old is not encrypted; write it as https://example.org/old (or link to a page served over https); pass the `findings` option to collect this as a finding instead",
    );
  });
});

describe("options and data", () => {
  it("normalizeOptions fills in the defaults", () => {
    expect(normalizeOptions({ keysUrl: "/k/", text: siteText })).toMatchObject({ keysUrl: "/k/", defaultLanguage: "en", keyservers: ["keys.openpgp.org"] });
  });

  it("a bad option names the plugin, the option and what it received", () => {
    expect(() => normalizeOptions({ keysUrl: 3 as unknown as string, text: siteText })).toThrow("decorate: option `keysUrl` must be a string. Received: number (3)");
    expect(() => normalizeOptions({ keysUrl: "keys", text: siteText })).toThrow(/must be a folder path on the site.*Received: "keys"/);
    expect(() => normalizeOptions({})).toThrow("decorate: option `text` must be a function. Received: undefined (undefined)");
    expect(() => normalizeOptions({ text: siteText, keyservers: ["https://keys.openpgp.org/"] })).toThrow(/option `keyservers` must be a list of host names/);
  });

  it("without the policy data the plugin says which plugin provides it", () => {
    const md = markdownIt().use(decorateMarkdown, { text: siteText });
    expect(() => md.render("text", {})).toThrow(/no "policy"; add the policyData plugin/);
  });
});

describe("in a fixture build", () => {
  it("findings on a decorated page still point at their Markdown lines, before and after the inserted report links", async () => {
    const build = await buildFixture("reader-page-mistyped");
    expect(build.ok).toBe(false);
    expect(build.findings.map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      "content/security.md:13 fingerprint-mismatch",
      "content/security.md:23 anchor-missing",
    ]);
  });

  it("an http link fails the build with a link-insecure finding at its line", async () => {
    const build = await buildFixture("link-insecure");
    expect(build.ok).toBe(false);
    expect(build.findings).toEqual([
      {
        file: "content/security.md",
        line: 11,
        column: 39,
        severity: "error",
        rule: "link-insecure",
        message: "the link http://example.org/key.asc is not encrypted; write it as https://example.org/key.asc (or link to a page served over https)",
      },
    ]);
    expect(build.lines.join("\n")).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
