/**
 * `npm run init`: makes the site a project's own. It asks for the project's name, the site's
 * URL, the languages and each contact's address and public key (or takes them as flags, for
 * scripts), then rewrites content/: the site data, a neutral policy with the project's facts, the
 * home, advisories, thanks and report pages, the keys; it removes the sample advisory, the
 * translations not asked for and keys of no contact. Last, it says what a person must still do.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { readKeys } from "openpgp";
import { formatFingerprint } from "../../formats/fingerprint.ts";
import { isAddrSpec } from "../../formats/mailto.ts";
import { INIT_LANGUAGES, initPlan, isLanguageFolder, type InitFacts } from "./plan.ts";

const USAGE = `usage: npm run init -- [--name NAME] [--url https://HOST] [--language TAG]… [--contact EMAIL=KEYFILE]… [--yes] [--input content]

Makes the site your project's own: writes content/_data/security.json, a policy page with your
project's facts, the home, advisories, thanks and report pages and content/keys/; removes the
sample advisory, the translations you did not ask for and the keys of no contact.

  --name NAME             the project's name, as the pages say it
  --url URL               the site's https URL, e.g. https://security.example.org
  --language TAG          a language of the pages (${INIT_LANGUAGES.join(", ")}); repeat for more, the first is the site's own. Default: en
  --contact EMAIL=KEYFILE a security contact and the file of its armored public key (gpg --export --armor EMAIL > KEYFILE); repeat for more
  --yes                   do not ask: rewrite content/ without a confirmation
  --input DIR             the content folder. Default: content

Without --name, --url or --contact, init asks for them, when standard input is a terminal.`;

export interface InitIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a question and returns the answer; undefined when no one can answer (standard input is not a terminal). */
  ask?: (question: string) => Promise<string>;
  /** Today, YYYY-MM-DD. */
  today: string;
}

/** A mistake in what init was given: printed as it is, with no stack, and exit code 2. */
class InitError extends Error {}

export async function initCommand(argv: string[], io: InitIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        name: { type: "string" },
        url: { type: "string" },
        language: { type: "string", multiple: true },
        contact: { type: "string", multiple: true },
        yes: { type: "boolean", default: false },
        input: { type: "string", default: "content" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    io.stderr(`init: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const content = path.resolve(io.cwd, values.input);
  try {
    if (!existsSync(path.join(content, "_data", "strings"))) {
      throw new InitError(`${values.input}/_data/strings/ does not exist: run init in the site's folder (the one with content/ and _includes/), or name the content folder with --input`);
    }
    const name = checkName(values.name ?? (await required(io, "The project's name (as the pages say it): ", "--name")));
    const url = checkUrl(values.url ?? (await required(io, "The site's https URL (e.g. https://security.example.org): ", "--url")));
    const languages = checkLanguages(
      values.language ?? (io.ask && values.name === undefined ? splitList(await io.ask(`Languages of the pages, the site's own first (${INIT_LANGUAGES.join(", ")}) [en]: `)) : []),
      content,
    );
    const contactArgs = values.contact ?? (await askContacts(io));
    if (contactArgs.length === 0) throw new InitError("init needs at least one contact: --contact security@example.org=path/to/public-key.asc");
    const contacts = await Promise.all(contactArgs.map((arg) => readContact(arg, io.cwd)));
    const seen = new Set<string>();
    for (const c of contacts) {
      if (seen.has(c.email.toLowerCase())) throw new InitError(`--contact ${c.email} is given twice: name each contact once`);
      seen.add(c.email.toLowerCase());
    }

    const facts: InitFacts = { name, url, languages, contacts, today: io.today };
    const existing = listFiles(content);
    const oldLanguage = readOldLanguage(content);
    const plan = initPlan(facts, existing, oldLanguage);

    if (!values.yes) {
      if (!io.ask) throw new InitError(`init rewrites ${values.input}/ and removes ${plan.remove.length} file(s); pass --yes to confirm when it cannot ask`);
      const answer = await io.ask(`This rewrites ${values.input}/ for ${name} and removes ${plan.remove.length} file(s) (the sample advisory, other translations, keys of no contact). Go on? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) {
        io.stdout("Nothing was changed.\n");
        return 1;
      }
    }

    for (const [from, to] of plan.move) {
      mkdirSync(path.dirname(path.join(content, to)), { recursive: true });
      renameSync(path.join(content, from), path.join(content, to));
    }
    for (const file of plan.remove) rmSync(path.join(content, file));
    removeEmptyFolders(content);
    for (const [file, text] of plan.write) {
      mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      writeFileSync(path.join(content, file), text);
    }

    const shown = (file: string) => path.join(values.input, file);
    const policies = languages.map((lang) => shown(`${lang}/security.md`));
    io.stdout(
      [
        `Rewrote ${values.input}/ for ${name}:`,
        `  wrote ${plan.write.size} files: ${shown("_data/security.json")}, ${policies.join(", ")}, the home, advisories, thanks and report pages, and ${contacts.map((c) => shown(`keys/${c.email}.asc`)).join(", ")}`,
        ...(plan.remove.length > 0 ? [`  removed ${plan.remove.length}: ${plan.remove.map(shown).join(", ")}`] : []),
        ...[...plan.move].map(([from, to]) => `  moved ${shown(from)} to ${shown(to)}`),
        "",
        "What is left for you to do:",
        `  1. Read the policy through and make it say what your project does: ${policies.join(", ")}.`,
        "     Its response and disclosure times (3 working days, 90 days) are a starting point, not a promise made for you.",
        `  2. The review date is today, ${io.today} ("reviewed" in ${shown("_data/security.json")}); security.txt expires 180 days after it. Keep it, or change it when you review the policy.`,
        `  3. Before you publish an advisory (content/advisories/<id>.md), declare the product it is about in "products" in ${shown("_data/security.json")}: name, repository and purl.`,
        "  4. npm run build   checks every fingerprint, key and address, and writes public/.",
        "  5. npm start       shows the site at http://127.0.0.1:8080/ while you edit.",
        "",
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof InitError) {
      io.stderr(`init: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function required(io: InitIO, question: string, flag: string): Promise<string> {
  if (!io.ask) throw new InitError(`init needs ${flag} when it cannot ask (standard input is not a terminal)\n\n${USAGE}`);
  return await io.ask(question);
}

async function askContacts(io: InitIO): Promise<string[]> {
  if (!io.ask) throw new InitError(`init needs --contact EMAIL=KEYFILE when it cannot ask (standard input is not a terminal)\n\n${USAGE}`);
  const contacts: string[] = [];
  for (;;) {
    const email = (await io.ask(contacts.length === 0 ? "The address reports go to: " : "Another contact's address (empty when done): ")).trim();
    if (email === "") return contacts;
    const file = (await io.ask(`The file of ${email}'s armored public key (gpg --export --armor ${email} > key.asc): `)).trim();
    contacts.push(`${email}=${file}`);
  }
}

function splitList(answer: string): string[] {
  return answer.split(/[\s,]+/).filter((part) => part !== "");
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw new InitError("--name is empty: give the project's name, as the pages say it");
  if (/[{}<>[\]\n\r]/.test(trimmed)) throw new InitError(`--name ${JSON.stringify(trimmed)} holds one of { } < > [ ] or a line break, which the pages would read as markup: give the name without them`);
  return trimmed;
}

function checkUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InitError(`--url ${JSON.stringify(text)} is not a URL: give the site's https URL, e.g. https://security.example.org`);
  }
  if (url.protocol !== "https:") throw new InitError(`--url ${trimmed} is not https: security.txt and the keys must be served over https (RFC 9116, section 3)`);
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") throw new InitError(`--url ${trimmed} has a query, fragment or user name: give the site's address only, e.g. https://security.example.org`);
  return trimmed;
}

function checkLanguages(asked: string[], content: string): string[] {
  const languages = asked.length === 0 ? ["en"] : [...new Set(asked.map((l) => l.trim()))];
  for (const lang of languages) {
    if (!INIT_LANGUAGES.includes(lang)) throw new InitError(`--language ${lang}: init writes pages in ${INIT_LANGUAGES.join(", ")}; add the others by hand after init (content/${lang}/ and content/_data/strings/${lang}.json)`);
    if (!existsSync(path.join(content, "_data", "strings", `${lang}.json`))) throw new InitError(`--language ${lang}: content/_data/strings/${lang}.json is missing, and the pages take their interface words from it`);
  }
  return languages;
}

/** `EMAIL=KEYFILE`, checked: the file holds one public key, and its user IDs carry the address. */
async function readContact(arg: string, cwd: string): Promise<InitFacts["contacts"][number]> {
  const at = arg.indexOf("=");
  if (at < 0) throw new InitError(`--contact ${arg}: give the address and its key file as EMAIL=KEYFILE, e.g. security@example.org=key.asc`);
  const email = arg.slice(0, at).trim();
  const file = arg.slice(at + 1).trim();
  if (!isAddrSpec(email)) throw new InitError(`--contact ${arg}: ${JSON.stringify(email)} is not an email address`);
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) throw new InitError(`--contact ${arg}: ${file} does not exist; export the key with gpg --export --armor ${email} > ${file}`);
  const armored = readFileSync(full, "utf8");
  if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(armored)) {
    throw new InitError(`--contact ${arg}: ${file} holds a private key, which must never be published; export the public key alone with gpg --export --armor ${email}`);
  }
  let keys;
  try {
    keys = await readKeys({ armoredKeys: armored });
  } catch (error) {
    throw new InitError(`--contact ${arg}: ${file} is not an armored OpenPGP public key (${(error as Error).message}); export it with gpg --export --armor ${email} > ${file}`);
  }
  if (keys.length !== 1) throw new InitError(`--contact ${arg}: ${file} holds ${keys.length} keys; export ${email}'s key alone, by its fingerprint: gpg --export --armor <fingerprint> > ${file}`);
  const key = keys[0]!;
  if (key.isPrivate()) throw new InitError(`--contact ${arg}: ${file} holds a private key, which must never be published; export the public key alone with gpg --export --armor ${email}`);
  const addresses = key.users.map((u) => u.userID?.email.toLowerCase()).filter((e): e is string => Boolean(e));
  if (!addresses.includes(email.toLowerCase())) {
    throw new InitError(`--contact ${arg}: the key in ${file} has no user ID with ${email} (it has ${addresses.join(", ") || "none with an address"}); a researcher's mail client looks the key up by the address, so add the address to the key (gpg --quick-add-uid) or give the address the key is for`);
  }
  const hex = key.getFingerprint().toUpperCase();
  const version = hex.length === 64 ? 6 : 4;
  return { email, fingerprint: formatFingerprint({ version, hex }), hex, armored };
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

function readOldLanguage(content: string): string | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(content, "_data", "security.json"), "utf8")) as { language?: unknown };
    return typeof data.language === "string" ? data.language : undefined;
  } catch {
    // No site data yet, or data the build will report: the feed's template is then looked for in no language's folder.
    return undefined;
  }
}

/** Language folders emptied by the removals go too; content/ and its data and keys folders stay. */
function removeEmptyFolders(content: string): void {
  const sweep = (dir: string): boolean => {
    const entries = readdirSync(dir, { withFileTypes: true });
    let empty = true;
    for (const entry of entries) {
      if (entry.isDirectory() && sweep(path.join(dir, entry.name))) rmSync(path.join(dir, entry.name), { recursive: true });
      else empty = false;
    }
    return empty;
  };
  for (const entry of readdirSync(content, { withFileTypes: true })) {
    if (entry.isDirectory() && isLanguageFolder(entry.name)) {
      const dir = path.join(content, entry.name);
      if (sweep(dir)) rmSync(dir, { recursive: true });
    }
  }
}

/** The command as bin/security-policy-site.mjs runs it: asking on the terminal when there is one. */
export async function runInit(argv: string[], cwd: string): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    return await initCommand(argv, {
      cwd,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      ask: rl ? (q) => rl.question(q) : undefined,
      today: new Date().toISOString().slice(0, 10),
    });
  } finally {
    rl?.close();
  }
}
