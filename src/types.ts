/** The domain the checks speak of: fingerprints and the contacts that own them. Findings are in src/findings/finding.ts. */

/** An OpenPGP fingerprint: v4 is 40 hex digits, v6 is 64. `hex` is upper case, unbroken. */
export interface Fingerprint {
  version: 4 | 6;
  hex: string;
}

/** A security contact as the site data declares it. */
export interface Contact {
  email: string;
  /** The key to use now. */
  fingerprint: Fingerprint;
  /** Every key the contact has listed: the current one first, then, during a rotation, the previous ones. Absent: `fingerprint` alone. */
  fingerprints?: Fingerprint[];
}

/** Every fingerprint a contact lists, the current one first. */
export function fingerprintsOf(contact: Contact): Fingerprint[] {
  return contact.fingerprints ?? [contact.fingerprint];
}

/** An address the policy may show that takes no reports (a mailing list for announcements, say), as the site data declares it. */
export interface OtherAddress {
  email: string;
  /** What the address is for, in the site data's words. */
  purpose: string;
}

/**
 * A product the site publishes advisories for, as the site data declares it: its name, its
 * source repository and its package URL, which names the package without a version.
 */
export interface Product {
  name: string;
  /** The repository's absolute https: URL, as written. */
  repository: string;
  /** The package URL as written (`pkg:npm/%40example/options`); src/formats/purl.ts reads it. */
  purl: string;
}
