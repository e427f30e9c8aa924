/** csaf-rolie-category on the distribution of tests/rules/csaf/distribution.ts: each listed category document served, and a category document. */
import csafRolieCategory from "../../../src/rules/csaf/csaf-rolie-category.ts";
import { testRule } from "../../support/rule-tester.ts";
import { CATEGORIES, edited, editedJson, exampleInput, GOOD, METADATA, runRule, without } from "./distribution.ts";

testRule(csafRolieCategory, runRule(csafRolieCategory), {
  example: (_text, _language, blocks) => exampleInput(blocks),
  valid: [
    { name: "the build's category document", input: GOOD },
    {
      name: "metadata that lists none, for a site without products",
      input: editedJson(
        METADATA,
        (m) => {
          delete m.distributions[0].rolie.categories;
        },
        without(CATEGORIES),
      ),
    },
  ],
  invalid: [
    {
      name: "a listed category document the site does not serve",
      input: without(CATEGORIES),
      findings: [{ messageId: "notCategories", line: 1, column: 1, message: "is listed in provider-metadata.json as a ROLIE category document, but the site does not serve it (CSAF 2.0 requirement 17): let the build write it from \"products\" in the site data, or take the copied one out of the site" }],
    },
    { name: "one that is not JSON", input: edited(CATEGORIES, () => "{"), findings: [{ messageId: "notCategories", line: 1, column: 1 }] },
    {
      name: "one without categories",
      input: edited(CATEGORIES, () => "{}"),
      findings: [{ messageId: "notCategories", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE category document, but it has no "categories" object (CSAF 2.0 requirement 17): let the build write it from "products" in the site data, or take the copied one out of the site' }],
    },
    {
      name: "categories without a list of them",
      input: edited(CATEGORIES, () => '{ "categories": { "category": "Example Options" } }'),
      findings: [{ messageId: "notCategories", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE category document, but its "categories" has no list of "category" (CSAF 2.0 requirement 17): let the build write it from "products" in the site data, or take the copied one out of the site' }],
    },
    {
      name: "a category without a term",
      input: editedJson(CATEGORIES, (c) => {
        c.categories.category.push({ label: "Example Server" });
      }),
      findings: [{ messageId: "notCategories", line: 1, column: 1, message: 'is listed in provider-metadata.json as a ROLIE category document, but a category has no "term" (CSAF 2.0 requirement 17): let the build write it from "products" in the site data, or take the copied one out of the site' }],
    },
  ],
});
