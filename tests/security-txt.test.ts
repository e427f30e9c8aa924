import { describe, expect, it } from "vitest";
import {
  formatExpires,
  formatSecurityTxt,
  parseRfc3339,
  parseSecurityTxt,
  resolveExpires,
  securityTxtFields,
} from "../src/formats/security-txt.ts";
import { readSiteData } from "../src/data/site-data.ts";
import { checkSecurityTxt, securityTxtProblem } from "../src/rules/publish/securitytxt-invalid.ts";

/** The problems the reader finds in a security.txt, as the rule securitytxt-invalid words them. */
const readingProblems = (text: string) => parseSecurityTxt(text).problems.map((p) => securityTxtProblem(p, "the security.txt made from the data"));

const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
const CANONICAL = "https://example.org/.well-known/security.txt";

const SOURCE = {
  url: "https://example.org",
  contacts: [
    {
      email: "security@example.org",
      fingerprint: { version: 4 as const, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" },
      keyUrl: "https://example.org/security/keys/security@example.org.asc",
    },
    { email: "psirt+web@example.org", fingerprint: { version: 4 as const, hex: "8ECAFE523964AF824016F6C8116727A60111BF2D" } },
  ],
  expires: new Date("2026-09-06T00:00:00Z"),
  policyUrl: "https://example.org/security/",
  preferredLanguages: ["en", "nl"],
};

/** The file for SOURCE, as the build writes it. */
const GOOD = [
  "Contact: mailto:security@example.org",
  "Contact: mailto:psirt+web@example.org",
  "Expires: 2026-09-06T00:00:00Z",
  "Encryption: https://example.org/security/keys/security@example.org.asc",
  "Encryption: openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d",
  "Preferred-Languages: en, nl",
  "Canonical: https://example.org/.well-known/security.txt",
  "Policy: https://example.org/security/",
  "",
].join("\n");

describe("writing security.txt", () => {
  it("writes every contact as a mailto Contact in order, each key's URL or fingerprint as Encryption, the policy, and itself as Canonical", () => {
    expect(formatSecurityTxt(securityTxtFields(SOURCE))).toBe(GOOD);
  });

  it("writes Acknowledgments, Hiring and CSAF only where declared", () => {
    const text = formatSecurityTxt(
      securityTxtFields({
        ...SOURCE,
        acknowledgments: ["https://example.org/thanks"],
        hiring: ["https://example.org/jobs"],
        csaf: ["https://example.org/.well-known/csaf/provider-metadata.json"],
      }),
    );
    expect(text).toContain("\nAcknowledgments: https://example.org/thanks\n");
    expect(text).toContain("\nHiring: https://example.org/jobs\n");
    expect(text).toContain("\nCSAF: https://example.org/.well-known/csaf/provider-metadata.json\n");
    expect(GOOD).not.toMatch(/Acknowledgments|Hiring|CSAF/);
    expect(checkSecurityTxt(text, { now: NOW, canonical: CANONICAL })).toEqual([]);
  });

  it("uses LF line endings only and ends with a line break", () => {
    expect(GOOD).not.toContain("\r");
    expect(GOOD.endsWith("Policy: https://example.org/security/\n")).toBe(true);
  });

  it("refuses a value with a line break rather than write a second field", () => {
    expect(() => formatSecurityTxt({ ...securityTxtFields(SOURCE), policy: ["https://example.org/\nContact: mailto:x@evil.example"] })).toThrow(/line break/);
  });
});

describe("reading security.txt back", () => {
  it("reads each field with its line, skipping comments and blank lines", () => {
    const parsed = parseSecurityTxt(`# comment\n\n${GOOD}`);
    expect(parsed.signed).toBe(false);
    expect(parsed.problems).toEqual([]);
    expect(parsed.fields.slice(0, 3)).toEqual([
      { line: 3, name: "Contact", value: "mailto:security@example.org" },
      { line: 4, name: "Contact", value: "mailto:psirt+web@example.org" },
      { line: 5, name: "Expires", value: "2026-09-06T00:00:00Z" },
    ]);
  });

  it("reads a cleartext-signed file's signed text, dash-unescaped, at the lines of the file", () => {
    const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nContact: mailto:security@example.org\n- # dash-escaped\n-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n`;
    const parsed = parseSecurityTxt(signed);
    expect(parsed.signed).toBe(true);
    expect(parsed.problems).toEqual([]);
    expect(parsed.fields).toEqual([{ line: 4, name: "Contact", value: "mailto:security@example.org" }]);
  });

  it("reports a signed file whose signature block is cut off, and text after the signature", () => {
    expect(readingProblems("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nContact: mailto:a@example.org\n")).toMatchObject([
      { message: expect.stringMatching(/no complete signature block/) },
    ]);
    const trailing = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nContact: mailto:a@example.org\n-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\nContact: mailto:evil@example.net\n";
    expect(readingProblems(trailing)).toMatchObject([{ line: 9, message: expect.stringMatching(/follows the signature/) }]);
  });
});

describe("the RFC 9116 rules, checked on a whole file", () => {
  const check = (text: string) => checkSecurityTxt(text, { now: NOW, canonical: CANONICAL });
  const without = (name: string) => GOOD.split("\n").filter((l) => !l.startsWith(`${name}:`)).join("\n");
  const replace = (from: string, to: string) => {
    if (!GOOD.includes(from)) throw new Error(`test: ${from} is not in the file`);
    return GOOD.replace(from, to);
  };

  it("the file the build writes breaks none of them", () => {
    expect(check(GOOD)).toEqual([]);
  });

  it.each([
    ["Contact is required (section 2.5.3)", without("Contact"), 1, /no "Contact" field/],
    ["Expires is required (section 2.5.5)", without("Expires"), 1, /no "Expires" field/],
    ["Expires appears once (section 2.5.5)", `${GOOD}Expires: 2026-09-07T00:00:00Z\n`, 9, /2 "Expires" fields/],
    ["Expires is an RFC 3339 date-time", replace("2026-09-06T00:00:00Z", "2026-09-06"), 3, /not an RFC 3339 date-time/],
    ["Expires is in the future", replace("2026-09-06T00:00:00Z", "2026-03-10T11:59:59Z"), 3, /has passed/],
    ["Expires is less than a year ahead", replace("2026-09-06T00:00:00Z", "2027-03-11T12:00:00Z"), 3, /more than 365 days ahead/],
    ["web URIs are https (section 2.3)", replace("Policy: https://", "Policy: http://"), 8, /requires https:\/\//],
    ["Contact is a URI", replace("mailto:security@example.org", "security@example.org"), 1, /is not a URI/],
    ["a mailto Contact is a valid RFC 6068 URI", replace("mailto:security@example.org", "mailto:secu%ZZrity@example.org"), 1, /not a valid mailto URI/],
    ["Encryption's openpgp4fpr is a whole fingerprint", replace("openpgp4fpr:8ecafe523964af824016f6c8116727a60111bf2d", "openpgp4fpr:8ecafe52"), 5, /40 or 64 hex digits/],
    ["Preferred-Languages appears once (section 2.5.8)", `${GOOD}Preferred-Languages: fr\n`, 9, /more than one "Preferred-Languages"/],
    ["Preferred-Languages holds language tags", replace("en, nl", "en, Dutch language"), 6, /"Dutch language" .* not a language tag/],
    ["Canonical names the URL the file is served from (section 2.5.2)", replace(CANONICAL, "https://example.net/.well-known/security.txt"), 7, /no Canonical field is https:\/\/example\.org/],
    ["a field is Name, colon, space, value (section 4)", replace("Policy: https", "Policy:https"), 8, /followed by a space/],
    ["every line is a field, a comment or empty (section 4)", replace("Policy:", "Policy"), 8, /neither a field/],
    ["the last line ends with a line break", GOOD.trimEnd(), 8, /no line break/],
    ["no byte-order mark", `\uFEFF${GOOD}`, 1, /byte-order mark/],
  ])("%s", (_rule, text, line, message) => {
    const problems = check(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });

  it("what the RFC requires is an error, what it recommends a warning", () => {
    expect(check(without("Expires"))).toMatchObject([{ rule: "securitytxt-invalid", severity: "error" }]);
    expect(check(replace("2026-09-06T00:00:00Z", "2027-03-11T12:00:00Z"))).toMatchObject([{ rule: "securitytxt-recommendation", severity: "warning" }]);
  });

  it("lines end with CR LF or LF, in any mix (section 2.2, and eol in section 4)", () => {
    expect(check(GOOD.replace(/\n/g, "\r\n"))).toEqual([]);
    expect(check(GOOD.replace("\n", "\r\n"))).toEqual([]);
    expect(parseSecurityTxt("Contact: mailto:a@example.org\r\nExpires: 2026-09-06T00:00:00Z\n").fields).toEqual([
      { line: 1, name: "Contact", value: "mailto:a@example.org" },
      { line: 2, name: "Expires", value: "2026-09-06T00:00:00Z" },
    ]);
  });

  it("field names are case-insensitive, and unknown fields are ignored", () => {
    expect(check(GOOD.replace("Contact:", "CONTACT:").replace("Expires:", "expires:") + "Bug-Bounty: True\n")).toEqual([]);
  });

  it("a signed file without Canonical is a warning: the signature could be replayed elsewhere", () => {
    const body = without("Canonical");
    const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n${body}-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n`;
    expect(check(signed)).toMatchObject([{ line: 1, severity: "warning", message: expect.stringMatching(/signed but has no "Canonical"/) }]);
  });
});

describe("parseRfc3339", () => {
  it.each([
    ["2026-06-30T00:00:00Z", "2026-06-30T00:00:00.000Z"],
    ["2026-06-30t23:59:59z", "2026-06-30T23:59:59.000Z"],
    ["2026-06-30T02:00:00+02:00", "2026-06-30T00:00:00.000Z"],
    ["2026-06-29T19:30:00-04:30", "2026-06-30T00:00:00.000Z"],
    ["2028-02-29T00:00:00.25Z", "2028-02-29T00:00:00.250Z"],
  ])("reads %s", (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso);
  });

  it.each(["2026-06-30", "2026-06-30T00:00:00", "2026-06-30 00:00:00Z", "2026-02-30T00:00:00Z", "2027-02-29T00:00:00Z", "2026-06-30T24:00:00Z", "2026-13-01T00:00:00Z", "30/06/2026", ""])(
    "refuses %j",
    (text) => {
      expect(parseRfc3339(text)).toBeUndefined();
    },
  );
});

describe("resolveExpires", () => {
  it("a number of days is the start of the UTC day that many days after the build", () => {
    expect(resolveExpires({ days: 180 }, NOW)).toEqual({ expires: new Date("2026-09-06T00:00:00Z") });
    expect(formatExpires(new Date("2026-09-06T00:00:00.999Z"))).toBe("2026-09-06T00:00:00Z");
  });

  it("365 days is the most; 366 days is refused", () => {
    expect(resolveExpires({ days: 365 }, NOW).expires).toBeDefined();
    expect(resolveExpires({ days: 366 }, NOW).problem).toMatch(/more than 365 days after the build/);
    expect(resolveExpires({ days: 0 }, NOW).problem).toMatch(/whole number, 1 or more/);
  });

  it("counts days from the last review, and warns within the warning window", () => {
    expect(resolveExpires({ days: 180 }, NOW, { reviewed: "2026-01-01" })).toEqual({ expires: new Date("2026-06-30T00:00:00Z") });
    expect(resolveExpires({ days: 75 }, NOW, { reviewed: "2026-01-01", warningDays: 30 })).toEqual({
      expires: new Date("2026-03-17T00:00:00Z"),
      warning: 'security.txt expires on 2026-03-17, in 7 days: review the policy, then set "reviewed" to the day of the review (2026-03-10 if that is today)',
    });
    expect(resolveExpires({ days: 60 }, NOW, { reviewed: "2026-01-01" }).problem).toBe(
      'security.txt\'s Expires is 2026-03-02T00:00:00Z, 60 days after the last review (2026-01-01), which has passed: researchers are told not to trust a stale security.txt; review the policy, then set "reviewed" to the day of the review (2026-03-10 if that is today)',
    );
    expect(resolveExpires({ days: 180 }, NOW, { reviewed: "2026-03-11" }).problem).toMatch(/^"reviewed" is 2026-03-11, a day still to come/);
  });

  it("a fixed date in the past is refused, naming it and the moment of the build", () => {
    expect(resolveExpires({ date: new Date("2026-03-01T00:00:00Z") }, NOW).problem).toBe(
      `"expires" is 2026-03-01T00:00:00Z, which has passed (the build ran at 2026-03-10T12:00:00Z); researchers are told not to trust a stale security.txt: set "expires" to a moment within 365 days of the build, or to { "days": 180 } for half a year after "reviewed"`,
    );
  });

  it("a fixed date more than 365 days ahead is refused; one within is kept as it is", () => {
    expect(resolveExpires({ date: new Date(NOW.getTime() + 366 * DAY) }, NOW).problem).toMatch(/366 days after the build; RFC 9116 recommends less than a year/);
    const within = new Date(NOW.getTime() + 365 * DAY);
    expect(resolveExpires({ date: within }, NOW)).toEqual({ expires: within });
  });
});

describe("the site data for security.txt", () => {
  const FILE = "content/_data/security.json";
  const BASE = {
    url: "https://example.org",
    name: "Example",
    contacts: [{ email: "security@example.org", fingerprint: "7FC1 6F16 A8B3 D4C7 4BC3  3A73 E880 C9B8 C5B5 3E91" }],
  };
  // "reviewed" last, so that the lines of the fields under test are where they were before it was required.
  const read = (extra: Record<string, unknown>) => readSiteData(JSON.stringify({ ...BASE, ...extra, reviewed: "2026-11-20" }, null, 2), FILE);

  it("reads expires (a date or a number of days), preferredLanguages and the https URLs, one or a list", () => {
    const { data, findings } = read({
      expires: "2026-06-30T00:00:00+02:00",
      preferredLanguages: ["en", "nl-BE"],
      acknowledgments: "https://example.org/thanks",
      hiring: ["https://example.org/jobs", "https://jobs.example.org/security"],
      csaf: "https://example.org/.well-known/csaf/provider-metadata.json",
    });
    expect(findings).toEqual([]);
    expect(data).toMatchObject({
      expires: { date: new Date("2026-06-29T22:00:00Z") },
      preferredLanguages: ["en", "nl-BE"],
      acknowledgments: ["https://example.org/thanks"],
      hiring: ["https://example.org/jobs", "https://jobs.example.org/security"],
      csaf: ["https://example.org/.well-known/csaf/provider-metadata.json"],
    });
    expect(read({ expires: { days: 90 } }).data?.expires).toEqual({ days: 90 });
  });

  it("leaves the fields out when the data does not declare them, so security.txt uses its defaults", () => {
    const { data } = read({});
    expect(data && Object.keys(data).sort()).toEqual(["contacts", "language", "name", "reviewed", "url"]);
  });

  it("reports each bad field on its own, at its line", () => {
    const { data, findings } = read({
      expires: "2026-06-30",
      preferredLanguages: ["en", "Dutch"],
      acknowledgments: "http://example.org/thanks",
      hiring: ["https://example.org/jobs", 42],
      csaf: "https://example.org/csaf.json",
    });
    expect(data).toBeUndefined();
    expect(findings.map((f) => [f.line, f.rule, f.message])).toEqual([
      [10, "data-invalid", expect.stringMatching(/^"expires" is "2026-06-30", which is not an RFC 3339 date-time/)],
      [13, "data-invalid", expect.stringMatching(/^"preferredLanguages\[1\]" is the string "Dutch", which is not a language tag/)],
      [15, "data-invalid", expect.stringMatching(/^"acknowledgments" is "http:\/\/example\.org\/thanks", which does not use https:/)],
      [18, "data-invalid", expect.stringMatching(/^"hiring\[1\]" is the number 42; expected the https URL/)],
      [20, "data-invalid", expect.stringMatching(/^"csaf" is "https:\/\/example\.org\/csaf\.json", which is not a provider-metadata\.json/)],
    ]);
    expect(findings.every((f) => f.file === FILE)).toBe(true);
  });

  it("refuses a number of days that is not a whole number of 1 or more, at the days field", () => {
    const { findings } = read({ expires: { days: 1.5 } });
    expect(findings).toMatchObject([{ line: 11, rule: "data-invalid", message: '"expires.days" is the number 1.5; expected a whole number of days from 1 to 365 after "reviewed", e.g. 180' }]);
    expect(read({ expires: { weeks: 2 } }).findings).toMatchObject([{ rule: "data-invalid", message: expect.stringMatching(/^"expires" is an object; expected when security\.txt goes stale/) }]);
  });
});
