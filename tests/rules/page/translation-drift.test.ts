/**
 * translation-drift on an original and its translation: the fingerprints (by their digits),
 * addresses (in any case, in text or in mail links) and keyserver links (as written) of the
 * translation against the original's. A fact changed is one finding at the translation's line;
 * one added is a finding at its line; one left out is a finding at the first line of the body.
 */
import translationDrift from "../../../src/rules/page/translation-drift.ts";
import { translationDrift as checkDrift } from "../../../src/rules/translation.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, GROUPED, HEX, LINK, markdown, ORIGINAL, ORIGINAL_BODY, original, translation, TRANSLATION_BODY, type Translated } from "./translation-pages.ts";

const FRONT = ["title: Seguridad"];
/** A translation of ORIGINAL whose body is TRANSLATION_BODY with each pair replaced. */
const edited = (...replacements: Array<[string | RegExp, string]>): Translated => ({
  original: ORIGINAL,
  translation: markdown(FRONT, TRANSLATION_BODY.map((line) => replacements.reduce((l, [from, to]) => l.replace(from, to), line))),
});

const run = (input: Translated) => checkDrift(original(input.original), translation(input.translation));
const TAIL = "a translation shows the same fingerprints, addresses and keyserver links as the original";

const changedFingerprint = edited(["C5B5 3E91 [", "C5B5 3E92 ["]);
const addedAddress = edited(["a [security", "a [seguridad@example.org](mailto:seguridad@example.org) o [security"]);
const changedAddress = edited([/security@example\.org/g, "seguridad@example.org"]);
const noLink = edited([/ \[keys\.openpgp\.org\]\([^)]*\)/, ""]);
const malformed = edited(["C5B5 3E91 [", "C5B5 3E9 ["]);
const V6 = "F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F";
const addedV6 = edited(["## Informar", `## Informar\n\nClave nueva: ${V6}`]);
const twoForOne = edited(["C5B5 3E91 [", "C5B5 3E92 o 8ECA FE52 3964 AF82 4016 F6C8 1167 27A6 0111 BF2D ["]);
const noneForTwo = { original: markdown([], [...ORIGINAL_BODY, "", "Or by post: post@example.org"]), translation: markdown(FRONT, ["## Informar", "", "Escriba a seguridad@example.org.", "", `${GROUPED} [keys.openpgp.org](${LINK})`]) };
const otherKeyLinks = ["", "Import it with [openpgp4fpr](openpgp4fpr:" + HEX + "), or from [GitHub](https://github.com/example-maintainer.gpg)."];
const keyLinks = { original: markdown([], [...ORIGINAL_BODY, ...otherKeyLinks]), translation: markdown(FRONT, [...TRANSLATION_BODY, "", "Impórtela con [openpgp4fpr](openpgp4fpr:" + HEX + ")."]) };
const bare = { original: ORIGINAL, translation: markdown([], TRANSLATION_BODY.slice(0, 3)) };

testRule(translationDrift, run, {
  valid: [
    { name: "the same facts in other words", input: edited() },
    { name: "an address in capitals", input: edited([/security@example\.org/g, "Security@Example.ORG"]) },
    { name: "a fingerprint written without spaces", input: edited([GROUPED, HEX]) },
    { name: "the facts in another order, each shown once", input: { original: ORIGINAL, translation: markdown(FRONT, [`[keys.openpgp.org](${LINK}) ${GROUPED}`, "", "security@example.org"]) } },
    { name: "openpgp4fpr and GitHub key links shown in both", input: { original: markdown([], [...ORIGINAL_BODY, ...otherKeyLinks]), translation: markdown(FRONT, [...TRANSLATION_BODY, ...otherKeyLinks]) } },
    { name: "a page and its translation with no facts at all", input: { original: markdown([], ["# Hola"]), translation: markdown(FRONT, ["# Hello"]) } },
  ],
  invalid: [
    {
      name: "a fingerprint with another last digit",
      input: changedFingerprint,
      findings: [
        {
          messageId: "changed",
          ...at(changedFingerprint.translation, "7FC1"),
          message: `this translation shows the fingerprint 7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E92 where its original content/security.md shows the fingerprint ${GROUPED} (line 10); ${TAIL}: copy it from there`,
        },
      ],
    },
    {
      name: "an address the original does not show, in a mail link and its text, said once",
      input: addedAddress,
      findings: [
        {
          messageId: "extra",
          ...at(addedAddress.translation, "seguridad@example.org"),
          message: `this translation shows the address seguridad@example.org, which its original content/security.md does not; ${TAIL}: remove it, or add it to the original first`,
        },
      ],
    },
    {
      name: "another address in place of the original's, on two lines: changed on the first, and shown again on the second",
      input: changedAddress,
      findings: [
        {
          messageId: "changed",
          ...at(changedAddress.translation, "seguridad@example.org"),
          message: `this translation shows the address seguridad@example.org where its original content/security.md shows the address security@example.org (line 8); ${TAIL}: copy it from there`,
        },
        { messageId: "extra", ...at(changedAddress.translation, "seguridad@example.org", 3) },
      ],
    },
    {
      name: "the keyserver link left out, reported at the first line of the body",
      input: noLink,
      findings: [
        {
          messageId: "missing",
          line: 4,
          column: 1,
          message: `this translation does not show the keyserver link ${LINK}, which its original content/security.md shows (line 10); ${TAIL}: add it where the original has it`,
        },
      ],
    },
    {
      name: "a key link that names no fingerprint, left out of the translation",
      input: keyLinks,
      findings: [
        {
          messageId: "missing",
          line: 4,
          column: 1,
          message: `this translation does not show the keyserver link https://github.com/example-maintainer.gpg, which its original content/security.md shows (line 7); ${TAIL}: add it where the original has it`,
        },
      ],
    },
    {
      name: "a fingerprint missing a digit, named as written",
      input: malformed,
      findings: [
        {
          messageId: "changed",
          ...at(malformed.translation, "7FC1"),
          message: `this translation shows the fingerprint "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E9" where its original content/security.md shows the fingerprint ${GROUPED} (line 10); ${TAIL}: copy it from there`,
        },
      ],
    },
    {
      name: "a version 6 fingerprint the original does not show, in groups of four",
      input: addedV6,
      findings: [
        {
          messageId: "extra",
          ...at(addedV6.translation, V6),
          message: `this translation shows the fingerprint F6DC BD9A 9F48 C5F1 03E5 22D9 47CE DD5F A33D 2B1B A611 96F2 6A2C DBE9 8778 9F8F, which its original content/security.md does not; ${TAIL}: remove it, or add it to the original first`,
        },
      ],
    },
    {
      name: "two fingerprints where the original shows one: one changed, one added",
      input: twoForOne,
      findings: [
        { messageId: "changed", ...at(twoForOne.translation, "7FC1") },
        { messageId: "extra", ...at(twoForOne.translation, "8ECA") },
      ],
    },
    {
      name: "one address where the original shows two: one changed, one left out, in the order of the lines",
      input: noneForTwo,
      findings: [
        { messageId: "missing", line: 4, column: 1, message: `this translation does not show the address post@example.org, which its original content/security.md shows (line 7); ${TAIL}: add it where the original has it` },
        { messageId: "changed", ...at(noneForTwo.translation, "seguridad@example.org") },
      ],
    },
    {
      name: "an address the original shows three times, left out: said once, with the first line",
      input: { original: ORIGINAL, translation: markdown(FRONT, ["## Informar", "", `${GROUPED} [keys.openpgp.org](${LINK})`]) },
      findings: [{ messageId: "missing", line: 4, column: 1, message: `this translation does not show the address security@example.org, which its original content/security.md shows (line 8); ${TAIL}: add it where the original has it` }],
    },
    {
      name: "a translation without front matter that leaves out the fingerprint and its link",
      input: bare,
      findings: [
        { messageId: "missing", line: 1, column: 1 },
        { messageId: "missing", line: 1, column: 1 },
      ],
    },
  ],
  // The doc page's example is the translation; its original is ORIGINAL, content/security.md, which shows the key on line 10.
  example: (text) => ({ original: ORIGINAL, translation: text }),
});
