import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-security-md",
  severity: "error",
  family: "deployed",
  summary: "A SECURITY.md given to verify by URL does not answer with the file (its fingerprints and links are checked by their own rules).",
  disable: "no",
  messages: {
    status: "answers {{status}}, not the file",
  },
});
