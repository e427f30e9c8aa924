/**
 * OpenSSF Scorecard's Security-Policy score of a policy file's text, as Scorecard computes it
 * (ossf/scorecard, commit 40c1e35 of 2026-08-07, Apache-2.0: checks/raw/security_policy.go's
 * collectPolicyHits, the probes securityPolicyContainsLinks, securityPolicyContainsText and
 * securityPolicyContainsVulnerabilityDisclosure, and checks/evaluation/security_policy.go):
 *
 * - 6 for linked content: at least one URL or email address;
 * - 3 for text: the file's size in bytes is over 1 and over the linked content's length plus
 *   2 for each distinct URL and email address;
 * - 1 for more than one disclosure hint: a number of 1 to 4 digits, or "disclos" or "vuln" in
 *   any case, counted line by line, every occurrence.
 *
 * The regular expressions are Scorecard's, written for JavaScript: Go's `\b*` matches the empty
 * string and is left out.
 */
const URL = /(http|https):\/\/[a-zA-Z0-9./?=_%:-]*/g;
const EMAIL = /\b[A-Za-z0-9._%+-]+(@|\\?\[at\\?\])[A-Za-z0-9.-]+\.[A-Za-z]{2,6}\b/g;
const HINT = /([0-9]{1,4}\b|(Disclos|Vuln))/gi;

export interface ScorecardScore {
  score: number;
  links: boolean;
  text: boolean;
  disclosure: boolean;
}

export function securityPolicyScore(content: string): ScorecardScore {
  const lines = content.split(/\r?\n/);
  const urls = new Set<string>();
  const emails = new Set<string>();
  let hints = 0;
  for (const line of lines) {
    if (line === "") continue;
    for (const m of line.matchAll(URL)) urls.add(m[0]);
    for (const m of line.matchAll(EMAIL)) emails.add(m[0]);
    hints += [...line.matchAll(HINT)].length;
  }
  const linkedLength = [...urls, ...emails].reduce((n, m) => n + Buffer.byteLength(m), 0);
  const size = Buffer.byteLength(content);
  const links = urls.size + emails.size > 0;
  const text = size > 1 && size > linkedLength + (urls.size + emails.size) * 2;
  const disclosure = hints > 1;
  return { score: (links ? 6 : 0) + (text ? 3 : 0) + (disclosure ? 1 : 0), links, text, disclosure };
}
