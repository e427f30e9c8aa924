import { defineRule } from "../rule.ts";

export default defineRule({
  id: "layout-missing",
  severity: "error",
  family: "page",
  summary: "A page names a layout that does not exist.",
  disable: "no",
  messages: {
    /** `layout`: the name the front matter gives; `lookedFor`: where it was looked for, without an extension. */
    notFound:
      'the layout "{{layout}}" does not exist (looked for {{lookedFor}}); use "layouts/policy.njk" (or its alias "ballerina-inner-page"), or add the layout to _includes/',
  },
});
