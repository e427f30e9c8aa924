/** Where the build publishes what tools look for: URL paths on the site, shared by the pages and the publisher. */

/** Where the contacts' public keys are published; the page's download links use it too. */
export const DEFAULT_KEYS_PATH = "/security/keys/";

/** The policy page, which security.txt's Policy field names. */
export const DEFAULT_POLICY_PATH = "/security/";

/** The URL path of a contact's published key: `/security/keys/security@example.org.asc` ("@" readable, the rest of the address encoded as a path segment needs). */
export function keyUrlPath(keysPath: string, email: string): string {
  return `${keysPath}${encodeURIComponent(email).replace(/%40/g, "@")}.asc`;
}

/** The advisories: the list, each advisory's page and OSV file, and the feed. */
export const ADVISORIES_PATH = "/security/advisories/";

/** The thanks page made from the advisories' credits, which security.txt's Acknowledgments names. */
export const THANKS_PATH = "/security/thanks/";
