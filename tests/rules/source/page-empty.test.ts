/**
 * page-empty on page files: nothing, white space, a byte order mark alone; a page of one
 * character is not empty. An empty page is reported before its size is looked at.
 */
import pageEmpty from "../../../src/rules/source/page-empty.ts";
import { testRule } from "../../support/rule-tester.ts";
import { runPageFile, utf8 } from "./page-file-input.ts";

const MESSAGE = "the page is empty; write its front matter and text, or delete the file";

testRule(pageEmpty, runPageFile, {
  example: (text) => utf8(text),
  valid: [
    { name: "a page with front matter and text", input: utf8("---\ntitle: Security\n---\n\nWrite to security@example.org.\n") },
    { name: "a page of one letter", input: utf8("a") },
    { name: "a page of one letter after white space", input: utf8("\n\n   x\n") },
    { name: "a page of one letter after a byte order mark", input: utf8("\uFEFFa") },
  ],
  invalid: [
    { name: "a file with nothing in it", input: utf8(""), findings: [{ messageId: "empty", line: 1, column: 1, message: MESSAGE }] },
    { name: "a file of blank lines, spaces and tabs", input: utf8("\n  \n\t\r\n"), findings: [{ messageId: "empty", line: 1, column: 1 }] },
    { name: "a file with only a byte order mark", input: utf8("\uFEFF"), findings: [{ messageId: "empty", line: 1, column: 1 }] },
    { name: "a byte order mark and a blank line", input: utf8("\uFEFF\n"), findings: [{ messageId: "empty", line: 1, column: 1 }] },
    { name: "a file of white space larger than a page may be, which is called empty and not too large", input: { bytes: new Uint8Array(2048).fill(0x20), maxPageBytes: 1024 }, findings: [{ messageId: "empty", line: 1, column: 1 }] },
  ],
});
