import { defineRule } from "../rule.ts";

export default defineRule({
  id: "deployed-csaf",
  severity: "error",
  family: "deployed",
  summary: "The deployed CSAF distribution breaks what CSAF 2.0 section 7.1 requires: a file it lists is missing or redirected, a hash does not match its document, or a signature does not verify with a published key.",
  disable: "no",
  messages: {
    /** Requirement 6. `redirects`: each hop, "from → to (status)", joined with "; ". */
    redirected: "is reached through a redirect ({{redirects}}); CSAF 2.0 requirement 6 allows none: serve the distribution at the URLs it lists",
    status: "answers {{status}}, though the CSAF distribution lists it: deploy the build's {{path}}",
    notJson: "is not JSON ({{reason}}): deploy the build's {{path}}",
    /** Requirement 18. */
    hashMismatch: "says the document's {{algorithm}} is {{stated}}, but the document served hashes to {{actual}} (CSAF 2.0 requirement 18): deploy the document and its hash files from the same build",
    /** Requirement 19. */
    signatureBad: "does not verify the document {{document}} with a published key ({{reason}}); CSAF 2.0 requirement 19: deploy the document and its signature from the same build",
    /** Section 7.2.3: a trusted provider signs every document. */
    signatureMissing: "lists no signature for {{document}}, though the provider metadata claims the role csaf_trusted_provider (CSAF 2.0 requirement 19)",
    /** `what`: what is wrong with the file's shape. */
    malformed: "is not what CSAF 2.0 describes: {{what}}; deploy the build's file",
    /** `what`: what the feed's entry lacks. */
    entryIncomplete: "lists the document {{id}} with {{what}}: deploy the build's feed",
    entryMissing: "lists no entry for {{id}}, which the build publishes: deploy the build's feed and the documents it lists",
    roleDiffers: "claims the role {{role}}, where the build publishes {{expected}}: deploy the build's provider metadata with the signatures it lists",
    /** Requirement 20. */
    keyMissing: "claims the role csaf_trusted_provider but names no public OpenPGP key (CSAF 2.0 requirement 20): list the key that signs the documents",
  },
});
