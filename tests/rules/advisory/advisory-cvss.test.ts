/**
 * advisory-cvss on advisory files: a severity that is not a complete CVSS v3.1 or v4.0 vector,
 * for each reason the vector cannot be scored.
 */
import advisoryCvss from "../../../src/rules/advisory/advisory-cvss.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
const V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
const severity = (vector: string) => edited([[`severity: ${V31}`, `severity: ${vector}`]]);
/** Where the severity's value starts: after "severity: ". */
const VALUE = { line: 9, column: 11 };

const cases: Array<[string, string, "version30" | "noPrefix" | "notAMetric" | "metricTwice" | "incomplete" | "unknownMetric" | "unknownMetrics", string | undefined]> = [
  ["a CVSS 3.0 vector", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version30", 'the severity "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" cannot be scored: CVSS 3.0 is not accepted: write the vector as CVSS 3.1 (CVSS:3.1/…), whose scores are the same or more exact'],
  ["a score instead of a vector", "9.8", "noPrefix", 'the severity "9.8" cannot be scored: a CVSS vector starts with "CVSS:3.1/" or "CVSS:4.0/"'],
  ["a vector without its prefix", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "noPrefix", undefined],
  ["a metric without a value", `${V31}/E`, "notAMetric", `the severity "${V31}/E" cannot be scored: "E" is not a metric: write NAME:VALUE, e.g. AV:N`],
  ["a metric with an empty value", "CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "notAMetric", undefined],
  ["a metric with two values", "CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "notAMetric", undefined],
  ["a metric given twice", `${V31}/AV:N`, "metricTwice", `the severity "${V31}/AV:N" cannot be scored: the metric AV is given twice`],
  ["a v3.1 vector without A", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "incomplete", 'the severity "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H" cannot be scored: the vector does not give every base metric of CVSS 3.1, or gives a value CVSS 3.1 does not define'],
  ["a v4.0 vector without SA", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "incomplete", 'the severity "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N" cannot be scored: the vector does not give every base metric of CVSS 4.0, or gives a value CVSS 4.0 does not define'],
  ["a value CVSS 3.1 does not define", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q", "incomplete", undefined],
  ["a base metric written as not defined", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X", "incomplete", undefined],
  ["a metric CVSS 3.1 does not have", `${V31}/ZZ:1`, "unknownMetric", `the severity "${V31}/ZZ:1" cannot be scored: ZZ is not a metric of CVSS 3.1`],
  ["a v3.1 metric in a v4.0 vector", `${V40}/RL:O`, "unknownMetric", `the severity "${V40}/RL:O" cannot be scored: RL is not a metric of CVSS 4.0`],
  ["two metrics CVSS 3.1 does not have", `${V31}/ZZ:1/YY:2`, "unknownMetrics", `the severity "${V31}/ZZ:1/YY:2" cannot be scored: ZZ, YY are not metrics of CVSS 3.1`],
];

testRule(advisoryCvss, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "a complete v3.1 vector", input: edited([]) },
    { name: "a complete v4.0 vector", input: severity(V40) },
    { name: "a v3.1 vector with temporal metrics", input: severity(`${V31}/E:U/RL:O/RC:C`) },
    { name: "a v3.1 vector with a metric written as not defined", input: severity(`${V31}/E:X`) },
    { name: "a vector with spaces around it", input: severity(`"  ${V31} "`) },
    { name: "no severity", input: edited([[`severity: ${V31}\n`, ""]]) },
  ],
  invalid: [
    ...cases.map(([name, vector, messageId, message]) => ({ name, input: severity(vector), findings: [{ messageId, ...VALUE, ...(message !== undefined ? { message } : {}) }] })),
    {
      name: "the vector as written, spaces and all, in the message",
      input: severity('" CVSS:3.0/AV:N"'),
      findings: [{ messageId: "version30" as const, ...at(severity('" CVSS:3.0/AV:N"'), '"'), message: 'the severity " CVSS:3.0/AV:N" cannot be scored: CVSS 3.0 is not accepted: write the vector as CVSS 3.1 (CVSS:3.1/…), whose scores are the same or more exact' }],
    },
  ],
  example: (text) => pageAdvisory(advisoryCvss.id, text),
});
