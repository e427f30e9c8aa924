import type { Problem } from "../../findings/finding.ts";
import { keyIdOf, referencesKey } from "../../formats/fingerprint.ts";
import { readKeyLink } from "../../formats/key-link.ts";
import { fingerprintsOf, type Contact } from "../../types.ts";
import { defineRule } from "../rule.ts";

const keyserverMismatch = defineRule({
  id: "keyserver-mismatch",
  severity: "error",
  family: "keyserver",
  summary: "A keyserver, Keybase or `openpgp4fpr:` link whose key ID or fingerprint is not a declared key, or a short (8-digit) key ID.",
  disable: "page",
  messages: {
    shortKeyId: "link looks up the short key ID 0x{{keyId}}, which anyone can collide with; look the key up by its full fingerprint",
    keyIdNotDeclared: "link looks up key ID {{keyId}}, which is not a declared key; it should be {{expected}}",
    fingerprintNotDeclared: "link looks up fingerprint {{fingerprint}}, which is not a declared key; it should be {{expected}}",
  },
});

export default keyserverMismatch;

/**
 * The keys a link looks up (src/formats/key-link.ts, readKeyLink), each held to the
 * declared keys: a long key ID must be one of theirs (v4: the last 16 digits; v6: the first 16,
 * or the last), a fingerprint must be one of theirs. A short key ID is an error whatever it
 * names, and the link's later references are not read.
 */
export function checkKeyserverLink(href: string, contacts: Contact[]): Problem[] {
  const problems: Problem[] = [];
  const declared = contacts.flatMap(fingerprintsOf);
  for (const ref of readKeyLink(href).references) {
    if (ref.kind === "short-key-id") {
      problems.push(keyserverMismatch.problem("shortKeyId", { keyId: ref.written }));
      return problems;
    }
    if (ref.kind === "key-id") {
      if (declared.some((f) => referencesKey(ref, f))) continue;
      problems.push(keyserverMismatch.problem("keyIdNotDeclared", { keyId: ref.written, expected: declared.map((f) => `0x${keyIdOf(f)}`).join(" or ") }));
    } else {
      if (declared.some((f) => referencesKey(ref, f))) continue;
      problems.push(keyserverMismatch.problem("fingerprintNotDeclared", { fingerprint: ref.written, expected: declared.map((f) => f.hex).join(" or ") }));
    }
  }
  return problems;
}
