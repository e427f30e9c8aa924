import { defineRule } from "../rule.ts";

export default defineRule({
  id: "permalink-duplicate",
  severity: "error",
  family: "page",
  summary: "Two pages write the same file.",
  disable: "no",
  messages: {
    /** `target`: the file written, as findings name files; `others`: the other pages that write it, joined with ", ". */
    sameOutput: "this page writes {{target}}, and so does {{others}}; give each page its own permalink",
  },
});
