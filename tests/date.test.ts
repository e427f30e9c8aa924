import { describe, expect, it } from "vitest";
import { readableDate } from "../src/formats/date.ts";
import { isCalendarDate } from "../src/data/site-data.ts";

describe("days", () => {
  it("a day is written in full, in the page's language, whatever the time zone", () => {
    expect(readableDate("2026-11-20", "en")).toBe("November 20, 2026");
    expect(readableDate("2026-11-20", "en-GB")).toBe("20 November 2026");
    expect(readableDate("2026-01-01", "nl")).toBe("1 januari 2026");
    // Each language keeps its own formatter, whatever was formatted before.
    expect(readableDate("2026-12-31", "en")).toBe("December 31, 2026");
    expect(readableDate("2026-12-31", "nl")).toBe("31 december 2026");
  });

  it("only a day that exists, written YYYY-MM-DD, is a review date", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-11-20T00:00:00Z")).toBe(false);
    expect(isCalendarDate("20-11-2026")).toBe(false);
    expect(() => readableDate("someday", "en")).toThrow('readableDate: "someday" is not a day written YYYY-MM-DD');
  });
});
