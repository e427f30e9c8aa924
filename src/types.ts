/** The domain the checks speak of: fingerprints and the contacts that own them. Findings are in src/findings/finding.ts. */

/** An OpenPGP fingerprint: v4 is 40 hex digits, v6 is 64. `hex` is upper case, unbroken. */
export interface Fingerprint {
  version: 4 | 6;
  hex: string;
}

/**
 * A key holder the site data declares: a contact with its own key, or a person of a contact's
 * team. A team member has a name and an address of their own, and takes reports for the
 * contact's address (`team`): a researcher writes to that address and encrypts to the members' keys.
 */
export interface Contact {
  email: string;
  /** The key to use now. */
  fingerprint: Fingerprint;
  /** Every key the contact has listed: the current one first, then, during a rotation, the previous ones. Absent: `fingerprint` alone. */
  fingerprints?: Fingerprint[];
  /** A team member's name, as the site data writes it. */
  name?: string;
  /** For a team member: the address reports go to, whose team they are in. */
  team?: string;
  /** Where the site data declares it (`contacts.0`, `contacts.0.team.1`); absent for contacts read off a page. */
  field?: string;
}

/** The address a researcher writes to, to reach this key's holder: a team's address for its members, else the contact's own. */
export function reportAddress(contact: Contact): string {
  return contact.team ?? contact.email;
}

/** The addresses that take reports, in the order the site data declares them, each once. */
export function reportAddresses(contacts: Contact[]): string[] {
  const seen = new Map<string, string>();
  for (const c of contacts) {
    const address = reportAddress(c);
    if (!seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  }
  return [...seen.values()];
}

/** Every declared address of the key holders, each once: a team's address before its members' own, in the order declared. */
export function contactAddresses(contacts: Contact[]): string[] {
  const seen = new Map<string, string>();
  for (const c of contacts) for (const address of c.team === undefined ? [c.email] : [c.team, c.email]) if (!seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  return [...seen.values()];
}

/** Whether a key holder's key is one to encrypt a report for `address` to: the holder's own address, or the team's it is in. */
export function isKeyFor(contact: Contact, address: string): boolean {
  const wanted = address.toLowerCase();
  return contact.email.toLowerCase() === wanted || contact.team?.toLowerCase() === wanted;
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
  /** The releases and how long each gets security fixes, in the declared order; absent where the data declares none. */
  releases?: Release[];
  /** Why the product's support periods are shorter than five years (the EU Cyber Resilience Act, Art. 13(8)), in the site data's words. */
  supportReason?: string;
}

/**
 * How the project handles a report, as the site data states it: shown on the policy page and
 * published in every export, and usable in the policy's Markdown, so that prose and data agree.
 */
export interface Disclosure {
  /** Within how many days a report is acknowledged. */
  acknowledgeDays: number;
  /** Within how many days of a report a fixed vulnerability is disclosed. */
  disclosureDays: number;
  /** Whether reporting needs an account anywhere (an email never does). */
  accountRequired: boolean;
  /** Whether reporters are credited in the advisory, by the name they choose, unless they ask not to be. */
  credit: boolean;
  /** A safe-harbour statement for good-faith research, as written. */
  safeHarbor?: string;
  /** The bug bounty program's page, where the project offers one: an absolute https: URL. */
  bugBounty?: string;
}

/** A person with administrative access to the project's resources, as the site data declares them (for OpenSSF Security Insights). */
export interface Administrator {
  name: string;
  email?: string;
  affiliation?: string;
}

/** One release of a product and its support period, as the site data declares it. */
export interface Release {
  version: string;
  /** The day it was released, YYYY-MM-DD. */
  released: string;
  /** The last month (YYYY-MM, to its last day) or day (YYYY-MM-DD) it gets security fixes, as written; src/formats/support-period.ts reads it. */
  supportedUntil: string;
  /** Where its software bill of materials is published: an absolute https: URL. */
  sbom?: string;
}
