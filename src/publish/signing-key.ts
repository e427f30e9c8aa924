/**
 * Where the key that signs security.txt comes from: the environment, never a file in the
 * repository. Kept apart from sign.ts, so that reading these names does not load openpgp.js.
 */

/** The environment variable that holds the armored private key (gpg --export-secret-keys --armor <fingerprint>). */
export const SIGNING_KEY_VARIABLE = "SECURITY_TXT_SIGNING_KEY";
/** The environment variable that holds the key's passphrase, where it has one. */
export const SIGNING_PASSPHRASE_VARIABLE = "SECURITY_TXT_SIGNING_PASSPHRASE";
