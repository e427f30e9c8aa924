import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLanguageFolder, nativeName, pageLanguages, translationsOf } from "../src/data/languages.ts";
import { missingStrings, readStringsFile } from "../src/data/strings.ts";
import { formatFinding } from "../src/findings/report.ts";
import { policyFacts, recordedSource, sourceVersion, translationDrift, translationStale } from "../src/rules/translation.ts";
import { buildFixture, ROOT } from "./support/fixture-site.ts";

const ORIGINAL = `---
title: Security
permalink: /security/
---

## Reporting

Write to [security@example.org](mailto:security@example.org).

security@example.org: 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 [keys.openpgp.org](https://keys.openpgp.org/search?q=7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91)
`;

const TRANSLATION = `---
title: Seguridad
translatedFrom: ${sourceVersion(ORIGINAL)}
---

## Informar

Escriba a [security@example.org](mailto:security@example.org).

security@example.org: 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 [keys.openpgp.org](https://keys.openpgp.org/search?q=7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91)
`;

const original = { file: "content/en/security.md", raw: ORIGINAL };
const translated = (raw: string) => ({ file: "content/es/security.md", raw });

describe("which language a page is in", () => {
  it("a page under a language folder is in that language; anything else in the default one", () => {
    const pages = pageLanguages(
      [
        { inputPath: "/site/content/en/security.md", url: "/security/" },
        { inputPath: "/site/content/es/security.md", url: "/es/security/" },
        { inputPath: "/site/content/pt-BR/security.md", url: "/pt-BR/security/" },
        { inputPath: "/site/content/keys/index.md", url: "/keys/" },
        { inputPath: "/site/content/es.md", url: "/es-page/" },
      ],
      "/site/content",
      "en",
    );
    expect(pages.map((p) => [p.url, p.lang, p.key, p.original])).toEqual([
      ["/security/", "en", "security", "/site/content/en/security.md"],
      ["/es/security/", "es", "security", "/site/content/en/security.md"],
      ["/pt-BR/security/", "pt-BR", "security", "/site/content/en/security.md"],
      ["/keys/", "en", "keys/index", "/site/content/keys/index.md"],
      ["/es-page/", "en", "es", "/site/content/es.md"],
    ]);
    expect(translationsOf(pages).get("/es/security/")?.map((p) => p.lang)).toEqual(["en", "es", "pt-BR"]);
  });

  it("a folder is a language by ISO 639-1, as Eleventy's I18nPlugin reads it", () => {
    expect(["es", "en", "pt-BR", "zh-Hant"].filter(isLanguageFolder)).toEqual(["es", "en", "pt-BR", "zh-Hant"]);
    expect(["keys", "assets", "xx", "e", ""].filter(isLanguageFolder)).toEqual([]);
    expect(nativeName("es")).toBe("Español");
    expect(nativeName("pt-BR")).toBe("Português");
  });
});

describe("translation-drift", () => {
  it("the same facts in other words is no finding", () => {
    expect(translationDrift(original, translated(TRANSLATION))).toEqual([]);
  });

  it("another fingerprint is one finding at its line, naming both", () => {
    const raw = TRANSLATION.replace("C5B5 3E91 [", "C5B5 3E92 [");
    expect(translationDrift(original, translated(raw)).map(formatFinding)).toEqual([
      "content/es/security.md:10:23: error: this translation shows the fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92 where its original content/en/security.md shows the fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91 (line 10); a translation shows the same fingerprints, addresses and keyserver links as the original: copy it from there [translation-drift]",
    ]);
  });

  it("another address, in a mail link or in the text, is a finding", () => {
    const raw = TRANSLATION.replace("[security@example.org](mailto:security@example.org)", "[seguridad@example.org](mailto:seguridad@example.org)");
    const found = translationDrift(original, translated(raw));
    expect(found.map((f) => [f.line, f.rule])).toEqual([[8, "translation-drift"]]);
    expect(found[0]?.message).toContain("shows the address seguridad@example.org, which its original content/en/security.md does not");
  });

  it("a keyserver link left out is a finding at the first line of the body, naming the original's line", () => {
    const raw = TRANSLATION.replace(/ \[keys\.openpgp\.org\]\([^)]*\)/, "");
    expect(translationDrift(original, translated(raw)).map(formatFinding)).toEqual([
      "content/es/security.md:5:1: error: this translation does not show the keyserver link https://keys.openpgp.org/search?q=7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91, which its original content/en/security.md shows (line 10); a translation shows the same fingerprints, addresses and keyserver links as the original: add it where the original has it [translation-drift]",
    ]);
  });

  it("reads fingerprints, addresses and keyserver links, and nothing else", () => {
    expect(policyFacts(ORIGINAL).map((f) => [f.kind, f.position.line])).toEqual([
      ["address", 8],
      ["address", 8],
      ["address", 10],
      ["fingerprint", 10],
      ["keyserver link", 10],
    ]);
  });
});

describe("translation-stale", () => {
  it("a translation that records its original's version is current", () => {
    expect(translationStale(original, translated(TRANSLATION))).toEqual([]);
    expect(recordedSource(TRANSLATION)).toBe(sourceVersion(ORIGINAL));
  });

  it("a change to the original's words makes it stale, with the version to record", () => {
    const changed = { ...original, raw: ORIGINAL.replace("Write to", "Send your report to") };
    expect(translationStale(changed, translated(TRANSLATION)).map(formatFinding)).toEqual([
      `content/es/security.md:3:1: warning: content/en/security.md changed after content/es/security.md was translated from it (translatedFrom: ${sourceVersion(ORIGINAL)}; the original is now ${sourceVersion(changed.raw)}): bring the translation up to date (git log -p content/en/security.md shows what changed), then set "translatedFrom: ${sourceVersion(changed.raw)}" [translation-stale]`,
    ]);
  });

  it("a new fingerprint, changed in both, leaves the translation current: drift holds the facts equal", () => {
    const rotate = (raw: string) => raw.replace("7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91", "8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D").replace("7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91", "8ECAFE523964AF824016F6C8116727A60111BF2D");
    expect(sourceVersion(rotate(ORIGINAL))).toBe(sourceVersion(ORIGINAL));
    expect(translationStale({ ...original, raw: rotate(ORIGINAL) }, translated(rotate(TRANSLATION)))).toEqual([]);
  });

  it("line endings and trailing spaces do not change the version", () => {
    expect(sourceVersion(ORIGINAL.replace(/\n/g, "  \r\n"))).toBe(sourceVersion(ORIGINAL));
  });

  it("a translation that records nothing is told what to record", () => {
    const raw = TRANSLATION.replace(/^translatedFrom: .*\n/m, "");
    expect(translationStale(original, translated(raw))[0]?.message).toContain(`add "translatedFrom: ${sourceVersion(ORIGINAL)}" to its front matter`);
  });
});

describe("interface strings", () => {
  const en = readStringsFile("en", "content/_data/strings/en.json", readFileSync(path.join(ROOT, "content/_data/strings/en.json"), "utf8")).strings!;
  const es = readStringsFile("es", "content/_data/strings/es.json", readFileSync(path.join(ROOT, "content/_data/strings/es.json"), "utf8")).strings!;

  it("the site's Spanish strings have every key of its English ones, and no other", () => {
    expect(Object.keys(es.strings).sort()).toEqual(Object.keys(en.strings).sort());
    expect(missingStrings(new Map([["en", en], ["es", es]]), "en", new Map([["es", ["content/es/security.md"]]]), "content/_data/strings")).toEqual([]);
  });

  it("a language with pages and missing keys is a warning naming them; one with no file at all names its first page", () => {
    const partial = readStringsFile("fr", "content/_data/strings/fr.json", '{ "copy": "Copier" }').strings!;
    const pages = new Map([["fr", ["content/fr/security.md"]], ["de", ["content/de/security.md", "content/de/index.md"]]]);
    const found = missingStrings(new Map([["en", en], ["fr", partial]]), "en", pages, "content/_data/strings").map(formatFinding);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^content\/de\/security\.md:1:1: warning: there are no interface strings for "de": copy content\/_data\/strings\/en\.json to content\/_data\/strings\/de\.json and translate it; the "de" pages \(content\/de\/security\.md, content\/de\/index\.md\) show the buttons and labels in "en" until then \[strings-missing\]$/);
    expect(found[1]).toMatch(/^content\/_data\/strings\/fr\.json:1:1: warning: \d+ interface strings of content\/_data\/strings\/en\.json are missing here: "skipToContent", "siteNavigation", .* and \d+ more; the "fr" pages \(content\/fr\/security\.md\) show them in "en" until you add the translation \[strings-missing\]$/);
  });

  it("a key written twice, or a value that is not a text, is strings-invalid at its line", () => {
    const read = readStringsFile("es", "es.json", '{\n  "copy": "Copiar",\n  "copy": "Copia",\n  "copied": ["Copiada"]\n}\n');
    expect(read.findings.map(formatFinding)).toEqual([
      'es.json:3:3: error: "copy" is written twice (first at line 2); keep one, so it is clear which text the pages show [strings-invalid]',
      'es.json:4:13: error: "copied" must be a text, not ["Copiada"]; write the words the page shows [strings-invalid]',
    ]);
  });
});

describe("fixture sites in two languages", () => {
  it("a stale translation is a warning naming both files; the build passes, and fails under --strict", async () => {
    const build = await buildFixture("translation-stale");
    expect(build.ok).toBe(true);
    expect(build.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`)).toEqual(["content/es/security.md:5 warning translation-stale"]);
    expect(build.findings[0]?.message).toMatch(/^content\/security\.md changed after content\/es\/security\.md was translated from it/);
    expect((await buildFixture("translation-stale", { strict: true })).ok).toBe(false);
  });

  it("a translation whose language lacks strings warns with the keys, and its page shows those in the default language", async () => {
    const build = await buildFixture("strings-missing");
    expect(build.ok).toBe(true);
    expect(build.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`)).toEqual(["content/_data/strings/es.json:1 warning strings-missing"]);
    expect(build.findings[0]?.message).toContain('are missing here: "siteNavigation", "securityPolicy"');
    const html = readFileSync(path.join(build.output, "es/security/index.html"), "utf8");
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<a class="skip-link" href="#main">Ir al contenido</a>');
    expect(html).toContain('<nav aria-label="Site">');
  });

  it("a translation with another fingerprint fails the build at its line", async () => {
    const build = await buildFixture("translation-drift");
    expect(build.ok).toBe(false);
    expect(build.findings.filter((f) => f.rule === "translation-drift").map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(["content/es/security.md:12:23"]);
  });
});
