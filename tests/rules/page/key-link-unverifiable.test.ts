import keyLinkUnverifiable from "../../../src/rules/page/key-link-unverifiable.ts";
import { testRule } from "../../support/rule-tester.ts";
import { contact, HEX, OTHER, runPage, SECURITY, type PageInput } from "./page-input.ts";

/** A page with one link, reading "the key", at line 2, column 1. */
const linkTo = (href: string, contacts = [SECURITY]): PageInput => ({ html: `<h2>Keys</h2>\n<a href="${href}">the key</a>`, contacts });

testRule<PageInput, typeof keyLinkUnverifiable.messages>(keyLinkUnverifiable, runPage, {
  valid: [
    { name: "a Keybase key link that names the declared fingerprint", input: linkTo(`https://keybase.io/examplemaint/pgp_keys.asc?fingerprint=${HEX.toLowerCase()}`) },
    { name: "an openpgp4fpr: link to the declared fingerprint", input: linkTo(`openpgp4fpr:${HEX}`) },
    { name: "a keyserver lookup by the declared fingerprint", input: linkTo(`https://keys.openpgp.org/vks/v1/by-fingerprint/${HEX}`) },
    { name: "a GitHub profile, which fetches no key", input: linkTo("https://github.com/example-maintainer") },
    { name: "a GitHub account's SSH keys, which are no OpenPGP key", input: linkTo("https://github.com/example-maintainer.keys") },
    { name: "a file named .gpg in a repository", input: linkTo("https://github.com/example/project/blob/main/KEYS.gpg") },
    { name: "a Keybase profile, which fetches no key", input: linkTo("https://keybase.io/examplemaint") },
    { name: "a .gpg address on another host than GitHub", input: linkTo("https://gitlab.example.org/example-maintainer.gpg") },
  ],
  invalid: [
    {
      name: "a GitHub account's OpenPGP keys",
      input: linkTo("https://github.com/example-maintainer.gpg"),
      findings: [
        {
          messageId: "githubKeys",
          line: 2,
          column: 1,
          message: `link gets whatever keys the GitHub account example-maintainer holds, and names no fingerprint, so the checks cannot tell whether it is the declared key; link to the key by its fingerprint instead, e.g. https://keys.openpgp.org/vks/v1/by-fingerprint/${HEX}`,
        },
      ],
    },
    {
      name: "a GitHub account's keys on www.github.com, over plain http",
      input: linkTo("http://www.github.com/Example-Maintainer.gpg"),
      findings: [{ messageId: "githubKeys", line: 2, column: 1 }],
    },
    {
      name: "a Keybase key link without a fingerprint query",
      input: linkTo("https://keybase.io/examplemaint/pgp_keys.asc"),
      findings: [
        {
          messageId: "keybaseNoFingerprint",
          line: 2,
          column: 1,
          message: `link gets the Keybase account examplemaint's key without naming its fingerprint, so the checks cannot tell whether it is the declared key; add ?fingerprint=${HEX} to the link`,
        },
      ],
    },
    {
      name: "a Keybase key link whose fingerprint query is empty",
      input: linkTo("https://keybase.io/examplemaint/pgp_keys.asc?fingerprint="),
      findings: [{ messageId: "keybaseNoFingerprint", line: 2, column: 1 }],
    },
    {
      name: "with two contacts, the fix names the first contact's fingerprint",
      input: linkTo("https://keybase.io/examplemaint/pgp_keys.asc?other=1", [contact("psirt@example.org", OTHER), SECURITY]),
      findings: [
        {
          messageId: "keybaseNoFingerprint",
          line: 2,
          column: 1,
          message: `link gets the Keybase account examplemaint's key without naming its fingerprint, so the checks cannot tell whether it is the declared key; add ?fingerprint=${OTHER} to the link`,
        },
      ],
    },
  ],
  // The doc page's example is part of a rendered page; its one declared contact is security@example.org, with the key HEX.
  example: (text) => ({ html: text, contacts: [SECURITY] }),
});
