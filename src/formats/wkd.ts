/**
 * The OpenPGP Web Key Directory's direct method (draft-koch-openpgp-webkey-service): where a
 * key for an address is published on the address's own domain. Pure: strings in, strings out.
 */
import { createHash } from "node:crypto";

/** The z-base-32 alphabet (Zooko O'Whielacronx), which the draft uses for the hashed local part. */
const Z_BASE_32 = "ybndrfg8ejkmcpqxot1uwisza345h769";

/** The folder of the direct method, under the site's root. */
export const WKD_DIRECT_PATH = "/.well-known/openpgpkey/";

/**
 * The build's folder for the directories of addresses whose domain is not the site's host: one
 * folder per host that must serve them, beside the site's output (public/ → public-wkd/), so that
 * the site's own host never serves them.
 */
export function wkdHostsFolder(output: string): string {
  return `${output.replace(/[/\\]+$/, "")}-wkd`;
}

/** wkdHostsFolder of the build's default output, public/: what verify's messages name. */
export const WKD_HOSTS_FOLDER = wkdHostsFolder("public");

/** z-base-32 of the bytes, five bits a character, most significant first; the last group is padded with zero bits. */
export function zBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += Z_BASE_32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += Z_BASE_32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The name of an address's key in the directory: the SHA-1 of the local part, with only the
 * ASCII capitals lowered (as the draft says, and as gpg does), in z-base-32: 32 characters.
 * `Joe.Doe` → `iy9q119eutrkn8s1mk4r39qejnbu3n5q`.
 */
export function hashLocalPart(localPart: string): string {
  const lowered = localPart.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return zBase32(createHash("sha1").update(lowered, "utf8").digest());
}

/** The local part and the domain of an address, split at its last "@". */
export function splitAddress(address: string): { localPart: string; domain: string } {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) {
    throw new Error(`wkd: ${JSON.stringify(address)} is not an email address (it needs a local part, "@" and a domain)`);
  }
  return { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Whether the address is in the site's own domain: its domain is the host, compared without regard to case. */
export function inDomain(address: string, host: string): boolean {
  return splitAddress(address).domain.toLowerCase() === host.toLowerCase();
}

/** Where the direct method puts an address's key, from the site's root: `/.well-known/openpgpkey/hu/<hash>`. */
export function wkdKeyPath(address: string): string {
  return `${WKD_DIRECT_PATH}hu/${hashLocalPart(splitAddress(address).localPart)}`;
}
