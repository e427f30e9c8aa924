/**
 * A CVSS v3.1 or v4.0 vector, scored by ae-cvss-calculator (FIRST's formulas, kept by its
 * maintainers, rather than arithmetic of our own). The score and the rating are always
 * computed from the vector: an advisory never types them.
 */
import cvss from "ae-cvss-calculator";
import type { FormatProblem } from "./problem.ts";

export type CvssVersion = "3.1" | "4.0";
export type Rating = "None" | "Low" | "Medium" | "High" | "Critical";

export interface CvssScore {
  vector: string;
  version: CvssVersion;
  score: number;
  rating: Rating;
}

/** FIRST's qualitative scale, the same for v3.1 and v4.0. */
export function ratingOf(score: number): Rating {
  if (score === 0) return "None";
  if (score < 4) return "Low";
  if (score < 7) return "Medium";
  if (score < 9) return "High";
  return "Critical";
}

/** Why a vector cannot be scored, in neutral terms (worded by the rule advisory-cvss). */
export type CvssProblemCode = "version30" | "noPrefix" | "notAMetric" | "metricTwice" | "incomplete" | "unknownMetric" | "unknownMetrics";

export type CvssProblem = FormatProblem<CvssProblemCode>;

/** The vector's base score, or why it cannot be scored. */
export function scoreVector(vector: string): { score?: CvssScore; problem?: CvssProblem } {
  const prefix = /^CVSS:(3\.1|4\.0)\//.exec(vector);
  if (!prefix) {
    return { problem: /^CVSS:3\.0\//.test(vector) ? { code: "version30", values: {} } : { code: "noPrefix", values: {} } };
  }
  const version = prefix[1] as CvssVersion;
  const metrics = vector.slice(prefix[0].length).split("/");
  const seen = new Set<string>();
  for (const metric of metrics) {
    const [name, value, extra] = metric.split(":");
    if (!name || value === undefined || value === "" || extra !== undefined) return { problem: { code: "notAMetric", values: { metric } } };
    if (seen.has(name)) return { problem: { code: "metricTwice", values: { metric: name } } };
    seen.add(name);
  }
  const unknownOf = (known: Set<string>) => {
    const unknown = [...seen].filter((name) => !known.has(name) && !isNotDefined(vector, name));
    return unknown.length > 0 ? { problem: { code: unknown.length === 1 ? ("unknownMetric" as const) : ("unknownMetrics" as const), values: { metrics: unknown.join(", "), version } } } : undefined;
  };
  let parsed: InstanceType<typeof cvss.Cvss3P1> | InstanceType<typeof cvss.Cvss4P0>;
  try {
    parsed = version === "3.1" ? new cvss.Cvss3P1(vector) : new cvss.Cvss4P0(vector);
  } catch {
    // The library throws on a metric or a value it does not define.
    const empty = version === "3.1" ? new cvss.Cvss3P1() : new cvss.Cvss4P0();
    return unknownOf(new Set([...empty.getRegisteredComponents().values()].flat().map((c) => c.shortName))) ?? { problem: { code: "incomplete", values: { version } } };
  }
  // The library parses what it recognises: compare what it read back with what was written.
  if (!parsed.isBaseFullyDefined()) return { problem: { code: "incomplete", values: { version } } };
  const unknown = unknownOf(new Set(parsed.toString().split("/").slice(1).map((m: string) => m.split(":")[0]!)));
  if (unknown) return unknown;
  const score = parsed.calculateScores().base as number;
  return { score: { vector, version, score, rating: ratingOf(score) } };
}

/** A metric written as X ("not defined") is left out when the library prints the vector back. */
function isNotDefined(vector: string, name: string): boolean {
  return new RegExp(`/${name}:X(?:/|$)`).test(vector);
}
