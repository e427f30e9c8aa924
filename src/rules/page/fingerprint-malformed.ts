import { defineRule } from "../rule.ts";

export default defineRule({
  id: "fingerprint-malformed",
  severity: "error",
  family: "fingerprint",
  summary: "A fingerprint shown with a digit too few or too many, a group too many or too few, or a letter that is not hex.",
  disable: "page",
  messages: {},
});
