/**
 * data-missing on a project folder read by loadPolicyData: the site data file where the options
 * say it is, or the finding that names it and what to write in it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadPolicyData } from "../../../src/data/load.ts";
import dataMissing from "../../../src/rules/data/data-missing.ts";
import { testRule } from "../../support/rule-tester.ts";
import { WORK } from "../../support/work.ts";
import { GOOD, json } from "./site-data-text.ts";

/** A content folder holding these files, and where the options look for the data. */
interface Input {
  files: Record<string, string>;
  dataFile?: string;
}

async function run(input: Input) {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, "data-missing-"));
  const content = path.join(root, "content");
  mkdirSync(content);
  for (const [file, text] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  const loaded = await loadPolicyData(content, {
    dataFile: input.dataFile ?? "_data/security.json",
    keysDir: "keys",
    expiryWarningDays: 30,
    relative: (file) => path.relative(root, file),
  });
  return loaded.findings;
}

/**
 * The data folder as `ls -F content/_data` lists it (the page shows what is there, since the
 * missing file has no text to show): each name a file holding good data, a name ending in "/" a folder.
 */
function listed(listing: string): Input {
  const names = listing
    .split("\n")
    .filter((line) => !line.startsWith("$"))
    .flatMap((line) => line.split(/\s+/))
    .filter((name) => name !== "");
  return { files: Object.fromEntries(names.map((name) => (name.endsWith("/") ? [`_data/${name}.keep`, ""] : [`_data/${name}`, json(GOOD)]))) };
}

const MISSING = (file: string) => `${file} is missing; create it with "url", "name" and "contacts" (each an "email" and a "fingerprint")`;

testRule(dataMissing, run, {
  example: (text) => listed(text),
  valid: [
    { name: "the data file where the options say", input: { files: { "_data/security.json": json(GOOD) } } },
    { name: "the data file under another name the options give", input: { files: { "_data/policy.json": json(GOOD) }, dataFile: "_data/policy.json" } },
    { name: "a data file that is there but empty, which is data-invalid's", input: { files: { "_data/security.json": "" } } },
  ],
  invalid: [
    { name: "no data folder at all", input: { files: { "index.md": "# Security\n" } }, findings: [{ messageId: "missing", line: 1, column: 1, message: MISSING("content/_data/security.json") }] },
    {
      name: "the data under another name than the options give",
      input: { files: { "_data/security.json5": json(GOOD) } },
      findings: [{ messageId: "missing", line: 1, column: 1, message: MISSING("content/_data/security.json") }],
    },
    {
      name: "the options naming a file the project does not have",
      input: { files: { "_data/security.json": json(GOOD) }, dataFile: "_data/policy.json" },
      findings: [{ messageId: "missing", line: 1, column: 1, message: MISSING("content/_data/policy.json") }],
    },
  ],
});
