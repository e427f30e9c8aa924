/**
 * translation-stale on an original and its translation: the version the translation records
 * in `translatedFrom` against the original's now. None recorded (or an empty one) is a finding
 * at the first line; another one is a finding at the `translatedFrom` line.
 */
import translationStale from "../../../src/rules/source/translation-stale.ts";
import { sourceVersion, translationStale as checkStale } from "../../../src/rules/translation.ts";
import { testRule } from "../../support/rule-tester.ts";
import { markdown, ORIGINAL, ORIGINAL_BODY, original, translation, TRANSLATION_BODY, type Translated } from "../page/translation-pages.ts";

const NOW = sourceVersion(ORIGINAL);
const run = (input: Translated) => checkStale(original(input.original), translation(input.translation));
const recording = (...frontMatter: string[]): Translated => ({ original: ORIGINAL, translation: markdown(["title: Seguridad", ...frontMatter], TRANSLATION_BODY) });
const reworded = markdown(["title: Security"], ORIGINAL_BODY.map((l) => l.replace("Write to", "Send your report to")));

testRule(translationStale, run, {
  // The translation, of the original the other cases have.
  example: (text) => ({ original: ORIGINAL, translation: text }),
  valid: [
    { name: "a translation that records its original's version", input: recording(`translatedFrom: ${NOW}`) },
    { name: "the version in double quotes", input: recording(`translatedFrom: "${NOW}"`) },
    { name: "the version in single quotes, after spaces", input: recording(`translatedFrom:   '${NOW}'`) },
    { name: "an original whose front matter changed, and not its body", input: { ...recording(`translatedFrom: ${NOW}`), original: markdown(["title: Security policy"], ORIGINAL_BODY) } },
    { name: "an original with other line endings and trailing spaces", input: { ...recording(`translatedFrom: ${NOW}`), original: ORIGINAL.replace(/\n/g, "  \r\n") } },
  ],
  invalid: [
    {
      name: "a translation that records no version",
      input: recording(),
      findings: [
        {
          messageId: "unrecorded",
          line: 1,
          column: 1,
          message: `content/es/security.md does not record which version of content/security.md it translates, so a change to the original cannot be noticed: once it matches the original, add "translatedFrom: ${NOW}" to its front matter`,
        },
      ],
    },
    { name: "a translation that records an empty version", input: recording('translatedFrom: ""'), findings: [{ messageId: "unrecorded", line: 1, column: 1 }] },
    { name: "a translation without front matter", input: { original: ORIGINAL, translation: markdown([], TRANSLATION_BODY) }, findings: [{ messageId: "unrecorded", line: 1, column: 1 }] },
    {
      name: "an original reworded after the version the translation records",
      input: { ...recording("permalink: /es/seguridad/", `translatedFrom: ${NOW}`), original: reworded },
      findings: [
        {
          messageId: "originalChanged",
          line: 4,
          column: 1,
          message: `content/security.md changed after content/es/security.md was translated from it (translatedFrom: ${NOW}; the original is now ${sourceVersion(reworded)}): bring the translation up to date (git log -p content/security.md shows what changed), then set "translatedFrom: ${sourceVersion(reworded)}"`,
        },
      ],
    },
    {
      name: "a version one digit off the original's",
      input: recording(`translatedFrom: ${NOW.slice(0, -1)}${NOW.endsWith("0") ? "1" : "0"}`),
      findings: [{ messageId: "originalChanged", line: 3, column: 1 }],
    },
    { name: "a version in capitals, which is another version", input: recording(`translatedFrom: ${NOW.toUpperCase()}`), findings: [{ messageId: "originalChanged", line: 3, column: 1 }] },
  ],
});
