import { describe, expect, it } from "vitest";
import { parseHeadersFile } from "../src/formats/headers-file.ts";

describe("a _headers file read back", () => {
  it("reads each URL pattern with its headers, in order, skipping comments and blank lines", () => {
    const text = [
      "# Headers for every page",
      "/*",
      "  Content-Security-Policy: default-src 'self'",
      "  X-Content-Type-Options:nosniff",
      "",
      "   # an indented comment",
      "/.well-known/security.txt  ",
      "\tContent-Type: text/plain; charset=utf-8  ",
      "  Cache-Control: max-age=3600",
      "/empty",
    ].join("\r\n");
    expect(parseHeadersFile(text)).toEqual([
      { pattern: "/*", headers: [["Content-Security-Policy", "default-src 'self'"], ["X-Content-Type-Options", "nosniff"]] },
      { pattern: "/.well-known/security.txt", headers: [["Content-Type", "text/plain; charset=utf-8"], ["Cache-Control", "max-age=3600"]] },
      { pattern: "/empty", headers: [] },
    ]);
  });

  it("keeps a header written twice under one pattern, and a value holding a colon whole", () => {
    expect(parseHeadersFile("/a\n  Link: <https://example.org/a>; rel=x\n  Link: <https://example.org/b>\n")).toEqual([
      { pattern: "/a", headers: [["Link", "<https://example.org/a>; rel=x"], ["Link", "<https://example.org/b>"]] },
    ]);
  });

  it("reads an empty file as no rules", () => {
    expect(parseHeadersFile("")).toEqual([]);
    expect(parseHeadersFile("\n# only a comment\n")).toEqual([]);
  });

  it("names the line of a header before any pattern", () => {
    expect(() => parseHeadersFile("# top\n  X-Frame-Options: DENY\n")).toThrow('_headers line 2: "X-Frame-Options: DENY" is neither a URL pattern nor an indented "Name: value" header under one');
  });

  it("names the line of an indented line that is not a header", () => {
    expect(() => parseHeadersFile("/*\n  Referrer-Policy: no-referrer\n  not a header\n")).toThrow('_headers line 3: "not a header" is neither a URL pattern nor an indented "Name: value" header under one');
    expect(() => parseHeadersFile("/*\n  Bad Name: x\n")).toThrow("_headers line 2:");
    expect(() => parseHeadersFile("/*\n  : x\n")).toThrow("_headers line 2:");
  });
});
