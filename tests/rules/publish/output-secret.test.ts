/**
 * output-secret on an output folder given to secretsInOutput: a file that holds a private key,
 * at the page that wrote it (its rendered text read from memory) or at its path on the site.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import markdownIt from "markdown-it";
import { secretsInOutput } from "../../../src/plugins/publish.ts";
import outputSecret from "../../../src/rules/publish/output-secret.ts";
import { testRule } from "../../support/rule-tester.ts";
import { WORK } from "../../support/work.ts";
import { outputFileOf, pageSource } from "./page-source.ts";

const PGP = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxVgEZ0000BYJKwYBBAHaRw8BAQdA\n-----END PGP PRIVATE KEY BLOCK-----\n";
const OPENSSH = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
const PUBLIC = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEZ0000BYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----\n";

interface Input {
  /** Files on disk, by their path in the output folder. */
  files: Record<string, string>;
  /** Pages Eleventy rendered: their source and their text in memory, by their path in the output folder. */
  pages?: Record<string, { inputPath: string; content: string }>;
}

function run(input: Input) {
  mkdirSync(WORK, { recursive: true });
  const output = path.join(mkdtempSync(path.join(WORK, "output-secret-")), "public");
  for (const [file, text] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(output, file)), { recursive: true });
    writeFileSync(path.join(output, file), text);
  }
  const pages = Object.entries(input.pages ?? {}).map(([file, p]) => ({ ...p, outputPath: path.join(output, file) }));
  return secretsInOutput(output, pages, (file) => file);
}

const TOP = { line: 1, column: 1 };
const inPage = (file: string, kind: string) => `${file} would publish a ${kind}: remove the private key from the page; if it was ever published, consider the key compromised: revoke it and make a new one`;

testRule(outputSecret, run, {
  // The policy page as written, rendered from Markdown into the file its permalink names.
  example: (text) => {
    const { permalink, body } = pageSource(text);
    const file = outputFileOf(permalink);
    const content = markdownIt().render(body);
    return { files: { [file]: content }, pages: { [file]: { inputPath: "content/security.md", content } } };
  },
  valid: [
    { name: "a page and a public key", input: { files: { "security/index.html": "<p>Security</p>", "security/keys/security@example.org.asc": PUBLIC } } },
    { name: "code that writes only the first line of a private key, as openpgp.js does", input: { files: { "assets/openpgp.mjs": 'const a = "-----BEGIN PGP PRIVATE KEY BLOCK-----";\n' } } },
    {
      name: "a page whose file on disk holds a key its rendered text no longer does",
      input: { files: { "security/index.html": PGP }, pages: { "security/index.html": { inputPath: "content/security.md", content: "<p>Security</p>" } } },
    },
  ],
  invalid: [
    {
      name: "a page that quotes a private key",
      input: { files: { "security/index.html": "<p>Security</p>" }, pages: { "security/index.html": { inputPath: "content/security.md", content: `<pre>${PGP}</pre>` } } },
      findings: [{ messageId: "inPage", ...TOP, message: inPage("security/index.html", "PGP PRIVATE KEY BLOCK") }],
    },
    {
      name: "a private key copied with the assets",
      input: { files: { "keys/secret.asc": PGP } },
      findings: [
        {
          messageId: "inCopiedFile",
          ...TOP,
          message: "keys/secret.asc would publish a PGP PRIVATE KEY BLOCK: remove the private key from what is copied into the site; if it was ever published, consider the key compromised: revoke it and make a new one",
        },
      ],
    },
    {
      name: "an OpenSSH key quoted in a JSON file, its line breaks written as \\n",
      input: { files: { "data.json": JSON.stringify({ key: OPENSSH }) } },
      findings: [{ messageId: "inCopiedFile", ...TOP, message: expectCopied("data.json", "OPENSSH PRIVATE KEY") }],
    },
  ],
});

function expectCopied(file: string, kind: string): string {
  return `${file} would publish a ${kind}: remove the private key from what is copied into the site; if it was ever published, consider the key compromised: revoke it and make a new one`;
}
