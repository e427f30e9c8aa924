import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-wrong-block",
  severity: "error",
  family: "key",
  summary: "A key file holding a signature or a message instead of a public key.",
  disable: "no",
  messages: {
    signature: "the file holds a detached signature (-----BEGIN PGP SIGNATURE-----), not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor {{hex}}",
    cleartextSigned: "the file holds a cleartext-signed message (-----BEGIN PGP SIGNED MESSAGE-----), not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor {{hex}}",
    message: "the file holds an OpenPGP message (-----BEGIN PGP MESSAGE-----), such as an encrypted or signed file, not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor {{hex}}",
    multipart: "the file holds one part of a multi-part OpenPGP message (-----BEGIN PGP MESSAGE, PART ...-----), not a key: it needs a public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----); export one with gpg --export --armor {{hex}}",
  },
});
