import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-page",
  severity: "error",
  family: "deployed",
  summary: "The deployed policy page cannot be had (its fingerprints and links are checked by their own rules).",
  disable: "no",
  messages: {
    /** `path`: the policy page's path on the site, e.g. /security/. */
    status: "answers {{status}}, not the policy page: deploy the build's public{{path}}",
  },
});
