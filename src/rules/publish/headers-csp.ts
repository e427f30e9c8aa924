import { defineRule } from "../rule.ts";

export default defineRule({
  id: "headers-csp",
  severity: "error",
  family: "publish",
  summary: "A page has no Content-Security-Policy `<meta>`, or another one than the rest.",
  disable: "no",
  messages: {
    noPolicy:
      'the page has no Content-Security-Policy <meta>; _headers sends one policy for the whole site: give every page the base layout\'s <meta http-equiv="Content-Security-Policy">',
    /** `firstPage`: the first page with a policy, as findings name files; `firstPolicy`: its policy. */
    policyDiffers:
      'the page has the Content-Security-Policy "{{policy}}", while {{firstPage}} has "{{firstPolicy}}"; _headers sends one policy for the whole site: give every page the base layout\'s <meta http-equiv="Content-Security-Policy">',
    noPages: "the build made no HTML page, so _headers has no Content-Security-Policy to send",
  },
});
