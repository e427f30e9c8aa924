/**
 * template-error on the error a plain Eleventy fails with, as explainBuildError explains it: a
 * Nunjucks template that does not parse, at the line and column Nunjucks names, counted from the
 * top of the file (Nunjucks counts from the end of the front matter).
 */
import { explained, pageSite } from "./eleventy-error.ts";
import templateError from "../../../src/rules/build/template-error.ts";
import { testRule } from "../../support/rule-tester.ts";

testRule(templateError, explained, {
  valid: [
    { name: "a template that renders", input: { files: { "index.njk": "---\ntitle: Security\n---\n<h1>{{ title }}</h1>{% if title %}.{% endif %}\n" } } },
    { name: "a template whose include is missing, which is build-error's", input: { files: { "index.njk": "{% include 'missing.njk' %}\n" } } },
  ],
  invalid: [
    {
      name: "an if without a condition, after front matter",
      input: { files: { "security.njk": "---\ntitle: Security\n---\n\nWe answer within a day{% if %}.{% endif %}\n" } },
      findings: [{ messageId: "cannotRender", line: 5, column: 29, message: "the template cannot be rendered: unexpected token: %}" }],
    },
    { name: "an if without a condition, without front matter", input: { files: { "security.njk": "We answer{% if %}.{% endif %}\n" } }, findings: [{ messageId: "cannotRender", line: 1, column: 16 }] },
    { name: "an expression cut short", input: { files: { "security.njk": "<p>\n{{ 'a' + }}\n" } }, findings: [{ messageId: "cannotRender", line: 2, column: 10, message: "the template cannot be rendered: unexpected token: }}" }] },
  ],
  // A Markdown page, rendered with Nunjucks first as the site renders it.
  example: (text) => ({ ...pageSite(templateError.id, text), markdownNunjucks: true }),
});
