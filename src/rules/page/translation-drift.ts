/**
 * translation-drift: a translation that shows a fingerprint, address or keyserver link its
 * original does not, or leaves one out. `{{kind}}` is the kind of fact ("fingerprint",
 * "address", "keyserver link"); `{{value}}` is the fact as compared, a fingerprint in groups of
 * four (or as written, in quotes, when it is malformed). The facts are read and compared in
 * src/rules/translation.ts, which translation-stale shares.
 */
import { defineRule } from "../rule.ts";

export default defineRule({
  id: "translation-drift",
  severity: "error",
  family: "translation",
  summary: "A translation of a page shows a fingerprint, address or keyserver link that its original does not, or leaves one out.",
  disable: "no",
  messages: {
    changed:
      "this translation shows the {{kind}} {{value}} where its original {{original}} shows the {{kind}} {{expected}} (line {{line}}); a translation shows the same fingerprints, addresses and keyserver links as the original: copy it from there",
    extra:
      "this translation shows the {{kind}} {{value}}, which its original {{original}} does not; a translation shows the same fingerprints, addresses and keyserver links as the original: remove it, or add it to the original first",
    missing:
      "this translation does not show the {{kind}} {{value}}, which its original {{original}} shows (line {{line}}); a translation shows the same fingerprints, addresses and keyserver links as the original: add it where the original has it",
  },
});
