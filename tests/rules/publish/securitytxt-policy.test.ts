/** securitytxt-policy on what planPublication is given: no built page at the URL security.txt's Policy names. */
import { otherRule, plan, POLICY_PAGE, page, type PlanInput } from "./plan-input.ts";
import headersCsp from "../../../src/rules/publish/headers-csp.ts";
import securitytxtPolicy from "../../../src/rules/publish/securitytxt-policy.ts";
import { testRule } from "../../support/rule-tester.ts";

const message = (path: string) => `security.txt's Policy names https://example.org${path}, but no page has the URL ${path}: give the policy page "permalink: ${path}"`;
const TOP = { line: 1, column: 1 };

testRule(securitytxtPolicy, (input: PlanInput) => plan(input), {
  // The site data as written, with the policy page moved to /policy/.
  example: (text) => ({ text, pages: [page("/policy/", "/out/policy/index.html", "content/security.md")] }),
  valid: [
    { name: "the policy page at /security/", input: {} },
    { name: "the policy page at the URL the options give", input: { pages: [page("/policy/", "/out/policy/index.html")], options: { policyPath: "/policy/" } } },
    { name: "the policy page among others", input: { pages: [page("/", "/out/index.html"), POLICY_PAGE, page("/thanks/", "/out/thanks/index.html")] } },
  ],
  invalid: [
    {
      name: "the policy page at /security without the trailing slash",
      input: { pages: [page("/security", "/out/security.html", "content/security.md")] },
      findings: [{ messageId: "noPolicyPage", ...TOP, message: message("/security/") }],
    },
    {
      name: "the policy page at /security/ when the options name /policy/",
      input: { options: { policyPath: "/policy/" } },
      findings: [{ messageId: "noPolicyPage", ...TOP, message: message("/policy/") }],
    },
    {
      name: "no page at all",
      input: { pages: [] },
      findings: [
        { messageId: "noPolicyPage", ...TOP },
        otherRule(headersCsp, "noPages", TOP),
      ],
    },
  ],
});
