/** securitytxt-url: security.txt and the Web Key Directory are published at the root of the site's host. */
import type { Problem } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "securitytxt-url",
  severity: "error",
  family: "security.txt",
  summary: "`url` has a path: security.txt and the Web Key Directory belong at the host's root.",
  disable: "no",
  messages: {
    hasPath:
      '"url" is {{url}}, which has a path; security.txt and the Web Key Directory live at the root of the host (RFC 9116 section 3): set "url" to {{origin}}',
  },
});

export default rule;

/** The problem with the site's absolute URL as the place of security.txt, if any. */
export function checkSiteUrl(url: string): Problem | undefined {
  const parsed = new URL(url);
  return parsed.pathname === "/" ? undefined : rule.problem("hasPath", { url, origin: parsed.origin });
}
