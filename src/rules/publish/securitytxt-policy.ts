import { defineRule } from "../rule.ts";

export default defineRule({
  id: "securitytxt-policy",
  severity: "error",
  family: "security.txt",
  summary: "No page has the URL security.txt's `Policy` names (`/security/`).",
  disable: "no",
  messages: {
    /** `url`: the site's URL; `path`: the policy page's URL path, which security.txt's Policy names. */
    noPolicyPage: 'security.txt\'s Policy names {{url}}{{path}}, but no page has the URL {{path}}: give the policy page "permalink: {{path}}"',
  },
});
