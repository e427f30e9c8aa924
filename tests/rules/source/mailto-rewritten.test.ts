import mailtoRewritten from "../../../src/rules/source/mailto-rewritten.ts";
import authoredMailto, { rewrittenMailtoProblem } from "../../../src/markdown/authored-mailto.ts";
import { placed, type Finding } from "../../../src/findings/finding.ts";
import { testRule } from "../../support/rule-tester.ts";
import { FILE, renderPage } from "./markdown-page.ts";

/**
 * A page file's text, rendered with the plugin; or a link as written and as markdown-it would
 * publish it, judged without a page (at 1:1). No link markdown-it rewrites is valid as written
 * today, so only the second form reaches the message for a valid link that was rewritten.
 */
type Input = string | { authored: string; published: string };

function run(input: Input): Finding[] {
  if (typeof input !== "string") return [placed(rewrittenMailtoProblem(input.authored, input.published), FILE, { line: 1, column: 1 })];
  return renderPage(input, (md, findings) => md.use(authoredMailto, { findings }));
}

const page = (body: string) => `---\ntitle: Security\n---\n# Security\n\n${body}\n`;

testRule<Input, typeof mailtoRewritten.messages>(mailtoRewritten, run, {
  example: (text) => text,
  valid: [
    { name: "a valid mailto link", input: page("Write to [us](mailto:security@example.org?subject=Security%20report).") },
    { name: "a mailto link with escapes in lower case", input: page("Write to [us](mailto:security@example.org?subject=%e2%82%ac).") },
    { name: "a link that is no mailto link, rewritten", input: page("See [it](https://example.org/a%ZZb).") },
    { name: "a mailto autolink", input: page("Write to <mailto:security@example.org>.") },
  ],
  invalid: [
    {
      name: "an invalid escape is published as a literal percent sign",
      input: page("Intro.\n\nWrite to [us](mailto:security@example.org?subject=%ZZreport)."),
      findings: [
        {
          messageId: "invalidAsWritten",
          line: 8,
          column: 15,
          message:
            'mailto link "mailto:security@example.org?subject=%ZZreport" is published as "mailto:security@example.org?subject=%25ZZreport", which is not what it says: as written, "%ZZ" is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)',
        },
      ],
    },
    {
      name: "characters a URL may not hold are escaped on publishing",
      input: page("Write to [us](mailto:security@example.org?subject=[PGP]%20report)."),
      findings: [{ messageId: "invalidAsWritten", line: 6, column: 15 }],
    },
    {
      name: "an address with an international domain is published in punycode",
      input: page("Write to [us](mailto:security@bücher.example)."),
      findings: [{ messageId: "invalidAsWritten", line: 6, column: 15 }],
    },
    {
      name: "each rewritten link is reported, on its own line",
      input: page("- [one](mailto:a@example.org?subject=%ZZ)\n- [two](mailto:b@example.org?body=a|b)"),
      findings: [
        { messageId: "invalidAsWritten", line: 6, column: 9 },
        { messageId: "invalidAsWritten", line: 7, column: 9 },
      ],
    },
    {
      name: "a link valid as written and published otherwise says what it was published as",
      input: { authored: "mailto:security@example.org?subject=Report", published: "mailto:security@example.org?subject=Report%20" },
      findings: [
        {
          messageId: "rewritten",
          line: 1,
          column: 1,
          message:
            'mailto link "mailto:security@example.org?subject=Report" is published as "mailto:security@example.org?subject=Report%20", which is not what it says; write it as "mailto:security@example.org?subject=Report%20" if that is what it means',
        },
      ],
    },
  ],
});
