/**
 * advisory-date: `published` and `modified` as RFC 3339 dates and times, neither after `now`,
 * and `modified` not before `published`.
 */
import type { AdvisorySource } from "../../formats/advisory.ts";
import { parseRfc3339 } from "../../formats/security-txt.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-date",
  severity: "error",
  family: "advisory",
  summary: "`published` or `modified` is not an RFC 3339 date and time, is in the future, or `modified` is before `published`.",
  disable: "no",
  messages: {
    notRfc3339: '`{{field}}` is "{{value}}", not an RFC 3339 date and time: write it as 2021-06-22T00:00:00Z',
    future: "`{{field}}` is {{value}}, in the future: an advisory is published when it is written",
    modifiedBeforePublished: "`modified` ({{modified}}) is before `published` ({{published}}): it is at least the publication time",
  },
});

export default rule;

/** The advisory's two dates, where they read, and the findings on them; a missing or empty one is advisory-field's. */
export function checkDates(source: AdvisorySource, now: Date, file: string): { published?: Date; modified?: Date; findings: Finding[] } {
  const findings: Finding[] = [];
  const dates: { published?: Date; modified?: Date } = {};
  for (const [field, value] of [["published", source.published], ["modified", source.modified]] as const) {
    if (!value || value.value.trim() === "") continue;
    const date = parseRfc3339(value.value.trim());
    if (!date) {
      findings.push(rule.finding("notRfc3339", { field, value: value.value }, file, value.at));
      continue;
    }
    dates[field] = date;
    if (date.getTime() > now.getTime()) findings.push(rule.finding("future", { field, value: value.value }, file, value.at));
  }
  if (dates.published && dates.modified && dates.modified.getTime() < dates.published.getTime()) {
    findings.push(rule.finding("modifiedBeforePublished", { modified: source.modified!.value.trim(), published: source.published!.value.trim() }, file, source.modified!.at));
  }
  return { ...dates, findings };
}
