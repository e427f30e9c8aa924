import { defineRule } from "../rule.ts";

export default defineRule({
  id: "link-insecure",
  severity: "error",
  family: "link",
  summary: "An external link that is not `https:`.",
  disable: "page",
  messages: {
    noScheme: "the link {{href}} has no scheme, so it follows the page's; write it with https://",
    http: "the link {{href}} is not encrypted; write it as {{https}} (or link to a page served over https)",
    otherScheme: 'the link {{href}} uses "{{scheme}}:"; links from the policy go to https: pages, mailto: addresses and openpgp4fpr: fingerprints only',
  },
});
