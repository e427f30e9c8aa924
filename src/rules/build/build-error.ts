import { defineRule } from "../rule.ts";

export default defineRule({
  id: "build-error",
  severity: "error",
  family: "build",
  summary: "Any other build error, in one line.",
  disable: "no",
  messages: {
    /** `summary`: the first line of each message along the error's chain, outermost first, each once, joined with ": ". */
    failed: "{{summary}}",
    noReason: "the build failed for a reason Eleventy did not give",
  },
});
