/**
 * data-duplicate-key on site data read by readSiteData: a key written twice in one object, at
 * the second one, naming the line of the first; the same key in two objects is no duplicate.
 */
import { readSiteData } from "../../../src/data/site-data.ts";
import dataDuplicateKey from "../../../src/rules/data/data-duplicate-key.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, DATA_FILE, FINGERPRINT, OTHER_FINGERPRINT } from "./site-data-text.ts";

const run = (text: string) => readSiteData(text, DATA_FILE).findings;

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;
const contact = (email: string, fingerprint: string) => `{ "email": "${email}", "fingerprint": "${fingerprint}" }`;

const URL_TWICE = lines("{", '  "url": "https://example.org",', '  "name": "Example",', '  "url": "https://example.net",', `  "contacts": [${contact("security@example.org", FINGERPRINT)}],`, '  "reviewed": "2026-11-20"', "}");
const EMAIL_TWICE = lines(
  "{",
  '  "url": "https://example.org",',
  '  "name": "Example",',
  `  "contacts": [{ "email": "security@example.org", "email": "psirt@example.org", "fingerprint": "${FINGERPRINT}" }],`,
  '  "reviewed": "2026-11-20"',
  "}",
);
const THRICE = lines("{", '  "name": "Example",', '  "url": "https://example.org",', '  "name": "Example",', '  "name": "Example",', `  "contacts": [${contact("security@example.org", FINGERPRINT)}],`, '  "reviewed": "2026-11-20"', "}");

testRule(dataDuplicateKey, run, {
  example: (text) => text,
  valid: [
    {
      name: "two contacts, each with its own email and fingerprint",
      input: lines(
        "{",
        '  "url": "https://example.org",',
        '  "name": "Example",',
        `  "contacts": [${contact("security@example.org", FINGERPRINT)}, ${contact("psirt@example.org", OTHER_FINGERPRINT)}],`,
        '  "reviewed": "2026-11-20"',
        "}",
      ),
    },
    { name: "keys that differ only in case", input: lines("{", '  "url": "https://example.org",', '  "URL": "https://example.org",', '  "name": "Example"', "}") },
  ],
  invalid: [
    {
      name: '"url" written twice',
      input: URL_TWICE,
      findings: [
        {
          messageId: "duplicate",
          ...at(URL_TWICE, '"url"', 2),
          message: '"url" is written a second time in the same object (first on line 2); only one value can count, so the other would be silently ignored: keep one',
        },
      ],
    },
    {
      name: "a contact's email written twice",
      input: EMAIL_TWICE,
      findings: [
        {
          messageId: "duplicate",
          ...at(EMAIL_TWICE, '"email"', 2),
          message: '"contacts[0].email" is written a second time in the same object (first on line 4); only one value can count, so the other would be silently ignored: keep one',
        },
      ],
    },
    {
      name: '"name" written three times: each repetition names the first',
      input: THRICE,
      findings: [
        { messageId: "duplicate", ...at(THRICE, '"name"', 2), message: expectFirstOn("name", 2) },
        { messageId: "duplicate", ...at(THRICE, '"name"', 3), message: expectFirstOn("name", 2) },
      ],
    },
  ],
});

function expectFirstOn(key: string, line: number): string {
  return `"${key}" is written a second time in the same object (first on line ${line}); only one value can count, so the other would be silently ignored: keep one`;
}
