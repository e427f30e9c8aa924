/**
 * advisory-date on advisory files checked at a fixed moment (NOW, 2026-11-25T00:00:00Z): dates
 * that are not RFC 3339, dates after now (by one second, and not at now), and a modification
 * before the publication (by one second, and not at the same moment).
 */
import advisoryDate from "../../../src/rules/advisory/advisory-date.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const PUBLISHED = "published: 2025-03-01T09:30:00Z";
const MODIFIED = "modified: 2025-03-04T10:00:00Z";
/** The good advisory with these publication and modification times, as written. */
const dated = (published: string, modified: string) => edited([[PUBLISHED, `published: ${published}`], [MODIFIED, `modified: ${modified}`]]);

const dayOnly = dated("2025-03-01", "2025-03-04T10:00:00Z");
const word = dated("2025-03-01T09:30:00Z", "yesterday");
const secondLate = dated("2026-11-25T00:00:01Z", "2026-11-25T00:00:01Z");
const lateInParis = dated("2026-11-25T01:00:01+01:00", "2026-11-25T01:00:01+01:00");
const secondEarly = dated("2025-03-01T09:30:00Z", "2025-03-01T09:29:59Z");
const earlyInParis = dated("2025-03-01T10:30:00+01:00", "2025-03-01T09:29:59Z");
const lateAndEarly = dated("2026-11-25T00:00:01Z", "2026-11-25T00:00:00Z");

testRule(advisoryDate, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "published, then modified three days later", input: edited([]) },
    { name: "published and modified at the moment of the check", input: dated("2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z") },
    { name: "published at the moment of the check, written in another offset", input: dated("2026-11-25T01:00:00+01:00", "2026-11-25T01:00:00+01:00") },
    { name: "modified at the moment it was published", input: dated("2025-03-01T09:30:00Z", "2025-03-01T09:30:00Z") },
    { name: "modified at the moment it was published, written in another offset", input: dated("2025-03-01T10:30:00+01:00", "2025-03-01T09:30:00Z") },
    { name: "dates with spaces around them", input: dated('" 2025-03-01T09:30:00Z "', '" 2025-03-04T10:00:00Z"') },
    { name: "an empty date, which is advisory-field's", input: dated('""', "2025-03-04T10:00:00Z") },
  ],
  invalid: [
    {
      name: "a publication day without a time",
      input: dayOnly,
      findings: [{ messageId: "notRfc3339", ...at(dayOnly, "2025-03-01"), message: '`published` is "2025-03-01", not an RFC 3339 date and time: write it as 2021-06-22T00:00:00Z' }],
    },
    {
      name: "a modification time in words, which leaves the order unchecked",
      input: word,
      findings: [{ messageId: "notRfc3339", ...at(word, "yesterday"), message: '`modified` is "yesterday", not an RFC 3339 date and time: write it as 2021-06-22T00:00:00Z' }],
    },
    {
      name: "published and modified one second after the check",
      input: secondLate,
      findings: [
        { messageId: "future", ...at(secondLate, "2026-11-25T00:00:01Z"), message: "`published` is 2026-11-25T00:00:01Z, in the future: an advisory is published when it is written" },
        { messageId: "future", ...at(secondLate, "2026-11-25T00:00:01Z", 2), message: "`modified` is 2026-11-25T00:00:01Z, in the future: an advisory is published when it is written" },
      ],
    },
    {
      name: "one second after the check, written in another offset",
      input: lateInParis,
      findings: [
        { messageId: "future", ...at(lateInParis, "2026-11-25T01:00:01+01:00") },
        { messageId: "future", ...at(lateInParis, "2026-11-25T01:00:01+01:00", 2) },
      ],
    },
    {
      name: "modified one second before it was published",
      input: secondEarly,
      findings: [{ messageId: "modifiedBeforePublished", ...at(secondEarly, "2025-03-01T09:29:59Z"), message: "`modified` (2025-03-01T09:29:59Z) is before `published` (2025-03-01T09:30:00Z): it is at least the publication time" }],
    },
    {
      name: "modified one second before it was published, the two written in different offsets",
      input: earlyInParis,
      findings: [{ messageId: "modifiedBeforePublished", ...at(earlyInParis, "2025-03-01T09:29:59Z"), message: "`modified` (2025-03-01T09:29:59Z) is before `published` (2025-03-01T10:30:00+01:00): it is at least the publication time" }],
    },
    {
      name: "published in the future, and modified now, before it",
      input: lateAndEarly,
      findings: [
        { messageId: "future", ...at(lateAndEarly, "2026-11-25T00:00:01Z") },
        { messageId: "modifiedBeforePublished", ...at(lateAndEarly, "2026-11-25T00:00:00Z") },
      ],
    },
  ],
  example: (text) => pageAdvisory(advisoryDate.id, text),
});
