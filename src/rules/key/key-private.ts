import type { Problem } from "../../findings/finding.ts";
import type { Fingerprint } from "../../types.ts";
import { defineRule } from "../rule.ts";

const PUBLISH_ONLY =
  "publish only the public key, exported with gpg --export --armor {{hex}} (not --export-secret-keys); if this file was ever committed or published, consider the key compromised: revoke it and make a new one";

const keyPrivate = defineRule({
  id: "key-private",
  severity: "error",
  family: "key",
  summary: "A key file holding secret key material. Nothing of it is ever copied to the output.",
  disable: "secret",
  messages: {
    /** The file has a -----BEGIN PGP PRIVATE KEY BLOCK----- block, whatever its packets hold. */
    privateBlock: `the file holds secret key material (a PGP PRIVATE KEY BLOCK): ${PUBLISH_ONLY}`,
    /** Secret key packets inside a block armored as a public key. */
    secretPackets: `the file holds secret key material (secret key packets): ${PUBLISH_ONLY}`,
  },
});

export default keyPrivate;

/** The file must hold no secret key material: neither a private key block nor secret packets in a public one. */
export function checkPrivate(fingerprint: Fingerprint, privateBlock: boolean, secretPackets: boolean): Problem | undefined {
  if (privateBlock) return keyPrivate.problem("privateBlock", { hex: fingerprint.hex });
  if (secretPackets) return keyPrivate.problem("secretPackets", { hex: fingerprint.hex });
  return undefined;
}
