// The types of the package's plugin (dist/src/plugins/security-policy.js), written by hand:
// tests/plugin-package.test.ts holds them to the options the source accepts.

/** The options of `eleventyConfig.addPlugin(securityPolicy, options)`. */
export interface SecurityPolicyOptions {
  /** The site data (security.json), from the project's root. Default: `_data/security.json` in Eleventy's input folder. */
  data?: string;
  /** The folder of the contacts' armored public keys, `<email>.asc`, from the project's root. Default: `keys/` in the input folder, if there is one. */
  keys?: string;
  /** The policy page's URL path, which security.txt's Policy field names. Default: "/security/". */
  policyPath?: string;
  /** "checks" (the default): what applies to any site. "site": that, and what this package's own layouts are made for. */
  features?: "checks" | "site";
}

/** Checks every page against the site data and keys before it is written, and publishes security.txt, the keys, a Web Key Directory and `_headers`. */
export default function securityPolicy(eleventyConfig: unknown, options?: SecurityPolicyOptions): void;
