/** Calendar days as a reader reads them. Pure. */

/**
 * One formatter per language: making one costs about fifty times as much as using it, and a
 * site of a thousand pages formats a date on each.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-20` as the page's language writes a date in full: "20 November 2026" in English. */
export function readableDate(isoDay: string, language: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`readableDate: "${isoDay}" is not a day written YYYY-MM-DD`);
  let formatter = formatters.get(language);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** `2031-03` as the page's language writes a month: "March 2031" in English. */
export function readableMonth(isoMonth: string, language: string): string {
  const date = new Date(`${isoMonth}-01T00:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(isoMonth) || Number.isNaN(date.getTime())) throw new RangeError(`readableMonth: "${isoMonth}" is not a month written YYYY-MM`);
  let formatter = monthFormatters.get(language);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(language, { year: "numeric", month: "long", timeZone: "UTC" });
    monthFormatters.set(language, formatter);
  }
  return formatter.format(date);
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
}

/** A count of days as a message writes it: "1 day", otherwise "0 days", "30 days", "-2 days". */
export function dayCount(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}
