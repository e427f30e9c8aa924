/**
 * A release's support period: its end written as a month (`2031-03`, to the last day of March)
 * or a day (`2031-03-15`), as the EU Cyber Resilience Act asks for it "to at least month and
 * year" (Art. 13(19)). Pure; days are UTC calendar days, compared as YYYY-MM-DD text.
 */
import { isCalendarDate } from "./date.ts";

/** The last day of support, YYYY-MM-DD; undefined when the text is neither a month nor a day that exists. */
export function supportEndDay(text: string): string | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return undefined;
    // Day 0 of the next month is the last day of this one.
    return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  }
  return isCalendarDate(text) ? text : undefined;
}

/** Whether a release whose support ends on `endDay` still gets security fixes on `now`'s UTC day. */
export function isSupportedOn(endDay: string, now: Date): boolean {
  return now.toISOString().slice(0, 10) <= endDay;
}

/**
 * Whether support lasts at least `years` from the release: to the same date that many years on,
 * or later (a release on 29 February is held to 28 February).
 */
export function lastsYears(released: string, endDay: string, years: number): boolean {
  const [y, m, d] = released.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const due = `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
  return endDay >= due;
}
