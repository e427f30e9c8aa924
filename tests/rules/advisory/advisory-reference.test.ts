/**
 * advisory-reference on advisory files: a reference, or a GIT range's repository, that is not an
 * https: URL, and a reference type that is not one of OSV's.
 */
import advisoryReference from "../../../src/rules/advisory/advisory-reference.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, check, edited, pageAdvisory, type AdvisoryFile } from "./advisory-text.ts";

const ADVISORY_URL = "url: https://github.com/advisories/GHSA-2c4m-59x9-fr2g";
const RANGE = "      - type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.4.3\n";
const repo = (url: string) => edited([[RANGE, `      - type: GIT\n        repo: ${url}\n        introduced: "0"\n        fixed: 4f6c2b9d0e1a3c5b7d9f1e2a4c6b8d0f2e4a6c8b\n`]]);

const patch = edited([["type: FIX", "type: PATCH"]]);
const http = edited([[ADVISORY_URL, "url: http://github.com/advisories/GHSA-2c4m-59x9-fr2g"]]);
const bare = edited([[ADVISORY_URL, "url: github.com/advisories/GHSA-2c4m-59x9-fr2g"]]);
const ftp = edited([[ADVISORY_URL, "url: ftp://example.org/advisory.txt"]]);
const both = edited([["type: ADVISORY\n    " + ADVISORY_URL, "type: BLOG\n    url: http://example.org/blog"]]);
const httpRepo = repo("http://github.com/example/options");
const bareRepo = repo("github.com/example/options");

testRule(advisoryReference, (file: AdvisoryFile) => check(file), {
  valid: [
    { name: "https: references of OSV's types", input: edited([]) },
    { name: "types in small letters", input: edited([["type: FIX", "type: fix"], ["type: ADVISORY", "type: Advisory"]]) },
    { name: "a reference without a type, taken as WEB", input: edited([["  - type: ADVISORY\n    url:", "  - url:"]]) },
    { name: "a GIT range whose repository is an https: URL", input: repo("https://github.com/example/options") },
  ],
  invalid: [
    {
      name: "a reference type OSV lacks",
      input: patch,
      findings: [{ messageId: "typeUnknown", ...at(patch, "PATCH"), message: 'the reference type "PATCH" is not one of OSV\'s: ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, GIT, PACKAGE, EVIDENCE, WEB' }],
    },
    {
      name: "an http: reference",
      input: http,
      findings: [{ messageId: "notHttps", ...at(http, "http://"), message: '"http://github.com/advisories/GHSA-2c4m-59x9-fr2g" is not an https: link: a reference must reach the reader unaltered; use its https: address' }],
    },
    { name: "an ftp: reference", input: ftp, findings: [{ messageId: "notHttps", ...at(ftp, "ftp://") }] },
    {
      name: "a reference without its scheme",
      input: bare,
      findings: [{ messageId: "notUrl", ...at(bare, "github.com/advisories"), message: '"github.com/advisories/GHSA-2c4m-59x9-fr2g" is not a URL: write the whole address, starting with https://' }],
    },
    {
      name: "a reference of an unknown type and an http: address, the type first",
      input: both,
      findings: [
        { messageId: "typeUnknown", ...at(both, "BLOG") },
        { messageId: "notHttps", ...at(both, "http://") },
      ],
    },
    { name: "a GIT range's repository at an http: address", input: httpRepo, findings: [{ messageId: "notHttps", ...at(httpRepo, "http://"), message: '"http://github.com/example/options" is not an https: link: a reference must reach the reader unaltered; use its https: address' }] },
    { name: "a GIT range's repository without its scheme", input: bareRepo, findings: [{ messageId: "notUrl", ...at(bareRepo, "github.com/example/options") }] },
  ],
  example: (text) => pageAdvisory(advisoryReference.id, text),
});
