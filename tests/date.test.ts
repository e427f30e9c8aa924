import { describe, expect, it } from "vitest";
import { dayCount, isCalendarDate, readableDate } from "../src/formats/date.ts";

describe("days", () => {
  it("a day is written in full, in the page's language, whatever the time zone", () => {
    expect(readableDate("2026-11-20", "en")).toBe("November 20, 2026");
    expect(readableDate("2026-11-20", "en-GB")).toBe("20 November 2026");
    expect(readableDate("2026-01-01", "nl")).toBe("1 januari 2026");
    // Each language keeps its own formatter, whatever was formatted before.
    expect(readableDate("2026-12-31", "en")).toBe("December 31, 2026");
    expect(readableDate("2026-12-31", "nl")).toBe("31 december 2026");
  });

  it("a count of days is written \"1 day\" for one, \"days\" for any other, as given", () => {
    expect(dayCount(1)).toBe("1 day");
    expect(dayCount(0)).toBe("0 days");
    expect(dayCount(2)).toBe("2 days");
    expect(dayCount(30)).toBe("30 days");
    expect(dayCount(366)).toBe("366 days");
    expect(dayCount(-1)).toBe("-1 days");
    expect(dayCount(-2)).toBe("-2 days");
  });

  it("only a day that exists, written YYYY-MM-DD, is a review date", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-11-20T00:00:00Z")).toBe(false);
    expect(isCalendarDate("20-11-2026")).toBe(false);
    expect(() => readableDate("someday", "en")).toThrow('readableDate: "someday" is not a day written YYYY-MM-DD');
  });
});
