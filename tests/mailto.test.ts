import { describe, it, expect } from "vitest";
import { formatMailto, isAddrSpec, isListCommandAddress, parseMailto } from "../src/formats/mailto.ts";
import type { Mailto } from "../src/formats/mailto.ts";
import type { Problem } from "../src/findings/finding.ts";
import { checkMailto, mailtoReason } from "../src/rules/page/mailto-invalid.ts";

/**
 * What is wrong with `href`, as the rule mailto-invalid words it, each message without the
 * `mailto link "<href>": ` that every one starts with (checked here); the first is also what
 * other rules quote.
 */
function check(href: string): { mailto?: Mailto; problems: Problem[] } {
  const { mailto, problems } = checkMailto(href);
  const link = `mailto link "${href}": `;
  for (const p of problems) expect(p.message.startsWith(link)).toBe(true);
  const reasons = problems.map((p) => ({ ...p, message: p.message.slice(link.length) }));
  expect(mailtoReason(href)).toBe(reasons[0]?.message);
  expect(parseMailto(href).problems.map((p) => [p.code, p.index])).toEqual(problems.map((p) => [p.messageId, p.index]));
  return { ...(mailto ? { mailto } : {}), problems: reasons };
}

/** The one problem `href` has; fails when it parses or has more than one. */
function onlyProblem(href: string): Problem {
  const { mailto, problems } = check(href);
  expect(mailto).toBeUndefined();
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  if (problem === undefined) throw new Error("unreachable");
  expect(problem.rule).toBe("mailto-invalid");
  expect(problem.severity).toBe("error");
  return problem;
}

/** A repeatable stream of non-negative integers (mulberry32), so a failure can be replayed. */
function randomNumbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function parsed(href: string): Mailto {
  const { mailto, problems } = parseMailto(href);
  expect(problems).toEqual([]);
  if (mailto === undefined) throw new Error(`${href} did not parse`);
  return mailto;
}

describe("the basic examples of RFC 6068 section 6.1", () => {
  it.each<[string, Mailto]>([
    ["mailto:chris@example.com", { to: ["chris@example.com"], headers: [] }],
    [
      "mailto:infobot@example.com?subject=current-issue",
      {
        to: ["infobot@example.com"],
        headers: [{ name: "subject", value: "current-issue" }],
        subject: "current-issue",
      },
    ],
    [
      "mailto:infobot@example.com?body=send%20current-issue",
      {
        to: ["infobot@example.com"],
        headers: [{ name: "body", value: "send current-issue" }],
        body: "send current-issue",
      },
    ],
    [
      "mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
      {
        to: ["infobot@example.com"],
        headers: [{ name: "body", value: "send current-issue\nsend index" }],
        body: "send current-issue\nsend index",
      },
    ],
    [
      "mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E",
      {
        to: ["list@example.org"],
        headers: [{ name: "in-reply-to", value: "<3469A91.D10AF4C@example.com>" }],
      },
    ],
    [
      "mailto:majordomo@example.com?body=subscribe%20bamboo-l",
      {
        to: ["majordomo@example.com"],
        headers: [{ name: "body", value: "subscribe bamboo-l" }],
        body: "subscribe bamboo-l",
      },
    ],
    [
      "mailto:joe@example.com?cc=bob@example.com&body=hello",
      {
        to: ["joe@example.com"],
        headers: [
          { name: "cc", value: "bob@example.com" },
          { name: "body", value: "hello" },
        ],
        body: "hello",
      },
    ],
    [
      "mailto:gorby%25kremvax@example.com",
      { to: ["gorby%kremvax@example.com"], headers: [] },
    ],
    [
      "mailto:unlikely%3Faddress@example.com?blat=foop",
      { to: ["unlikely?address@example.com"], headers: [{ name: "blat", value: "foop" }] },
    ],
    [
      // The href of <a href="mailto:joe@an.example?cc=bob@an.example&amp;body=hello"> once HTML is decoded.
      "mailto:joe@an.example?cc=bob@an.example&body=hello",
      {
        to: ["joe@an.example"],
        headers: [
          { name: "cc", value: "bob@an.example" },
          { name: "body", value: "hello" },
        ],
        body: "hello",
      },
    ],
    ["mailto:Mike%26family@example.org", { to: ["Mike&family@example.org"], headers: [] }],
  ])("%s is read exactly", (href, expected) => {
    expect(parseMailto(href)).toStrictEqual({ mailto: expected, problems: [] });
  });

  it("the example the RFC marks WRONG, with a second \"?\", is one error at that \"?\"", () => {
    expect(onlyProblem("mailto:joe@example.com?cc=bob@example.com?body=hello")).toEqual({
      rule: "mailto-invalid",
      messageId: "secondQuestionMark",
      severity: "error",
      message:
        'second "?" at column 42 in mailto link; separate header fields with "&", and write a "?" that belongs to a value as %3F',
      index: 41,
    });
  });

  it("the three equivalent ways of section 2 to name two recipients give the same recipients", () => {
    const expected = ["addr1@an.example", "addr2@an.example"];
    expect(parsed("mailto:addr1@an.example,addr2@an.example").to).toEqual(expected);
    expect(parsed("mailto:?to=addr1@an.example,addr2@an.example").to).toEqual(expected);
    expect(parsed("mailto:addr1@an.example?to=addr2@an.example").to).toEqual(expected);
  });
});

describe("the complicated addresses of RFC 6068 section 6.2", () => {
  it.each([
    ["mailto:%22not%40me%22@example.org", '"not@me"@example.org'],
    ["mailto:%22oh%5C%5Cno%22@example.org", '"oh\\\\no"@example.org'],
    [
      "mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org",
      '"\\\\\\"it\'s\\ ugly\\\\\\""@example.org',
    ],
  ])("%s is the address %s", (href, address) => {
    expect(parseMailto(href)).toStrictEqual({ mailto: { to: [address], headers: [] }, problems: [] });
  });
});

describe("the UTF-8 examples of RFC 6068 section 6.3", () => {
  it("a percent-encoded UTF-8 subject is decoded", () => {
    expect(parsed("mailto:user@example.org?subject=caf%C3%A9")).toStrictEqual({
      to: ["user@example.org"],
      headers: [{ name: "subject", value: "café" }],
      subject: "café",
    });
  });

  it("MIME encoded words are percent-decoded but left as written", () => {
    expect(parsed("mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D").subject).toBe(
      "=?utf-8?Q?caf=C3=A9?=",
    );
    expect(parsed("mailto:user@example.org?subject=%3D%3Fiso-8859-1%3FQ%3Fcaf%3DE9%3F%3D").subject).toBe(
      "=?iso-8859-1?Q?caf=E9?=",
    );
  });

  it("a subject and a body with the same UTF-8 value are both decoded", () => {
    expect(parsed("mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9")).toStrictEqual({
      to: ["user@example.org"],
      headers: [
        { name: "subject", value: "café" },
        { name: "body", value: "café" },
      ],
      subject: "café",
      body: "café",
    });
  });

  it("a percent-encoded internationalized domain is decoded, not converted to punycode", () => {
    expect(parsed("mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO")).toStrictEqual({
      to: ["user@納豆.example.org"],
      headers: [
        { name: "subject", value: "Test" },
        { name: "body", value: "NATTO" },
      ],
      subject: "Test",
      body: "NATTO",
    });
  });
});

describe("reading a mailto link", () => {
  it("the scheme is case-insensitive", () => {
    expect(parsed("MailTo:security@example.org").to).toEqual(["security@example.org"]);
  });

  it("header field names are case-insensitive and lower-cased", () => {
    expect(parsed("mailto:a@example.org?SUBJECT=Hi&Body=x&To=b@example.org")).toStrictEqual({
      to: ["a@example.org", "b@example.org"],
      headers: [
        { name: "subject", value: "Hi" },
        { name: "body", value: "x" },
        { name: "to", value: "b@example.org" },
      ],
      subject: "Hi",
      body: "x",
    });
  });

  it("the first subject and the first body are the ones given as subject and body", () => {
    const mailto = parsed("mailto:a@example.org?subject=one&body=first&subject=two&body=second");
    expect([mailto.subject, mailto.body]).toEqual(["one", "first"]);
    expect(mailto.headers.map((h) => h.value)).toEqual(["one", "first", "two", "second"]);
  });

  it("an empty path is allowed when a to field names the recipient", () => {
    expect(parsed("mailto:?to=security@example.org")).toStrictEqual({
      to: ["security@example.org"],
      headers: [{ name: "to", value: "security@example.org" }],
    });
  });

  it("every line break in a body is read as \\n, however it was encoded", () => {
    expect(parsed("mailto:a@example.org?body=1%0D%0A2%0A3%0D4%0D%0A%0D%0A5").body).toBe("1\n2\n3\n4\n\n5");
  });

  it("line breaks in other header fields are kept as they were encoded", () => {
    expect(parsed("mailto:a@example.org?subject=1%0D%0A2").subject).toBe("1\r\n2");
  });

  it("an empty header value is an empty string", () => {
    expect(parsed("mailto:a@example.org?subject=").subject).toBe("");
  });

  it("percent escapes may use lower-case hex digits", () => {
    expect(parsed("mailto:a@example.org?subject=caf%c3%a9").subject).toBe("café");
  });

  it("some-delims may appear raw in header values", () => {
    expect(parsed("mailto:a@example.org?subject=!$'()*+,;:@").subject).toBe("!$'()*+,;:@");
  });

  it("a plus sign is a plus sign, not a space", () => {
    expect(parsed("mailto:bill+ietf@example.org?subject=a+b")).toMatchObject({
      to: ["bill+ietf@example.org"],
      subject: "a+b",
    });
  });

  it("a quoted local part may hold a comma, an at sign and spaces when they are percent-encoded", () => {
    expect(parsed("mailto:%22doe%2C%20john%40home%22@example.org").to).toEqual(['"doe, john@home"@example.org']);
  });

  it("a domain literal is accepted", () => {
    expect(parsed("mailto:postmaster@%5B192.0.2.1%5D").to).toEqual(["postmaster@[192.0.2.1]"]);
  });
});

describe("links that are not mailto links", () => {
  it("an https link is not a mailto link", () => {
    expect(onlyProblem("https://example.org/security")).toEqual({
      rule: "mailto-invalid",
      messageId: "notMailto",
      severity: "error",
      message:
        '"https://example.org/security" is not a mailto link; write "mailto:" followed by the address, e.g. mailto:security@example.org',
      index: 0,
    });
  });

  it("a scheme without its colon is not a mailto link", () => {
    expect(onlyProblem("mailto").message).toBe(
      '"mailto" is not a mailto link; write "mailto:" followed by the address, e.g. mailto:security@example.org',
    );
  });

  it("a long href is shortened in the message", () => {
    const problem = onlyProblem(`https://example.org/${"a".repeat(100)}`);
    expect(problem.message).toBe(
      `"https://example.org/${"a".repeat(20)}…" is not a mailto link; write "mailto:" followed by the address, e.g. mailto:security@example.org`,
    );
  });

  it("whitespace before the scheme is an error", () => {
    expect(onlyProblem("  mailto:security@example.org")).toMatchObject({
      message: 'mailto link starts with whitespace; remove it so the link begins with "mailto:"',
      index: 0,
    });
  });

  it('"//" after the scheme is one error', () => {
    expect(onlyProblem("mailto://security@example.org")).toMatchObject({
      message:
        'mailto link has "//" after "mailto:"; write the address right after the colon, e.g. mailto:security@example.org',
      index: 7,
    });
  });
});

describe("raw characters the grammar does not allow", () => {
  it("a raw space in a mailto link is an error", () => {
    expect(onlyProblem("mailto:security@example.org?subject=Hello world")).toEqual({
      rule: "mailto-invalid",
      messageId: "rawCharacter",
      severity: "error",
      message: "raw space at column 42 in mailto link; write it as %20",
      index: 41,
    });
  });

  it("a raw space in an address is an error at the space", () => {
    expect(onlyProblem("mailto:security @example.org")).toMatchObject({
      message: "raw space at column 16 in mailto link; write it as %20",
      index: 15,
    });
  });

  it.each([
    ['"', 'double quote (")', "%22"],
    ["<", '"<"', "%3C"],
    [">", '">"', "%3E"],
    ["\\", '"\\"', "%5C"],
    ["^", '"^"', "%5E"],
    ["`", '"`"', "%60"],
    ["{", '"{"', "%7B"],
    ["|", '"|"', "%7C"],
    ["}", '"}"', "%7D"],
    ["[", '"["', "%5B"],
    ["/", '"/"', "%2F"],
  ])("a raw %s in a header value is an error", (raw, described, escaped) => {
    expect(onlyProblem(`mailto:security@example.org?subject=a${raw}b`)).toMatchObject({
      message: `raw ${described} at column 38 in mailto link; write it as ${escaped}`,
      index: 37,
    });
  });

  it.each([
    ["&", "%26"],
    [";", "%3B"],
    ["=", "%3D"],
    ["/", "%2F"],
  ])("a raw %s in an address is an error", (raw, escaped) => {
    expect(onlyProblem(`mailto:Mike${raw}family@example.org`)).toMatchObject({
      message: `raw "${raw}" at column 12 in mailto link; write it as ${escaped}`,
      index: 11,
    });
  });

  it("a raw = in a header value is an error", () => {
    expect(onlyProblem("mailto:a@example.org?subject=1+1=2")).toMatchObject({
      message: 'raw "=" at column 33 in mailto link; write it as %3D',
      index: 32,
    });
  });

  it("every raw character is reported, in order", () => {
    const { mailto, problems } = check("mailto:a@example.org?body=see https://example.org");
    expect(mailto).toBeUndefined();
    expect(problems.map((p) => [p.index, p.message])).toEqual([
      [29, "raw space at column 30 in mailto link; write it as %20"],
      [36, 'raw "/" at column 37 in mailto link; write it as %2F'],
      [37, 'raw "/" at column 38 in mailto link; write it as %2F'],
    ]);
  });

  it("a raw non-ASCII character is an error that spells its UTF-8 escape", () => {
    expect(onlyProblem("mailto:security@example.org?subject=café")).toMatchObject({
      message: 'raw non-ASCII character "é" at column 40 in mailto link; write it as %C3%A9',
      index: 39,
    });
    expect(onlyProblem("mailto:security@example.org?subject=🔒")).toMatchObject({
      message: 'raw non-ASCII character "🔒" at column 37 in mailto link; write it as %F0%9F%94%92',
      index: 36,
    });
  });

  it("a raw line break is an error that says how a body line break is written", () => {
    expect(onlyProblem("mailto:a@example.org?body=a\nb")).toMatchObject({
      message:
        "raw control character U+000A at column 28 in mailto link; write it as %0A (a line break in a body is written %0D%0A)",
      index: 27,
    });
  });

  it("raw tab and delete characters are errors", () => {
    expect(onlyProblem("mailto:a@example.org?subject=a\tb").message).toBe(
      "raw control character U+0009 at column 31 in mailto link; write it as %09",
    );
    expect(onlyProblem("mailto:a@example.org?subject=a\u007fb").message).toBe(
      "raw control character U+007F at column 31 in mailto link; write it as %7F",
    );
  });

  it("an unpaired surrogate is an error", () => {
    expect(onlyProblem("mailto:a\uD800@example.org")).toMatchObject({
      message: "unpaired surrogate U+D800 at column 9 in mailto link is not a character; remove it",
      index: 8,
    });
  });

  it("a second raw ? inside a value is an error", () => {
    expect(onlyProblem("mailto:a@example.org?subject=Why?")).toMatchObject({
      message:
        'second "?" at column 33 in mailto link; separate header fields with "&", and write a "?" that belongs to a value as %3F',
      index: 32,
    });
  });

  it("a fragment is an error", () => {
    expect(onlyProblem("mailto:security@example.org#contact")).toEqual({
      rule: "mailto-invalid",
      messageId: "fragment",
      severity: "error",
      message:
        '"#" at column 28 starts a fragment, which means nothing in a mailto link; write it as %23 if it belongs to an address or value, otherwise remove it and what follows',
      index: 27,
    });
  });

  it("a # inside a header value is reported as a fragment", () => {
    expect(onlyProblem("mailto:security@example.org?subject=Bug#1").index).toBe(39);
  });
});

describe("percent escapes", () => {
  it("a % not followed by two hex digits is an error", () => {
    expect(onlyProblem("mailto:a@example.org?subject=%G1")).toEqual({
      rule: "mailto-invalid",
      messageId: "badEscape",
      severity: "error",
      message: '"%G1" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)',
      index: 29,
    });
  });

  it("a cut-short escape at the end of the link is an error", () => {
    expect(onlyProblem("mailto:a@example.org?subject=%4")).toMatchObject({
      message: '"%4" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)',
      index: 29,
    });
    expect(onlyProblem("mailto:a@example.org?subject=100%").message).toContain(
      '"%" is not a valid percent escape; use % followed by two hex digits',
    );
  });

  it("a raw % in an address is an error", () => {
    expect(onlyProblem("mailto:gorby%kremvax@example.com")).toMatchObject({
      message: '"%kr" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)',
      index: 12,
    });
  });

  it("a Latin-1 escape is not UTF-8", () => {
    expect(onlyProblem("mailto:a@example.org?subject=caf%E9")).toEqual({
      rule: "mailto-invalid",
      messageId: "notUtf8",
      severity: "error",
      message:
        '"%E9" at column 33 is not UTF-8; percent escapes must spell the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)',
      index: 32,
    });
  });

  it.each([
    ["%C3%28", '"%C3%28"'],
    ["%C3x", '"%C3"'],
    ["%C0%AF", '"%C0"'],
    ["%ED%A0%80", '"%ED%A0"'],
    ["%F4%90%80%80", '"%F4%90"'],
    ["%E2%82", '"%E2%82"'],
    ["%80", '"%80"'],
  ])("the bytes %s are not UTF-8", (escapes, shown) => {
    expect(onlyProblem(`mailto:a@example.org?subject=${escapes}`)).toMatchObject({
      message: `${shown} at column 30 is not UTF-8; percent escapes must spell the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)`,
      index: 29,
    });
  });

  it("a four-byte UTF-8 escape decodes", () => {
    expect(parsed("mailto:a@example.org?subject=%F0%9F%94%92").subject).toBe("🔒");
  });
});

describe("addresses", () => {
  it("an address with two @ is an error at the second", () => {
    const problem = onlyProblem("mailto:a@b@example.org");
    expect(problem.message).toBe(
      '"a@b@example.org" is not an email address: it has two "@"; keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org',
    );
    expect(problem.index).toBe(10);
  });

  it("an encoded @ still counts as an @ outside quotes", () => {
    expect(onlyProblem("mailto:a%40b@example.org")).toMatchObject({
      message: expect.stringContaining('"a@b@example.org" is not an email address: it has two "@"'),
      index: 12,
    });
  });

  it("an address with three @ says so", () => {
    expect(onlyProblem("mailto:a@b@c@example.org").message).toContain('it has three "@"');
  });

  it.each<[string, string, number]>([
    ["mailto:security.example.org", 'it has no "@"; write it as mailbox@domain, e.g. security@example.org', 7],
    [
      "mailto:@example.org",
      'it has nothing before the "@"; write the mailbox name before the "@", e.g. security@example.org',
      7,
    ],
    [
      "mailto:security@",
      'it has nothing after the "@"; write the domain after the "@", e.g. security@example.org',
      15,
    ],
    ["mailto:.a@example.org", 'the part before "@" starts with "."; remove that "."', 7],
    ["mailto:a.@example.org", 'the part before "@" ends with "."; remove that "."', 8],
    ["mailto:a..b@example.org", 'the part before "@" has an empty label (".."); remove the extra "."', 9],
    ["mailto:a@.example.org", 'its domain starts with "."; remove that "."', 9],
    ["mailto:a@example.org.", 'its domain ends with "."; remove that "."', 20],
    ["mailto:a@example..org", 'its domain has an empty label (".."); remove the extra "."', 17],
    [
      "mailto:a(b)@example.org",
      '"(" is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
      8,
    ],
    [
      "mailto:a%2Cb@example.org",
      '"," is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
      8,
    ],
    [
      "mailto:a@exa(mple.org",
      '"(" is not allowed in its domain; remove it; a domain is dot-separated labels, e.g. example.org',
      12,
    ],
    [
      "mailto:%22a@example.org",
      'its opening double quote is never closed; end the quoted part with a double quote (%22 in the link) before the "@"',
      7,
    ],
    [
      "mailto:%22a%22b@example.org",
      'it has "b" after the closing double quote; put the "@" right after the closing quote',
      14,
    ],
    [
      "mailto:%22a%0Ab%22@example.org",
      "control character U+000A cannot appear inside quotes; remove it",
      11,
    ],
    [
      "mailto:a@%5B192.0.2.1",
      'the "[" of its domain is never closed; end the domain with "]" (%5D in the link)',
      9,
    ],
    [
      "mailto:a@%5B192.0.2.1%5Dx",
      'it has text after the "]" of its domain; remove it',
      24,
    ],
  ])("%s is not an email address", (href, reason, index) => {
    const problem = onlyProblem(href);
    expect(problem.message).toMatch(/^".*" is not an email address: /);
    expect(problem.message.slice(problem.message.indexOf(": ") + 2)).toBe(reason);
    expect(problem.index).toBe(index);
  });

  it("the address in the message is the decoded one", () => {
    expect(onlyProblem("mailto:security%20@example.org").message).toBe(
      '"security @example.org" is not an email address: a space is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
    );
  });

  it("an address in a to field is checked like one in the path", () => {
    expect(onlyProblem("mailto:?to=a@b@example.org")).toMatchObject({
      message: expect.stringContaining('"a@b@example.org" is not an email address: it has two "@"'),
      index: 14,
    });
  });

  it("each address of a comma-separated list is checked", () => {
    const { problems } = check("mailto:a@example.org,b,c@example.org?to=d@example.org,e");
    expect(problems.map((p) => [p.index, p.message.slice(0, p.message.indexOf(";"))])).toEqual([
      [21, '"b" is not an email address: it has no "@"'],
      [54, '"e" is not an email address: it has no "@"'],
    ]);
  });

  it("an empty address between commas is an error at the extra comma", () => {
    expect(onlyProblem("mailto:a@example.org,,b@example.org")).toMatchObject({
      message: 'empty address at column 22 in mailto link; remove the extra ","',
      index: 21,
    });
    expect(onlyProblem("mailto:a@example.org,")).toMatchObject({
      message: 'empty address at column 21 in mailto link; remove the extra ","',
      index: 20,
    });
    expect(onlyProblem("mailto:,a@example.org").index).toBe(7);
  });

  it("an empty to field is an error", () => {
    expect(onlyProblem("mailto:a@example.org?to=")).toMatchObject({
      message: 'empty "to" header field at column 22; put an address after "to=" or remove the field',
      index: 21,
    });
  });

  it("a link with no address at all is an error", () => {
    for (const href of ["mailto:", "mailto:?subject=Hello", "MAILTO:?cc=bob@example.org"]) {
      expect(onlyProblem(href)).toEqual({
        rule: "mailto-invalid",
        messageId: "noAddress",
        severity: "error",
        message: 'mailto link has no address; write one after "mailto:", e.g. mailto:security@example.org',
        index: 7,
      });
    }
  });

  it("a broken address is not also reported as a missing address", () => {
    expect(onlyProblem("mailto:?to=a b@example.org").message).toBe(
      "raw space at column 13 in mailto link; write it as %20",
    );
  });
});

describe("header fields", () => {
  it("a header field without = is an error", () => {
    expect(onlyProblem("mailto:a@example.org?subject")).toEqual({
      rule: "mailto-invalid",
      messageId: "fieldWithoutEquals",
      severity: "error",
      message: 'header field "subject" at column 22 has no "="; write it as name=value, e.g. subject=value',
      index: 21,
    });
  });

  it("a header field with an empty name is an error", () => {
    expect(onlyProblem("mailto:a@example.org?=Hello")).toMatchObject({
      message: 'header field at column 22 has no name before "="; write it as name=value, e.g. subject=Hello',
      index: 21,
    });
  });

  it("two & in a row is an error at the extra one", () => {
    expect(onlyProblem("mailto:a@example.org?subject=a&&body=b")).toMatchObject({
      message: 'extra "&" at column 32 in mailto link leaves an empty header field; remove it',
      index: 31,
    });
  });

  it("a ? with nothing after it is an error", () => {
    expect(onlyProblem("mailto:a@example.org?")).toMatchObject({
      message: 'extra "?" at column 21 in mailto link leaves an empty header field; remove it',
      index: 20,
    });
  });

  it("a header field name must be printable ASCII without a colon", () => {
    expect(onlyProblem("mailto:a@example.org?x%3Ay=1")).toMatchObject({
      message:
        'header field name "x:y" at column 23 contains ":"; header field names are printable ASCII without spaces or ":", e.g. subject',
      index: 22,
    });
    expect(onlyProblem("mailto:a@example.org?sub%20ject=1").message).toContain('"sub ject" at column 25 contains a space');
  });
});

describe("formatMailto", () => {
  it.each([
    ["chris@example.com", "mailto:chris@example.com"],
    ["gorby%kremvax@example.com", "mailto:gorby%25kremvax@example.com"],
    ["unlikely?address@example.com", "mailto:unlikely%3Faddress@example.com"],
    ["Mike&family@example.org", "mailto:Mike%26family@example.org"],
    ['"not@me"@example.org', "mailto:%22not%40me%22@example.org"],
    ['"oh\\\\no"@example.org', "mailto:%22oh%5C%5Cno%22@example.org"],
    [
      '"\\\\\\"it\'s\\ ugly\\\\\\""@example.org',
      "mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org",
    ],
    ["bill+ietf@example.org", "mailto:bill+ietf@example.org"],
    ['"a,b"@example.org', "mailto:%22a%2Cb%22@example.org"],
    ["postmaster@[192.0.2.1]", "mailto:postmaster@%5B192.0.2.1%5D"],
  ])("the address %s is written as the RFC writes it", (address, href) => {
    expect(formatMailto({ to: [address] })).toBe(href);
    expect(parseMailto(href).mailto?.to).toEqual([address]);
  });

  it("writes the UTF-8 examples of section 6.3", () => {
    expect(formatMailto({ to: ["user@example.org"], subject: "café", body: "café" })).toBe(
      "mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9",
    );
    expect(formatMailto({ to: ["user@納豆.example.org"], subject: "Test", body: "NATTO" })).toBe(
      "mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO",
    );
  });

  it("writes several recipients and other header fields as section 6.1 does", () => {
    expect(
      formatMailto({
        to: ["joe@example.com"],
        headers: [{ name: "cc", value: "bob@example.com" }],
        body: "hello",
      }),
    ).toBe("mailto:joe@example.com?cc=bob@example.com&body=hello");
    expect(formatMailto({ to: ["addr1@an.example", "addr2@an.example"] })).toBe(
      "mailto:addr1@an.example,addr2@an.example",
    );
  });

  it("encodes spaces as %20, never +, and a + as %2B in values", () => {
    expect(formatMailto({ to: ["a@example.org"], subject: "1 + 1" })).toBe("mailto:a@example.org?subject=1%20%2B%201");
  });

  it("encodes the delimiters &, =, ?, #, % and ; in values", () => {
    expect(formatMailto({ to: ["a@example.org"], subject: "a&b=c?d#e%f;g" })).toBe(
      "mailto:a@example.org?subject=a%26b%3Dc%3Fd%23e%25f%3Bg",
    );
  });

  it("leaves the other some-delims raw in values", () => {
    expect(formatMailto({ to: ["a@example.org"], subject: "!$'()*,:@" })).toBe(
      "mailto:a@example.org?subject=!$'()*,:@",
    );
  });

  it("writes every line break in a body as %0D%0A", () => {
    expect(formatMailto({ to: ["a@example.org"], body: "1\n2\r\n3\r4" })).toBe(
      "mailto:a@example.org?body=1%0D%0A2%0D%0A3%0D%0A4",
    );
  });

  it("a multi-line body with spaces, delimiters and non-ASCII survives a round trip", () => {
    const message = {
      to: ["security@example.org", '"not@me"@example.org'],
      subject: "Vulnerability report: 100% sure? a=b & c",
      body: "Hello team,\n\nIn /login?next=a&b=c the % sign… breaks.\nSteps: 1 + 1 = 2 #3\nMerci, Zoë 🔒\n",
    };
    const href = formatMailto(message);
    expect(href).toBe(
      "mailto:security@example.org,%22not%40me%22@example.org" +
        "?subject=Vulnerability%20report:%20100%25%20sure%3F%20a%3Db%20%26%20c" +
        "&body=Hello%20team,%0D%0A%0D%0AIn%20%2Flogin%3Fnext%3Da%26b%3Dc%20the%20%25%20sign%E2%80%A6%20breaks." +
        "%0D%0ASteps:%201%20%2B%201%20%3D%202%20%233%0D%0AMerci,%20Zo%C3%AB%20%F0%9F%94%92%0D%0A",
    );
    expect(parseMailto(href)).toStrictEqual({
      mailto: {
        to: message.to,
        headers: [
          { name: "subject", value: message.subject },
          { name: "body", value: message.body },
        ],
        subject: message.subject,
        body: message.body,
      },
      problems: [],
    });
  });

  it("its output holds no raw space, line break or other character that needs escaping", () => {
    const href = formatMailto({
      to: ['"john doe"@example.org'],
      subject: " \t\r\n\"<>\\^`{|}[]/ é",
      body: "a b\r\nc\nd\re\u0000",
      headers: [{ name: "X-Note", value: "x y\nz" }],
    });
    expect(href).not.toMatch(/[\s"<>\\^`{|}[\]#\u0000-\u001f\u007f-\uffff]/);
    expect(parseMailto(href).problems).toEqual([]);
  });

  it("round-trips subjects and bodies built from the awkward characters", () => {
    const alphabet = ["a", " ", "&", "=", "?", "#", "%", "+", ",", ";", "/", "@", '"', "é", "🔒", "\n", "%20", "\t"];
    const next = randomNumbers(7);
    for (let n = 0; n < 300; n += 1) {
      let subject = "";
      let body = "";
      for (let k = next() % 12; k > 0; k -= 1) subject += alphabet[next() % alphabet.length];
      for (let k = next() % 12; k > 0; k -= 1) body += alphabet[next() % alphabet.length];
      const back = parseMailto(formatMailto({ to: ["a@example.org"], subject, body })).mailto;
      expect(back).toMatchObject({ to: ["a@example.org"], subject, body });
    }
  });

  it("a body with CRLF comes back with \\n", () => {
    expect(parseMailto(formatMailto({ to: ["a@example.org"], body: "1\r\n2" })).mailto?.body).toBe("1\n2");
  });

  it("keeps the case of other header names", () => {
    expect(formatMailto({ to: ["a@example.org"], headers: [{ name: "In-Reply-To", value: "<1@example.org>" }] })).toBe(
      "mailto:a@example.org?In-Reply-To=%3C1@example.org%3E",
    );
  });

  it("formatting a parsed link moves to fields into the path and loses nothing else", () => {
    const { mailto } = parseMailto(
      "mailto:a@example.org?To=b@example.org&subject=Hi&cc=c@example.org&body=x%0D%0Ay&subject=Again",
    );
    if (mailto === undefined) throw new Error("did not parse");
    const href = formatMailto(mailto);
    expect(href).toBe("mailto:a@example.org,b@example.org?subject=Hi&cc=c@example.org&subject=Again&body=x%0D%0Ay");
    expect(parseMailto(href).mailto).toMatchObject({ to: mailto.to, subject: "Hi", body: "x\ny" });
  });

  it("a body header beyond the body comes after it, so the body still reads first", () => {
    const href = formatMailto({ to: ["a@example.org"], body: "first", headers: [{ name: "body", value: "second" }] });
    expect(href).toBe("mailto:a@example.org?body=first&body=second");
    expect(parseMailto(href).mailto?.body).toBe("first");
  });

  it("refuses an address that is not an email address", () => {
    expect(() => formatMailto({ to: ["a@b@example.org"] })).toThrow(
      'formatMailto: "a@b@example.org" in `to` is not an email address: it has two "@"',
    );
  });

  it("refuses a link without a recipient", () => {
    expect(() => formatMailto({ to: [], subject: "Hi" })).toThrow(
      'formatMailto: `to` is empty; a mailto link needs at least one address, e.g. ["security@example.org"]',
    );
  });

  it("refuses a to header naming someone missing from to", () => {
    expect(() => formatMailto({ to: ["a@example.org"], headers: [{ name: "to", value: "b@example.org" }] })).toThrow(
      'formatMailto: header "to" lists "b@example.org", which is not in `to`; put every recipient in `to`',
    );
  });

  it("refuses a header name that is not a header name", () => {
    expect(() => formatMailto({ to: ["a@example.org"], headers: [{ name: "x y", value: "1" }] })).toThrow(
      'formatMailto: header name "x y" contains a space',
    );
  });

  it("refuses text with an unpaired surrogate, which has no UTF-8 form", () => {
    expect(() => formatMailto({ to: ["a@example.org"], subject: "a\uD800" })).toThrow(
      "contains unpaired surrogate U+D800, which has no UTF-8 form",
    );
  });
});

describe("isAddrSpec", () => {
  it.each([
    "security@example.org",
    "a.b-c+d@sub.example.org",
    "!#$%&'*+-/=?^_`{|}~@example.org",
    '"not@me"@example.org',
    '"john doe"@example.org',
    '""@example.org',
    "user@納豆.example.org",
    "josé@example.org",
    "postmaster@[192.0.2.1]",
    "a@localhost",
  ])("%s is an address", (address) => {
    expect(isAddrSpec(address)).toBe(true);
  });

  it.each([
    "",
    "security",
    "@example.org",
    "security@",
    "a@b@example.org",
    "a..b@example.org",
    ".a@example.org",
    "a.@example.org",
    "a@example..org",
    "a@.example.org",
    "a@example.org.",
    "a b@example.org",
    "a(comment)@example.org",
    "Security <security@example.org>",
    '"unclosed@example.org',
    '"a"b@example.org',
    '"a\u0000"@example.org',
    "a\u0085@example.org",
    "a\uD800@example.org",
    "a@[1.2.3.4",
    "a@[1.2[3]",
    "a@ex ample.org",
  ])("%j is not an address", (address) => {
    expect(isAddrSpec(address)).toBe(false);
  });
});

describe("isAddrSpec at the edges of each character range (RFC 5322 section 3.2.3, 3.2.4, 3.4.1; RFC 6532 section 3.2)", () => {
  // Each character between "a" and "b" in a dot-atom local part, in a quoted local part, in a
  // domain literal and in the domain: atext, qtext (with space), dtext, atext.
  it.each([
    [0x1f, false, false, false, false],
    [0x20, false, true, false, false],
    [0x21, true, true, true, true],
    [0x22, false, false, true, false],
    [0x2f, true, true, true, true],
    [0x30, true, true, true, true],
    [0x39, true, true, true, true],
    [0x3a, false, true, true, false],
    [0x40, false, true, true, false],
    [0x41, true, true, true, true],
    [0x5a, true, true, true, true],
    [0x5b, false, true, false, false],
    [0x5c, false, true, false, false],
    [0x5d, false, true, false, false],
    [0x5e, true, true, true, true],
    [0x60, true, true, true, true],
    [0x61, true, true, true, true],
    [0x7a, true, true, true, true],
    [0x7b, true, true, true, true],
    [0x7e, true, true, true, true],
    [0x7f, false, false, false, false],
    [0x9f, false, false, false, false],
    [0xa0, true, true, false, true],
    [0xd800, false, false, false, false],
    [0xdfff, false, false, false, false],
    [0xe000, true, true, false, true],
    [0x1f600, true, true, false, true],
  ])("U+%s: dot-atom %s, quoted %s, domain literal %s, domain %s", (cp, dotAtom, quoted, literal, domain) => {
    const c = String.fromCodePoint(cp);
    expect(isAddrSpec(`a${c}b@example.org`)).toBe(dotAtom);
    expect(isAddrSpec(`"a${c}b"@example.org`)).toBe(quoted);
    expect(isAddrSpec(`ab@[1${c}2]`)).toBe(literal);
    expect(isAddrSpec(`ab@ex${c}ample.org`)).toBe(domain);
  });

  it("reads a quoted pair as one character, and a character beyond U+FFFF as one", () => {
    expect(isAddrSpec('"a\\"b"@example.org')).toBe(true);
    expect(isAddrSpec('"a\\\\"@example.org')).toBe(true);
    expect(isAddrSpec('"ab\\"@example.org')).toBe(false);
    expect(isAddrSpec('"😀"@example.org')).toBe(true);
    expect(isAddrSpec('"😀\u0001"@example.org')).toBe(false);
    expect(isAddrSpec("😀\u0001@example.org")).toBe(false);
    expect(isAddrSpec("ab@[😀]")).toBe(false);
  });
});

describe("raw characters in a header value, at the edges of each range", () => {
  it.each([
    [0x1f, { code: "rawCharacter", values: { character: "control character U+001F", column: 38, escaped: "%1F" }, index: 37 }],
    [0x20, { code: "rawCharacter", values: { character: "space", column: 38, escaped: "%20" }, index: 37 }],
    [0x22, { code: "rawCharacter", values: { character: 'double quote (")', column: 38, escaped: "%22" }, index: 37 }],
    [0x7f, { code: "rawCharacter", values: { character: "control character U+007F", column: 38, escaped: "%7F" }, index: 37 }],
    [0x9f, { code: "rawCharacter", values: { character: "control character U+009F", column: 38, escaped: "%C2%9F" }, index: 37 }],
    [0xa0, { code: "rawCharacter", values: { character: 'non-ASCII character "\u00a0"', column: 38, escaped: "%C2%A0" }, index: 37 }],
    [0xd800, { code: "unpairedSurrogate", values: { codePoint: "U+D800", column: 38 }, index: 37 }],
    [0xdfff, { code: "unpairedSurrogate", values: { codePoint: "U+DFFF", column: 38 }, index: 37 }],
    [0xe000, { code: "rawCharacter", values: { character: 'non-ASCII character "\ue000"', column: 38, escaped: "%EE%80%80" }, index: 37 }],
    [0x1f600, { code: "rawCharacter", values: { character: 'non-ASCII character "😀"', column: 38, escaped: "%F0%9F%98%80" }, index: 37 }],
    [0x0a, { code: "rawLineBreak", values: { codePoint: "U+000A", column: 38, escaped: "%0A" }, index: 37 }],
    [0x0d, { code: "rawLineBreak", values: { codePoint: "U+000D", column: 38, escaped: "%0D" }, index: 37 }],
  ])("U+%s", (cp, problem) => {
    expect(parseMailto(`mailto:security@example.org?subject=a${String.fromCodePoint(cp)}b`).problems).toEqual([problem]);
  });

  it("takes the unreserved characters and RFC 6068's some-delims as they are, and no other", () => {
    expect(parseMailto("mailto:security@example.org?subject=AZaz09-._~!$'()*+,;:@").problems).toEqual([]);
    // Not in qchar (RFC 6068 section 2): "/", and the "[" and "]" of RFC 3986's gen-delims.
    for (const ch of ["/", "[", "]", "`", "{", "|", "}", "^", "<", ">", "\\"]) {
      expect(parseMailto(`mailto:security@example.org?subject=${ch}`).problems.map((p) => p.code)).toEqual(["rawCharacter"]);
    }
  });
});

describe("parseMailto never throws", () => {
  it("every string yields either a mailto or problems, with offsets inside the string", () => {
    const pieces = [
      "mailto:", "MAILTO:", "a", "@", ".", ",", "?", "&", "=", "#", "%", "%2", "%41", "%C3", "%A9", "%ZZ",
      "%22", "%5C", "%0D%0A", " ", "\n", "é", "\uD800", "🔒", "to=", "body=", "subject=", "example.org", "[", "]", '"',
      "a@example.org", ",b@example.org", "?subject=x", "&body=y%20z", "?to=c@example.org", "&cc=d", "%C3%A9",
    ];
    const next = randomNumbers(2024);
    let parsedCount = 0;
    for (let n = 0; n < 3000; n += 1) {
      let href = n % 2 === 0 ? "mailto:" : "";
      for (let k = next() % 10; k > 0; k -= 1) href += pieces[next() % pieces.length];
      const result = checkMailto(href);
      expect(result.mailto === undefined).toBe(result.problems.length > 0);
      for (const problem of result.problems) {
        expect(problem.rule).toBe("mailto-invalid");
        expect(problem.severity).toBe("error");
        expect(Number.isInteger(problem.index)).toBe(true);
        expect(problem.index).toBeGreaterThanOrEqual(0);
        expect(problem.index).toBeLessThanOrEqual(href.length);
      }
      if (result.mailto !== undefined) {
        parsedCount += 1;
        expect(parseMailto(formatMailto(result.mailto)).mailto?.to).toEqual(result.mailto.to);
      }
    }
    expect(parsedCount).toBeGreaterThan(0);
  });
});

describe("a mailing list's command address", () => {
  it.each([
    ["announce-request@example.org", true],
    ["announce-subscribe@example.org", true],
    ["announce-unsubscribe@example.org", true],
    ["announce-join@example.org", true],
    ["announce-leave@example.org", true],
    ["Announce+Subscribe@example.org", true],
    ["announce+unsubscribe@example.org", true],
    ["security@example.org", false],
    ["request@example.org", false],
    ["-request@example.org", false],
    ["subscribe@example.org", false],
    ["announce+request@example.org", false],
    ["announce-requests@example.org", false],
    ["security@lists-request.example.org", false],
    ["announce-request", false],
  ])("%s is one: %s", (address, expected) => {
    expect(isListCommandAddress(address)).toBe(expected);
  });
});
