/** Calendar days as a reader reads them. Pure. */

/** `2026-11-20` as the page's language writes a date in full: "20 November 2026" in English. */
export function readableDate(isoDay: string, language: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`readableDate: "${isoDay}" is not a day written YYYY-MM-DD`);
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(date);
}
