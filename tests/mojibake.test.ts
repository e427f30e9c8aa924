import { describe, it, expect } from "vitest";
import { findMojibake, mojibakeProblems, type MojibakeHit } from "../src/rules/mojibake.ts";

interface Garbled {
  name: string;
  text: string;
  hits: MojibakeHit[];
}

const garbled: Garbled[] = [
  {
    name: "a right single quote garbled to â€™",
    text: "itâ€™s",
    hits: [{ index: 2, text: "â€™", intended: "’" }],
  },
  {
    name: "an apostrophe garbled to â€™ at the end of a word",
    text: "the usersâ€™ keys",
    hits: [{ index: 9, text: "â€™", intended: "’" }],
  },
  {
    name: "é garbled to Ã©",
    text: "cafÃ©",
    hits: [{ index: 3, text: "Ã©", intended: "é" }],
  },
  {
    name: "ü garbled to Ã¼",
    text: "Ã¼ber",
    hits: [{ index: 0, text: "Ã¼", intended: "ü" }],
  },
  {
    name: "curly double quotes garbled to â€œ and â€ with the undefined byte 0x9D",
    text: "â€œquotedâ€\u009d",
    hits: [
      { index: 0, text: "â€œ", intended: "“" },
      { index: 9, text: "â€\u009d", intended: "”" },
    ],
  },
  {
    name: "a no-break space garbled to Â and a no-break space",
    text: "100Â\u00A0km",
    hits: [{ index: 3, text: "Â\u00A0", intended: "\u00A0" }],
  },
  {
    name: "a no-break space garbled to Â and a plain space",
    text: "100Â km",
    hits: [{ index: 3, text: "Â ", intended: "\u00A0" }],
  },
  {
    name: "a copyright sign garbled to Â©",
    text: "Â© 2024",
    hits: [{ index: 0, text: "Â©", intended: "©" }],
  },
  {
    name: "é garbled twice to ÃƒÂ©",
    text: "cafÃƒÂ©",
    hits: [{ index: 3, text: "ÃƒÂ©", intended: "é" }],
  },
  {
    name: "é garbled three times",
    text: "ÃƒÆ’Ã‚Â©",
    hits: [{ index: 0, text: "ÃƒÆ’Ã‚Â©", intended: "é" }],
  },
  {
    name: "a right single quote garbled twice",
    text: "donÃ¢â‚¬â„¢t",
    hits: [{ index: 3, text: "Ã¢â‚¬â„¢", intended: "’" }],
  },
  {
    name: "a right single quote decoded as Latin-1, with C1 controls",
    text: "it\u00e2\u0080\u0099s",
    hits: [{ index: 2, text: "\u00e2\u0080\u0099", intended: "’" }],
  },
  {
    name: "ł garbled to Å‚ inside a word",
    text: "zÅ‚oty",
    hits: [{ index: 1, text: "Å‚", intended: "ł" }],
  },
  {
    name: "ł garbled to Å‚ at the end of a word",
    text: "byÅ‚ tam",
    hits: [{ index: 2, text: "Å‚", intended: "ł" }],
  },
  {
    name: "Č and Š in a word in capitals, Š before a letter",
    text: "ÄŒEÅ\u00A0TINA",
    hits: [
      { index: 0, text: "ÄŒ", intended: "Č" },
      { index: 3, text: "Å\u00A0", intended: "Š" },
    ],
  },
  {
    name: "Ś garbled to Åš at the end of a word in capitals",
    text: "COÅš",
    hits: [{ index: 2, text: "Åš", intended: "Ś" }],
  },
  {
    name: "a Cyrillic word",
    text: "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    hits: [{ index: 0, text: "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", intended: "привет" }],
  },
  {
    name: "Chinese characters",
    text: "ä¸­æ–‡",
    hits: [{ index: 0, text: "ä¸­æ–‡", intended: "中文" }],
  },
  {
    name: "an emoji right after a word",
    text: "thanksðŸ˜€",
    hits: [{ index: 6, text: "ðŸ˜€", intended: "😀" }],
  },
  {
    name: "a decomposed combining acute accent",
    text: "eÌ\u0081",
    hits: [{ index: 1, text: "Ì\u0081", intended: "\u0301" }],
  },
  {
    name: "the replacement character",
    text: "caf\uFFFD",
    hits: [{ index: 3, text: "\uFFFD", intended: "" }],
  },
  {
    name: "a run of replacement characters",
    text: "a\uFFFD\uFFFDb",
    hits: [{ index: 1, text: "\uFFFD\uFFFD", intended: "" }],
  },
  {
    name: "a quote cut short by a replacement character",
    text: "â€\uFFFD",
    hits: [{ index: 0, text: "â€\uFFFD", intended: "" }],
  },
  {
    name: "an accented capital cut short by a replacement character",
    text: "Ã\uFFFDngel",
    hits: [{ index: 0, text: "Ã\uFFFD", intended: "" }],
  },
];

const legitimate: string[] = [
  "café",
  "naïve",
  "Ångström",
  "São Paulo",
  "SÃO PAULO",
  "Größe",
  "½",
  "© 2024",
  "—",
  "’",
  "it’s “quoted” – and — more…",
  "Die Größe der Straße ist schön, während Ärger über Öl wächst.",
  "Le garçon a déjà mangé à l’école ; « voilà » !",
  "¿Dónde está el niño? ¡Mañana, señor!",
  "Ãbc",
  "中文字符",
  "日本語のテキスト",
  "😀 🎉",
  "привет",
  "zł",
  "x² ± 3° · 5 × 4 ÷ 2",
];

/** Legitimate text that does contain a well-formed UTF-8 sequence, for the heuristic. */
const wordEnds: string[] = [
  "« voilà\u00A0»",
  "il a crié «\u00A0OLÉ\u00A0»",
  "she shouted “OLÉ”",
  "viele Grüß’",
];

describe("findMojibake", () => {
  it.each(garbled)("$name is found with what was meant", ({ text, hits }) => {
    expect(findMojibake(text)).toEqual(hits);
  });

  it.each(legitimate)("%j is not mojibake", (text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  it.each(wordEnds)("%j, a word's last letter before punctuation, is not mojibake", (text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  it("an offset counts UTF-16 code units, so an emoji before the hit counts two", () => {
    expect(findMojibake("😀 cafÃ©")).toEqual([{ index: 6, text: "Ã©", intended: "é" }]);
  });

  it("a byte sequence that decodes to an unassigned code point is not mojibake", () => {
    // × ½ would be bytes D7 BD, which decode to U+05FD, unassigned.
    expect(findMojibake("2×½")).toEqual([]);
  });

  it.each([
    ["an overlong two-byte form", "À€"], // C0 never starts a well-formed sequence
    ["an overlong three-byte form", "à€€"], // E0 80 80 would be U+0000
    ["an encoded surrogate", "í\u00A0€"], // ED A0 80 would be U+D800
    ["a code point past U+10FFFF", "ô\u0090€€"], // F4 90 80 80 would be U+110000
  ])("%s is not mojibake", (_what, text) => {
    expect(findMojibake(text)).toEqual([]);
  });
});

describe("mojibakeProblems", () => {
  it("a garbled quote is an error that names what to write instead", () => {
    expect(mojibakeProblems("itâ€™s")).toEqual([
      {
        rule: "mojibake",
        messageId: "misDecoded",
        severity: "error",
        message: '"â€™" is UTF-8 text mis-decoded as Windows-1252; write "’" instead',
        index: 2,
      },
    ]);
  });

  it("invisible characters in the message are written as escapes", () => {
    expect(mojibakeProblems("100Â\u00A0km").map((problem) => problem.message)).toEqual([
      '"Â\\u00A0" is UTF-8 text mis-decoded as Windows-1252; write "\\u00A0" instead',
    ]);
  });

  it("a replacement character is an error that says bytes were lost", () => {
    expect(mojibakeProblems("caf\uFFFD")).toEqual([
      {
        rule: "mojibake",
        messageId: "replacementCharacter",
        severity: "error",
        message:
          '"\uFFFD" is U+FFFD, the replacement character: bytes were lost when this text was decoded; retype what was meant from the original',
        index: 3,
      },
    ]);
  });

  it("a quote cut short by a replacement character suggests the closing double quote", () => {
    expect(mojibakeProblems("â€\uFFFD").map((problem) => problem.message)).toEqual([
      '"â€\uFFFD" is a UTF-8 character mis-decoded as Windows-1252 that lost a byte (U+FFFD); retype the character that was meant (most likely "”")',
    ]);
  });

  it("clean text has no problems", () => {
    expect(mojibakeProblems("Größe, café, “quotes”")).toEqual([]);
  });
});

describe("on any input", () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function* randomStrings(count: number): Generator<string> {
    let seed = 0x2f85c381;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    // Weighted towards the characters the scanner cares about, plus lone surrogates.
    const alphabet = [..."aZ Ã©â€™ÂðŸ˜€Å‚Ì\u0081\u009d\u00A0\uFFFD«»É”ß½×à", "\uD83D", "\uDE00", "中"];
    for (let n = 0; n < count; n++) {
      let text = "";
      const length = next() % 12;
      for (let k = 0; k < length; k++) {
        text += next() % 5 === 0 ? String.fromCharCode(next() % 0x10000) : alphabet[next() % alphabet.length];
      }
      yield text;
    }
  }

  it("every hit is the text found at its index, and hits do not overlap", () => {
    for (const text of randomStrings(5000)) {
      let end = 0;
      for (const hit of findMojibake(text)) {
        expect(hit.index).toBeGreaterThanOrEqual(end);
        expect(text.slice(hit.index, hit.index + hit.text.length)).toBe(hit.text);
        end = hit.index + hit.text.length;
      }
      expect(mojibakeProblems(text).length).toBe(findMojibake(text).length);
    }
  });
});
