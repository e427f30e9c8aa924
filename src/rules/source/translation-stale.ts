/**
 * translation-stale: a translation that records no version of its original (`translatedFrom`
 * in its front matter), or another than the original's now. The versions are computed in
 * src/rules/translation.ts, from the facts translation-drift compares.
 */
import { defineRule } from "../rule.ts";

export default defineRule({
  id: "translation-stale",
  severity: "warning",
  family: "translation",
  summary: "A translation's original changed after the version it records in `translatedFrom`, or it records none.",
  disable: "no",
  messages: {
    unrecorded:
      '{{translation}} does not record which version of {{original}} it translates, so a change to the original cannot be noticed: once it matches the original, add "translatedFrom: {{version}}" to its front matter',
    originalChanged:
      '{{original}} changed after {{translation}} was translated from it (translatedFrom: {{recorded}}; the original is now {{version}}): bring the translation up to date (git log -p {{original}} shows what changed), then set "translatedFrom: {{version}}"',
  },
});
