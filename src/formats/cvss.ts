/**
 * A CVSS v3.1 or v4.0 vector, scored by ae-cvss-calculator (FIRST's formulas, kept by its
 * maintainers, rather than arithmetic of our own). The score and the rating are always
 * computed from the vector: an advisory never types them.
 */
import cvss from "ae-cvss-calculator";

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

/** The vector's base score, or why it cannot be scored. */
export function scoreVector(vector: string): { score?: CvssScore; problem?: string } {
  const prefix = /^CVSS:(3\.1|4\.0)\//.exec(vector);
  if (!prefix) {
    return { problem: /^CVSS:3\.0\//.test(vector) ? "CVSS 3.0 is not accepted: write the vector as CVSS 3.1 (CVSS:3.1/…), whose scores are the same or more exact" : 'a CVSS vector starts with "CVSS:3.1/" or "CVSS:4.0/"' };
  }
  const version = prefix[1] as CvssVersion;
  const metrics = vector.slice(prefix[0].length).split("/");
  const seen = new Set<string>();
  for (const metric of metrics) {
    const [name, value, extra] = metric.split(":");
    if (!name || value === undefined || value === "" || extra !== undefined) return { problem: `"${metric}" is not a metric: write NAME:VALUE, e.g. AV:N` };
    if (seen.has(name)) return { problem: `the metric ${name} is given twice` };
    seen.add(name);
  }
  const parsed = version === "3.1" ? new cvss.Cvss3P1(vector) : new cvss.Cvss4P0(vector);
  // The library parses what it recognises: compare what it read back with what was written.
  if (!parsed.isBaseFullyDefined()) return { problem: `the vector does not give every base metric of CVSS ${version}, or gives a value CVSS ${version} does not define` };
  const known = new Set(parsed.toString().split("/").slice(1).map((m: string) => m.split(":")[0]));
  const unknown = [...seen].filter((name) => !known.has(name) && !isNotDefined(vector, name));
  if (unknown.length > 0) return { problem: `${unknown.join(", ")} ${unknown.length === 1 ? "is not a metric" : "are not metrics"} of CVSS ${version}` };
  const score = parsed.calculateScores().base as number;
  return { score: { vector, version, score, rating: ratingOf(score) } };
}

/** A metric written as X ("not defined") is left out when the library prints the vector back. */
function isNotDefined(vector: string, name: string): boolean {
  return new RegExp(`/${name}:X(?:/|$)`).test(vector);
}
