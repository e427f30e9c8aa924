import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-wkd",
  severity: "error",
  family: "deployed",
  summary: "A Web Key Directory answer is missing, armored, another key, without the address, of another type than application/octet-stream, or without Access-Control-Allow-Origin: *, or its policy file is missing.",
  disable: "no",
  messages: {
    status: "answers {{status}}, not the key: deploy the build's public/.well-known/openpgpkey/",
    /** An address whose domain is not the site's host: `host` serves its directory, from the build's `folder` (public-wkd/<host>/). */
    statusElsewhere: "answers {{status}}, not the key: {{email}} is not in the site's host {{siteHost}}, so clients ask {{host}}; deploy the build's {{folder}} at https://{{host}}/",
    contentType: "is served as {{type}}, not application/octet-stream: set the Content-Type (see _headers, or npm run nginx-config)",
    noCors: "is served without Access-Control-Allow-Origin: *, so web mail clients cannot read it: set the header (see _headers, or npm run nginx-config)",
    armored: "holds an armored key; the Web Key Directory serves the binary key: deploy the build's file",
    notAKey: "is not an OpenPGP key (openpgp.js: {{reason}}): deploy the build's file",
    notAKeyHtml: "is not an OpenPGP key (openpgp.js: {{reason}}); it looks like HTML: deploy the build's file",
    /** `found`: the keys in the file, grouped in fours (or "a key of another version"), joined with ", ". */
    otherKey: "holds {{found}}, not the declared {{fingerprint}} of {{email}}: deploy the build's file",
    otherKeyAdvanced: "holds {{found}}, not the declared {{fingerprint}} of {{email}}; clients ask this host first: deploy the build's file",
    noAddress: "holds the key, but no user ID on it carries {{email}}: clients ignore it",
    policyStatus: "the directory's policy file is answered with {{status}}: deploy the build's public/.well-known/openpgpkey/policy",
    /** `fault`: what the fetcher met, in deployed-unreachable's words. */
    policyUnreachable: "the directory's policy file is unreachable ({{fault}}): deploy the build's public/.well-known/openpgpkey/policy",
    /** On a host that is not the site's: `why` is the status or the fault. */
    policyElsewhere: "the directory's policy file is not there ({{why}}): deploy the build's {{folder}} at https://{{host}}/",
  },
});
