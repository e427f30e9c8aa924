import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initCommand, type InitIO } from "../src/build/init/init-command.ts";
import { initPlan } from "../src/build/init/plan.ts";
import { sourceVersion } from "../src/rules/translation.ts";
import { buildDir, ROOT, WORK } from "./support/fixture-site.ts";

const KEYS = path.join(ROOT, "tests/fixtures/keys");
/** The fixture key's address and fingerprint (tests/fixtures/keys/keys.json). */
const EMAIL = "security@example.org";
const KEY = JSON.parse(readFileSync(path.join(KEYS, "keys.json"), "utf8")) as Record<string, { email: string; fingerprint: { hex: string } }>;
const HEX = KEY["ed25519.asc"]!.fingerprint.hex;
const TODAY = "2026-12-05";

/** A copy of the site as the repository holds it: content/ (whatever it is), the layouts and the assets. */
function copySite(): string {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(path.join(WORK, "init-"));
  for (const folder of ["content", "_includes", "assets"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  return dir;
}

function run(dir: string, args: string[], answers?: string[]): Promise<{ code: number; stdout: string; stderr: string; asked: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const io: InitIO = {
    cwd: dir,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    today: TODAY,
    ask: answers
      ? async (q) => {
          asked.push(q);
          const answer = answers.shift();
          if (answer === undefined) throw new Error(`no answer left for ${q}`);
          return answer;
        }
      : undefined,
  };
  return initCommand(args, io).then((code) => ({ code, stdout: out.join(""), stderr: err.join(""), asked }));
}

function files(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? files(path.join(dir, e.name), rel) : [rel];
  });
}

const ACME = ["--name", "Acme Widgets", "--url", "https://acme.example/", "--contact", `${EMAIL}=${path.join(KEYS, "ed25519.asc")}`, "--yes"];

describe("init, on a copy of the site as shipped", () => {
  let dir = "";
  let oldName = "";
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = copySite();
    oldName = (JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8")) as { name: string }).name;
    result = await run(dir, ACME);
  });

  it("exits 0 and writes the site data with the project's facts, reviewed today", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8"))).toEqual({
      url: "https://acme.example",
      name: "Acme Widgets",
      language: "en",
      reviewed: TODAY,
      expires: { days: 180 },
      contacts: [{ email: EMAIL, fingerprint: HEX.replace(/(.{4})(?=.)/g, "$1 ") }],
    });
    expect(readFileSync(path.join(dir, `content/keys/${EMAIL}.asc`), "utf8")).toBe(readFileSync(path.join(KEYS, "ed25519.asc"), "utf8"));
  });

  it("leaves one language, no advisory and no key of another contact", () => {
    const left = files(path.join(dir, "content"));
    expect(left.filter((f) => f.startsWith("advisories/"))).toEqual(["advisories/advisories.11tydata.mjs"]);
    expect(left.filter((f) => f.startsWith("keys/"))).toEqual(["keys/README.md", `keys/${EMAIL}.asc`]);
    expect(left.filter((f) => /^[a-z]{2}\//.test(f)).every((f) => f.startsWith("en/"))).toBe(true);
    expect(left).toContain("en/security.md");
  });

  it("writes a policy that pairs the address with its key, and links the key on keys.openpgp.org", () => {
    const policy = readFileSync(path.join(dir, "content/en/security.md"), "utf8");
    expect(policy).toContain(`> ${EMAIL}: ${HEX.replace(/(.{4})(?=.)/g, "$1 ")} [keys.openpgp.org](https://keys.openpgp.org/search?q=${HEX})`);
    expect(policy).toContain(`[${EMAIL}](mailto:${EMAIL})`);
    expect(policy).toContain("- **Affected versions:** the versions of Acme Widgets in which you found the vulnerability");
  });

  it("prints what a person must still do: read the policy, and keep or change the review date", () => {
    expect(result.stdout).toContain("Read the policy through and make it say what your project does: content/en/security.md.");
    expect(result.stdout).toContain(`The review date is today, ${TODAY}`);
    expect(result.stdout).toMatch(/removed \d+: .*content\/advisories\/[^,]+\.md/);
    expect(result.stdout).toContain('declare the product it is about in "products" in content/_data/security.json');
  });

  it("is followed by a strict build that passes, with the old project's name nowhere in the output", async () => {
    const build = await buildDir(dir, { strict: true });
    expect(build.ok, build.lines.join("\n")).toBe(true);
    expect(build.findings).toEqual([]);
    const named = files(build.output).filter((f) => readFileSync(path.join(build.output, f), "latin1").toLowerCase().includes(oldName.toLowerCase()));
    expect(named, `${oldName} is still in these files of the output`).toEqual([]);
    expect(readFileSync(path.join(build.output, "security/index.html"), "utf8")).toContain("Acme Widgets");
    expect(readFileSync(path.join(build.output, ".well-known/security.txt"), "utf8")).toContain(`Contact: mailto:${EMAIL}`);
  });
});

describe("init in two languages", () => {
  it("writes each language's pages, the translation recording the version of its original, and the build passes strict", async () => {
    const dir = copySite();
    const result = await run(dir, [...ACME, "--language", "en", "--language", "es"]);
    expect(result.code, result.stderr).toBe(0);
    const english = readFileSync(path.join(dir, "content/en/security.md"), "utf8");
    const spanish = readFileSync(path.join(dir, "content/es/security.md"), "utf8");
    expect(spanish).toContain(`translatedFrom: ${sourceVersion(english)}`);
    expect(spanish).toContain("permalink: /es/security/");
    expect(JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8"))).toMatchObject({ language: "en", preferredLanguages: ["en", "es"] });
    const build = await buildDir(dir, { strict: true });
    expect(build.ok, build.lines.join("\n")).toBe(true);
    expect(readFileSync(path.join(build.output, "es/security/index.html"), "utf8")).toContain("Política de seguridad");
  });
});

describe("init asks when it can, and refuses what it cannot publish", () => {
  it("asks for each fact on a terminal, and confirms before it rewrites", async () => {
    const dir = copySite();
    const result = await run(dir, [], ["Acme Widgets", "https://acme.example", "", EMAIL, path.join(KEYS, "ed25519.asc"), "", "y"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.asked).toHaveLength(7);
    expect(result.asked[0]).toBe("The project's name (as the pages say it): ");
    expect(result.asked[6]).toMatch(/^This rewrites content\/ for Acme Widgets and removes \d+ file\(s\)/);
    expect(JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8"))).toMatchObject({ name: "Acme Widgets", language: "en" });
  });

  it("changes nothing when the confirmation is not yes", async () => {
    const dir = copySite();
    const before = readFileSync(path.join(dir, "content/_data/security.json"), "utf8");
    const result = await run(dir, ACME.filter((a) => a !== "--yes"), ["n"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("Nothing was changed.\n");
    expect(readFileSync(path.join(dir, "content/_data/security.json"), "utf8")).toBe(before);
  });

  const refusals: Array<[string, string[], string]> = [
    ["a missing name, with no terminal to ask on", ["--url", "https://acme.example", "--yes"], "init: init needs --name when it cannot ask (standard input is not a terminal)"],
    ["no --yes, with no terminal to confirm on", ACME.filter((a) => a !== "--yes"), "pass --yes to confirm when it cannot ask"],
    ["a site URL over http", ["--name", "Acme", "--url", "http://acme.example", "--contact", `${EMAIL}=${path.join(KEYS, "ed25519.asc")}`, "--yes"], "init: --url http://acme.example is not https"],
    ["a private key", ["--name", "Acme", "--url", "https://acme.example", "--contact", `${EMAIL}=${path.join(KEYS, "private.asc")}`, "--yes"], "holds a private key, which must never be published"],
    ["a key without the address", ["--name", "Acme", "--url", "https://acme.example", "--contact", `other@example.net=${path.join(KEYS, "ed25519.asc")}`, "--yes"], `has no user ID with other@example.net (it has ${EMAIL})`],
    ["a key file that is not there", ["--name", "Acme", "--url", "https://acme.example", "--contact", `${EMAIL}=nowhere.asc`, "--yes"], "nowhere.asc does not exist"],
    ["a language without texts", [...ACME, "--language", "xx"], "init: --language xx: init writes pages in en, es"],
    ["a name the pages would read as markup", ["--name", "{{ evil }}", "--url", "https://acme.example", "--yes"], "holds one of { } < > [ ]"],
  ];
  it.each(refusals)("refuses %s with exit 2 and a message, and writes nothing", async (_, args, message) => {
    const dir = copySite();
    const before = files(path.join(dir, "content")).map((f) => `${f}:${readFileSync(path.join(dir, "content", f), "latin1").length}`);
    const result = await run(dir, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(files(path.join(dir, "content")).map((f) => `${f}:${readFileSync(path.join(dir, "content", f), "latin1").length}`)).toEqual(before);
  });
});

describe("initPlan", () => {
  const facts = { name: "Acme: Widgets", url: "https://acme.example", languages: ["es"], contacts: [{ email: EMAIL, fingerprint: "AAAA", hex: "AAAA", armored: "key" }], today: TODAY };

  it("quotes a front matter value that YAML would misread", () => {
    const plan = initPlan(facts, [], "en");
    expect(plan.write.get("es/index.md")).toContain('title: "Seguridad de Acme: Widgets"');
  });

  it("moves the old site language's feed template to the new one's folder, and removes that language's pages of text", () => {
    const plan = initPlan(facts, ["en/security.md", "en/404.md", "en/security/advisories-feed.njk", "de/security.md", "advisories/a.md", "advisories/advisories.11tydata.mjs", "keys/old@example.org.asc", "keys/README.md"], "en");
    expect([...plan.move]).toEqual([["en/security/advisories-feed.njk", "es/security/advisories-feed.njk"]]);
    expect(plan.remove).toEqual(["en/security.md", "en/404.md", "de/security.md", "advisories/a.md", "keys/old@example.org.asc"]);
    expect([...plan.write.keys()].sort()).toEqual(
      ["_data/security.json", `keys/${EMAIL}.asc`, "es/404.md", "es/index.md", "es/security.md", "es/security/advisories.njk", "es/security/report.11tydata.mjs", "es/security/report.njk", "es/security/thanks.11tydata.mjs", "es/security/thanks.njk"].sort(),
    );
  });

  it("writes one key line per contact, each in a paragraph of its own", () => {
    const two = { ...facts, languages: ["en"], contacts: [facts.contacts[0]!, { email: "second@example.org", fingerprint: "BBBB", hex: "BBBB", armored: "key" }] };
    const policy = initPlan(two, [], undefined).write.get("en/security.md") ?? "";
    expect(policy).toContain(`> ${EMAIL}: AAAA [keys.openpgp.org](https://keys.openpgp.org/search?q=AAAA)\n>\n> second@example.org: BBBB [keys.openpgp.org](https://keys.openpgp.org/search?q=BBBB)\n`);
    expect(policy).toContain(`by email to [${EMAIL}](mailto:${EMAIL}) or [second@example.org](mailto:second@example.org).`);
  });
});
