/**
 * advisory-cvss: a severity that src/formats/cvss.ts cannot score, in words (its problem codes
 * are message ids here, each after the vector as written).
 */
import type { At } from "../../formats/advisory.ts";
import { scoreVector, type CvssScore } from "../../formats/cvss.ts";
import { placed, type Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-cvss",
  severity: "error",
  family: "advisory",
  summary: "A severity that is not a complete CVSS v3.1 or v4.0 vector.",
  disable: "no",
  messages: {
    version30: 'the severity "{{severity}}" cannot be scored: CVSS 3.0 is not accepted: write the vector as CVSS 3.1 (CVSS:3.1/…), whose scores are the same or more exact',
    noPrefix: 'the severity "{{severity}}" cannot be scored: a CVSS vector starts with "CVSS:3.1/" or "CVSS:4.0/"',
    notAMetric: 'the severity "{{severity}}" cannot be scored: "{{metric}}" is not a metric: write NAME:VALUE, e.g. AV:N',
    metricTwice: 'the severity "{{severity}}" cannot be scored: the metric {{metric}} is given twice',
    incomplete: 'the severity "{{severity}}" cannot be scored: the vector does not give every base metric of CVSS {{version}}, or gives a value CVSS {{version}} does not define',
    unknownMetric: 'the severity "{{severity}}" cannot be scored: {{metrics}} is not a metric of CVSS {{version}}',
    unknownMetrics: 'the severity "{{severity}}" cannot be scored: {{metrics}} are not metrics of CVSS {{version}}',
  },
});

export default rule;

/** The severity's score, or the finding on why it has none. */
export function scoreSeverity(severity: At<string>, file: string): { score?: CvssScore; finding?: Finding } {
  const scored = scoreVector(severity.value.trim());
  if (!scored.problem) return scored.score ? { score: scored.score } : {};
  const p = scored.problem;
  return { finding: placed(rule.fromFormat({ ...p, values: { ...p.values, severity: severity.value } }), file, severity.at) };
}
