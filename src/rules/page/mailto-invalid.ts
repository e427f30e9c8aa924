import type { Problem } from "../../findings/finding.ts";
import { type Mailto, type MailtoProblem, parseMailto } from "../../formats/mailto.ts";
import { defineRule, fill } from "../rule.ts";

/**
 * What is wrong with a mailto link, by the parser's code (src/formats/mailto.ts), in words that
 * follow the link: a finding of this rule puts `mailto link "<href>": ` before them, and other
 * rules quote them (mailto-rewritten, securitytxt-invalid).
 */
const REASONS = {
  notMailto: '{{link}} is not a mailto link; write "mailto:" followed by the address, e.g. mailto:security@example.org',
  leadingWhitespace: 'mailto link starts with whitespace; remove it so the link begins with "mailto:"',
  fragment:
    '"#" at column {{column}} starts a fragment, which means nothing in a mailto link; write it as %23 if it belongs to an address or value, otherwise remove it and what follows',
  slashes: 'mailto link has "//" after "mailto:"; write the address right after the colon, e.g. mailto:security@example.org',
  noAddress: 'mailto link has no address; write one after "mailto:", e.g. mailto:security@example.org',
  emptyAddress: 'empty address at column {{column}} in mailto link; remove the extra ","',
  emptyField: 'extra "{{separator}}" at column {{column}} in mailto link leaves an empty header field; remove it',
  fieldWithoutEquals: 'header field {{field}} at column {{column}} has no "="; write it as name=value, e.g. {{name}}=value',
  fieldWithoutName: 'header field at column {{column}} has no name before "="; write it as name=value, e.g. subject=Hello',
  fieldNameCharacter:
    'header field name {{name}} at column {{column}} contains {{character}}; header field names are printable ASCII without spaces or ":", e.g. subject',
  emptyTo: 'empty "to" header field at column {{column}}; put an address after "to=" or remove the field',
  badEscape: '{{escape}} is not a valid percent escape; use % followed by two hex digits (a literal "%" is %25)',
  notUtf8:
    '{{bytes}} at column {{column}} is not UTF-8; percent escapes must spell the UTF-8 bytes of each character (e.g. "é" is %C3%A9, not %E9)',
  secondQuestionMark:
    'second "?" at column {{column}} in mailto link; separate header fields with "&", and write a "?" that belongs to a value as %3F',
  unpairedSurrogate: "unpaired surrogate {{codePoint}} at column {{column}} in mailto link is not a character; remove it",
  rawCharacter: "raw {{character}} at column {{column}} in mailto link; write it as {{escaped}}",
  rawLineBreak: "raw control character {{codePoint}} at column {{column}} in mailto link; write it as {{escaped}} (a line break in a body is written %0D%0A)",
  addressQuotedWithoutAt: '{{address}} is not an email address: it has no "@"; write "@" and the domain after the closing quote',
  addressAfterQuote: '{{address}} is not an email address: it has {{character}} after the closing double quote; put the "@" right after the closing quote',
  addressWithoutAt: '{{address}} is not an email address: it has no "@"; write it as mailbox@domain, e.g. security@example.org',
  addressNothingBeforeAt:
    '{{address}} is not an email address: it has nothing before the "@"; write the mailbox name before the "@", e.g. security@example.org',
  addressLocalStartsWithDot: '{{address}} is not an email address: the part before "@" starts with "."; remove that "."',
  addressLocalEndsWithDot: '{{address}} is not an email address: the part before "@" ends with "."; remove that "."',
  addressLocalEmptyLabel: '{{address}} is not an email address: the part before "@" has an empty label (".."); remove the extra "."',
  addressLocalCharacter:
    '{{address}} is not an email address: {{character}} is not allowed in the part before "@"; remove it, or put the part before "@" in double quotes (written %22 in the link)',
  addressManyAt:
    '{{address}} is not an email address: it has {{count}} "@"; keep only the "@" before the domain; an "@" in the mailbox name needs a quoted part, e.g. "a@b"@example.org',
  addressNothingAfterAt: '{{address}} is not an email address: it has nothing after the "@"; write the domain after the "@", e.g. security@example.org',
  addressDomainStartsWithDot: '{{address}} is not an email address: its domain starts with "."; remove that "."',
  addressDomainEndsWithDot: '{{address}} is not an email address: its domain ends with "."; remove that "."',
  addressDomainEmptyLabel: '{{address}} is not an email address: its domain has an empty label (".."); remove the extra "."',
  addressDomainCharacter:
    "{{address}} is not an email address: {{character}} is not allowed in its domain; remove it; a domain is dot-separated labels, e.g. example.org",
  addressLiteralTextAfter: '{{address}} is not an email address: it has text after the "]" of its domain; remove it',
  addressLiteralCharacter:
    "{{address}} is not an email address: {{character}} is not allowed inside the [ ] of its domain; remove it; a domain literal holds an address such as [192.0.2.1]",
  addressLiteralUnclosed: '{{address}} is not an email address: the "[" of its domain is never closed; end the domain with "]" (%5D in the link)',
  addressQuotedCharacter: "{{address}} is not an email address: {{character}} cannot appear inside quotes; remove it",
  addressQuoteUnclosed:
    '{{address}} is not an email address: its opening double quote is never closed; end the quoted part with a double quote (%22 in the link) before the "@"',
} as const;

type InLink<R extends Record<string, string>> = { readonly [K in keyof R]: `mailto link "{{href}}": ${R[K]}` };

/** Each reason after `mailto link "{{href}}": `, the link it is about. */
function inLink<R extends Record<string, string>>(reasons: R): InLink<R> {
  return Object.fromEntries(Object.entries(reasons).map(([id, reason]) => [id, `mailto link "{{href}}": ${reason}`])) as InLink<R>;
}

const mailtoInvalid = defineRule({
  id: "mailto-invalid",
  severity: "error",
  family: "mailto",
  summary: "A `mailto:` link that is not a valid RFC 6068 URI.",
  disable: "page",
  messages: inLink(REASONS),
});

export default mailtoInvalid;

/**
 * Reads an href as a mailto link: the link when it is valid, otherwise every problem, in the
 * order they occur, each in this rule's words and at its offset in the href (`index`).
 */
export function checkMailto(href: string): { mailto?: Mailto; problems: Problem[] } {
  const { mailto, problems } = parseMailto(href);
  return {
    ...(mailto ? { mailto } : {}),
    problems: problems.map((p) => mailtoInvalid.fromFormat({ ...p, values: { ...p.values, href } })),
  };
}

/**
 * What is wrong with a mailto link first, in the words that follow `mailto link "<href>": `,
 * for another rule's message that quotes it; undefined when the link is valid.
 */
export function mailtoReason(href: string): string | undefined {
  const [first] = parseMailto(href).problems;
  return first === undefined ? undefined : reason(first);
}

function reason(p: MailtoProblem): string {
  return fill(REASONS[p.code], p.values, `rule mailto-invalid, reason ${p.code}`);
}
