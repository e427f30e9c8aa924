import linkTextHost from "../../../src/rules/page/link-text-host.ts";
import keyserverMismatch from "../../../src/rules/page/keyserver-mismatch.ts";
import { testRule } from "../../support/rule-tester.ts";
import { alsoFrom, runPage, type PageInput } from "./page-input.ts";

const link = (href: string, text: string): PageInput => ({ html: `<p>Look it up on <a href="${href}">${text}</a>.</p>` });

testRule<PageInput, typeof linkTextHost.messages>(linkTextHost, runPage, {
  valid: [
    { name: "text naming the host the link goes to", input: link("https://pgp.mit.edu/", "pgp.mit.edu") },
    { name: "text naming the host, over another page of it", input: link("https://keys.openpgp.org/about", "keys.openpgp.org/search") },
    { name: 'a leading "www." on the text only', input: link("https://example.org/", "www.example.org") },
    { name: 'a leading "www." on the address only', input: link("https://www.example.org/", "example.org") },
    { name: "a trailing dot and other case", input: link("https://PGP.MIT.EDU./", "pgp.mit.edu.") },
    { name: "an IDN in the text and its punycode in the address", input: link("https://xn--bcher-kva.example/", "bücher.example") },
    { name: "a full URL as the text", input: link("https://keys.openpgp.org/vks", "https://keys.openpgp.org/") },
    { name: "a protocol-relative address", input: link("//keys.openpgp.org/", "keys.openpgp.org") },
    { name: "a keyserver address with its own scheme", input: link("hkps://Keys.OpenPGP.org", "keys.openpgp.org") },
    { name: "text that is a sentence", input: link("https://pgp.surfnet.nl/", "our keyserver") },
    { name: "text that is a file name", input: link("/SECURITY.md", "SECURITY.md") },
  ],
  invalid: [
    {
      name: "text naming one keyserver over a link to another",
      input: link("https://pgp.surfnet.nl/pks/lookup", "pgp.mit.edu"),
      findings: [{ messageId: "otherHost", line: 1, column: 18, message: "link text names pgp.mit.edu but the link goes to pgp.surfnet.nl; make the text and the address name the same host" }],
    },
    {
      name: "a host that only ends with the named host is another host",
      input: link("https://keys.openpgp.org.attacker.example/", "keys.openpgp.org"),
      findings: [{ messageId: "otherHost", line: 1, column: 18, message: "link text names keys.openpgp.org but the link goes to keys.openpgp.org.attacker.example; make the text and the address name the same host" }],
    },
    {
      name: "a subdomain of the named host is another host",
      input: link("https://security.example.org/", "example.org"),
      findings: [{ messageId: "otherHost", line: 1, column: 18 }],
    },
    {
      name: "hosts are named as a reader writes them, not in punycode",
      input: link("https://xn--bcher-kva.example/", "example.org"),
      findings: [{ messageId: "otherHost", line: 1, column: 18, message: "link text names example.org but the link goes to bücher.example; make the text and the address name the same host" }],
    },
    {
      name: "text naming a host over an empty address",
      input: link("", "example.org"),
      findings: [{ messageId: "emptyAddress", line: 1, column: 18, message: "link text names example.org but the link has an empty address; link to example.org or change the text" }],
    },
    {
      name: "text naming a host over an address of spaces",
      input: link("  ", "example.org"),
      findings: [{ messageId: "emptyAddress", line: 1, column: 18 }],
    },
    {
      name: "text naming a host over a fragment of the page",
      input: { html: '<h2 id="keys">Keys</h2><p><a href="#keys">pgp.mit.edu</a></p>' },
      findings: [{ messageId: "fragment", line: 1, column: 27, message: 'link text names pgp.mit.edu but the link "#keys" goes to a fragment of this page; link to pgp.mit.edu or change the text' }],
    },
    {
      name: "text naming a host over an address of a scheme without a host",
      input: link("tel:+31201234567", "example.org"),
      findings: [{ messageId: "schemeWithoutHost", line: 1, column: 18, message: 'link text names example.org but the link "tel:+31201234567" is a tel: address with no host; link to example.org or change the text' }],
    },
    {
      name: "text naming a host over a URL with an empty host",
      input: link("https://", "example.org"),
      findings: [{ messageId: "unparseable", line: 1, column: 18, message: 'link text names example.org but the link "https://" cannot be parsed as a URL; fix the address' }],
    },
    {
      name: "text naming a host over a link relative to the site",
      input: link("/pks/lookup", "pgp.mit.edu"),
      findings: [{ messageId: "relative", line: 1, column: 18, message: 'link text names pgp.mit.edu but the link "/pks/lookup" is relative to this site; link to pgp.mit.edu or change the text' }],
    },
    {
      name: "text naming a host over an address the URL parser refuses",
      input: link("https://pgp mit.edu/", "pgp.mit.edu"),
      findings: [{ messageId: "unparseable", line: 1, column: 18, message: 'link text names pgp.mit.edu but the link "https://pgp mit.edu/" cannot be parsed as a URL; fix the address' }],
    },
    {
      name: "a host-named link to a keyserver of another key: both rules report the link, this one first",
      input: link(`https://pgp.surfnet.nl/pks/lookup?search=0xE880C9B8C5B53E92`, "pgp.mit.edu"),
      findings: [
        { messageId: "otherHost", line: 1, column: 18 },
        alsoFrom(keyserverMismatch, "keyIdNotDeclared", 1, 18),
      ],
    },
  ],
  // The doc page's example is part of a rendered page.
  example: (text) => ({ html: text }),
});
