import { describe, expect, it } from "vitest";
import { findingsPanel, withFindingsPanel, withoutFindingsPanel } from "../src/dev/panel.ts";
import { developmentPolicy, withDevelopmentPolicy } from "../src/dev/policy.ts";
import { findingOf as finding } from "./support/findings.ts";

const STRICT = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

describe("the development policy", () => {
  it("changes connect-src to the dev server's websocket origin and adds the reload client's hash, nothing else", () => {
    expect(developmentPolicy(STRICT, { port: 8080, scriptHash: "sha512-abc" })).toBe(
      "default-src 'none'; style-src 'self'; script-src 'self' 'sha512-abc'; img-src 'self'; connect-src ws://localhost:8080 ws://127.0.0.1:8080; base-uri 'none'; form-action 'none'",
    );
  });

  it("adds connect-src to a policy without one, and leaves a page without a policy alone", () => {
    expect(developmentPolicy("default-src 'none'", { port: 3000 })).toBe("default-src 'none'; connect-src ws://localhost:3000 ws://127.0.0.1:3000");
    expect(withDevelopmentPolicy("<p>no policy</p>", { port: 3000 })).toBe("<p>no policy</p>");
  });
});

describe("the findings panel", () => {
  const report = (findings: ReturnType<typeof finding>[]) => ({
    findings,
    notices: [],
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  });
  const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>T</title>\n</head>\n<body class="x">\n<p>text</p>\n</body>\n</html>\n';

  it("is nothing when the rebuild found nothing", () => {
    expect(findingsPanel(report([]))).toBe("");
    expect(withFindingsPanel(page, report([]))).toBe(page);
  });

  it("lists each finding as the terminal prints it, escaped, first in the body, with its stylesheet in the head", () => {
    const html = withFindingsPanel(page, report([finding("mailto-invalid", "content/security.md", { line: 9, column: 26 }, 'raw "<" in a link')]));
    expect(html).toContain('<body class="x">\n<aside class="dev-findings" id="policy-findings" aria-labelledby="policy-findings-title" tabindex="0">');
    expect(html).toContain(
      '<li class="dev-finding dev-finding-error"><code class="dev-finding-place">content/security.md:9:26</code> <strong class="dev-finding-severity">error</strong> <span class="dev-finding-message">raw &quot;&lt;&quot; in a link</span> <code class="dev-finding-rule">[mailto-invalid]</code></li>',
    );
    expect(html).toContain('<link rel="stylesheet" href="/.policy-dev/findings.css">\n</head>');
    expect(html).not.toMatch(/<script|style=/);
    expect(withoutFindingsPanel(html)).toBe(page);
  });

  it("says what the build would do: refuse for an error, refuse under --strict for a warning, publish for notices alone", () => {
    const note = (f: ReturnType<typeof finding>) => /<p class="dev-findings-note">([^<]*)<\/p>/.exec(findingsPanel(report([f])))?.[1];
    const at = { line: 3, column: 1 };
    expect(note(finding("mailto-invalid", "content/security.md", at, "x"))).toBe("npm run build would refuse to publish this site. Fix the files named below; this panel goes when a rebuild finds nothing.");
    expect(note(finding("key-expiring", "content/keys/a.asc", at, "x"))).toBe("npm run build would refuse to publish this site under --strict. Fix the files named below; this panel goes when a rebuild finds nothing.");
    expect(note(finding("key-link-unverifiable", "content/security.md", at, "x"))).toBe(
      "npm run build would publish this site; the notices say what the checks could not verify. Fix the files named below; this panel goes when a rebuild finds nothing.",
    );
  });
});
