/** securitytxt-url on what planPublication is given: a site URL with a path, at "url" in the site data. */
import securitytxtUrl from "../../../src/rules/data/securitytxt-url.ts";
import { testRule } from "../../support/rule-tester.ts";
import { GOOD, json, plan, type PlanInput } from "../publish/plan-input.ts";
import { valueOf } from "./site-data-text.ts";

const withUrl = (url: string): PlanInput => ({ data: { ...GOOD, url } });
const urlAt = (url: string) => valueOf(json({ ...GOOD, url }), "url");

testRule(securitytxtUrl, plan, {
  example: (text) => ({ text }),
  valid: [
    { name: "the host alone", input: withUrl("https://example.org") },
    { name: "the host with a trailing slash", input: withUrl("https://example.org/") },
    { name: "a subdomain on another port", input: withUrl("https://security.example.org:8443") },
  ],
  invalid: [
    {
      name: "a site in a folder of its host",
      input: withUrl("https://example.org/security-site"),
      findings: [
        {
          messageId: "hasPath",
          ...urlAt("https://example.org/security-site"),
          message:
            '"url" is https://example.org/security-site, which has a path; security.txt and the Web Key Directory live at the root of the host (RFC 9116 section 3): set "url" to https://example.org',
        },
      ],
    },
    {
      name: "a folder with a trailing slash, named without it",
      input: withUrl("https://example.org:8443/security/"),
      findings: [{ messageId: "hasPath", ...urlAt("https://example.org:8443/security/"), message: expect("https://example.org:8443/security", "https://example.org:8443") }],
    },
  ],
});

function expect(url: string, origin: string): string {
  return `"url" is ${url}, which has a path; security.txt and the Web Key Directory live at the root of the host (RFC 9116 section 3): set "url" to ${origin}`;
}
