import deployedSecuritytxt from "../../../src/rules/deployed/deployed-securitytxt.ts";
import deployedSecuritytxtExpiring from "../../../src/rules/deployed/deployed-securitytxt-expiring.ts";
import { testRule } from "../../support/rule-tester.ts";
import { otherRule } from "./answers.ts";
import { BUILT, edited, FILE, judge, signed } from "./security-txt-site.ts";

const SIGNED = await signed(FILE, "declared");
/** A build that also publishes Hiring, Acknowledgments (its thanks page) and CSAF. */
const WITH_MORE = edited(3, BUILT[2]!, "Acknowledgments: https://example.org/thanks").replace(/\n$/, "\nHiring: https://example.org/jobs\nCSAF: https://example.org/.well-known/csaf/provider-metadata.json\n");
const SIGNED_BY_OTHER = await signed(FILE, "other");

testRule(deployedSecuritytxt, judge, {
  valid: [
    { name: "the file the build publishes, served as text/plain; charset=utf-8", input: {} },
    { name: "the Content-Type written in other case and without a space", input: { type: "Text/Plain;Charset=UTF-8" } },
    { name: "field names written in lower case", input: { body: BUILT.map((line) => line.replace(/^[\w-]+/, (name) => name.toLowerCase())).join("\n") } },
    { name: "comments and blank lines between the fields", input: { body: `# Our policy\n\n${FILE}` } },
    { name: "no legacy /security.txt (404): it is optional", input: { legacy: true, status: 404 } },
    { name: "the file signed with the declared key", input: { body: SIGNED } },
    { name: "Hiring, Acknowledgments and CSAF, where the build publishes them", input: { built: WITH_MORE, body: WITH_MORE } },
    { name: "the same fields in another order", input: { built: WITH_MORE, body: `${[...WITH_MORE.trim().split("\n")].reverse().join("\n")}\n` } },
  ],
  invalid: [
    {
      name: "no file where RFC 9116 puts it",
      input: { status: 404 },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 404, not the file: deploy the build's public/.well-known/security.txt" }],
    },
    {
      name: "a legacy /security.txt that answers with an error rather than not being there",
      input: { legacy: true, status: 500 },
      findings: [{ messageId: "status", line: 1, column: 1, message: "answers 500, not the file: deploy the build's public/.well-known/security.txt" }],
    },
    {
      name: "a legacy /security.txt that is there is judged as the main one",
      input: { legacy: true, body: edited(4, "Preferred-Languages: de") },
      findings: [{ messageId: "fieldDiffers", line: 4, column: 1 }],
    },
    {
      name: "text/plain without the charset",
      input: { type: "text/plain" },
      findings: [{ messageId: "contentType", line: 1, column: 1, message: "is served as text/plain; RFC 9116 asks for text/plain; charset=utf-8: set the Content-Type (see _headers, or npm run nginx-config)" }],
    },
    {
      name: "no Content-Type at all",
      input: { type: null },
      findings: [{ messageId: "contentType", line: 1, column: 1, message: "is served as (none); RFC 9116 asks for text/plain; charset=utf-8: set the Content-Type (see _headers, or npm run nginx-config)" }],
    },
    { name: "text/plain; charset=utf-8 with more after it", input: { type: "text/plain; charset=utf-8; format=flowed" }, findings: [{ messageId: "contentType", line: 1, column: 1 }] },
    { name: "another type that ends in text/plain; charset=utf-8", input: { type: "x-text/plain; charset=utf-8" }, findings: [{ messageId: "contentType", line: 1, column: 1 }] },
    {
      name: "a file signed with a key the site data does not declare",
      input: { body: SIGNED_BY_OTHER },
      findings: [{ messageId: "signature", line: 1, column: 1, message: "is signed, but the signature does not verify with any declared contact's key: deploy a build signed with a declared key" }],
    },
    {
      name: "the declared key's signed file with a comment added on the server: every field the same, the signature no longer good",
      input: { body: SIGNED.replace(/^Contact: /m, "# edited on the server\nContact: ") },
      findings: [{ messageId: "signature", line: 1, column: 1 }],
    },
    {
      name: "an Expires that has passed",
      input: { body: edited(2, "Expires: 2026-01-01T00:00:00Z") },
      findings: [
        { messageId: "fieldDiffers", line: 2, column: 1, message: "Expires should be 2026-07-09T00:00:00Z, but the deployed file says 2026-01-01T00:00:00Z: deploy a fresh build" },
        { messageId: "expired", line: 2, column: 1, message: 'Expires 2026-01-01T00:00:00Z has passed: researchers are told not to trust it; review the policy, update "reviewed", and deploy' },
      ],
    },
    {
      name: "an Expires that is this very moment",
      input: { body: edited(2, "Expires: 2026-02-01T12:00:00Z") },
      findings: [
        { messageId: "fieldDiffers", line: 2, column: 1 },
        { messageId: "expired", line: 2, column: 1 },
      ],
    },
    {
      name: "an Expires a second from now is not yet expired",
      input: { body: edited(2, "Expires: 2026-02-01T12:00:01Z") },
      findings: [
        { messageId: "fieldDiffers", line: 2, column: 1 },
        otherRule(deployedSecuritytxtExpiring, "expiring", { line: 2, column: 1 }),
      ],
    },
    { name: "an Expires that is not a date", input: { body: edited(2, "Expires: soon") }, findings: [{ messageId: "fieldDiffers", line: 2, column: 1 }] },
    {
      name: "a field given twice with other values than the build's",
      input: { body: edited(4, "Preferred-Languages: de", "Preferred-Languages: fr") },
      findings: [{ messageId: "fieldDiffers", line: 4, column: 1, message: "Preferred-Languages should be en, but the deployed file says de, fr: deploy a fresh build" }],
    },
    {
      name: "a field of the build's missing",
      input: { body: edited(6) },
      findings: [{ messageId: "fieldMissing", line: 1, column: 1, message: "Policy should be https://example.org/security/, but the deployed file has no such line: deploy a fresh build" }],
    },
    {
      name: "a language the build now publishes, as after a translation is added, missing",
      input: { built: edited(4, "Preferred-Languages: en, de") },
      findings: [{ messageId: "fieldDiffers", line: 4, column: 1, message: "Preferred-Languages should be en, de, but the deployed file says en: deploy a fresh build" }],
    },
    {
      name: "a thanks page the build now publishes, missing from the deployed file",
      input: { built: WITH_MORE },
      findings: [
        { messageId: "fieldMissing", line: 1, column: 1, message: "Acknowledgments should be https://example.org/thanks, but the deployed file has no such line: deploy a fresh build" },
        { messageId: "fieldMissing", line: 1, column: 1 },
        { messageId: "fieldMissing", line: 1, column: 1 },
      ],
    },
    {
      name: "a field the build does not publish",
      input: { body: edited(7, "Hiring: https://example.org/jobs") },
      findings: [{ messageId: "fieldExtra", line: 7, column: 1, message: "has Hiring: https://example.org/jobs, which the build does not publish: deploy a fresh build" }],
    },
    {
      name: "every fault at once, each at its line",
      input: { type: "text/html", body: `Contact: mailto:other@example.org\n${edited(1).replace("2026-07-09", "2026-01-09")}Hiring: https://example.org/jobs\n` },
      findings: [
        { messageId: "contentType", line: 1, column: 1 },
        { messageId: "fieldDiffers", line: 1, column: 1, message: "Contact should be mailto:security@example.org, but the deployed file says mailto:other@example.org: deploy a fresh build" },
        { messageId: "fieldDiffers", line: 2, column: 1 },
        { messageId: "fieldExtra", line: 7, column: 1 },
        { messageId: "expired", line: 2, column: 1 },
      ],
    },
  ],
  // Judged at NOW, 1 February 2026.
  example: (text) => ({ body: text }),
});
