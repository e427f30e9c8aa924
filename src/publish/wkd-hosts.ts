/**
 * The Web Key Directory of an address whose domain is not the site's host (the site at
 * security.acme.example, the address at acme.example). Clients look such a key up on hosts the
 * site is not (draft-koch-openpgp-webkey-service, section 3.1): the advanced method at
 * `https://openpgpkey.<domain>/.well-known/openpgpkey/<domain>/hu/<hash>?l=<local>`, then the
 * direct method at `https://<domain>/.well-known/openpgpkey/hu/<hash>?l=<local>`. Each method's
 * directory needs its `policy` file (section 4.5). The build writes one folder per host, ready to
 * deploy there, beside the site's output and never in it: the site's host must not serve them.
 * Pure: contacts in, files and notices out.
 */
import { hashLocalPart, splitAddress, WKD_DIRECT_PATH } from "../formats/wkd.ts";
import { formatWkdHostHeaders } from "./headers.ts";
import { concatBytes } from "../formats/openpgp.ts";

/** A file for one host's folder: its path from that host's root, and its bytes or text. */
export interface HostFile {
  file: string;
  content: string | Uint8Array;
}

/** What one host must serve. */
export interface HostFolder {
  host: string;
  files: HostFile[];
}

export interface WkdElsewhere {
  /** One folder per host, the direct method's (the domain) before the advanced method's (openpgpkey.<domain>), domains in order of first mention. */
  hosts: HostFolder[];
  /** One line per address: which hosts must serve its key, and from which folder. */
  notices: string[];
}

/** A contact as the directory needs it: the address and, when its key file exists, the binary key. */
export interface DirectoryContact {
  email: string;
  key?: { publicBinary?: Uint8Array };
}

/**
 * The folders for every address with a key whose domain is not `siteHost`. `folder` is how the
 * notices name the build's folder of host folders (public-wkd).
 */
export function wkdElsewhere(contacts: DirectoryContact[], siteHost: string, folder: string): WkdElsewhere {
  const site = siteHost.toLowerCase();
  const byHost = new Map<string, { keys: Map<string, Uint8Array[]>; policies: Set<string> }>();
  /** A key in a host's folder, and the policy file of the directory it is in. */
  const add = (host: string, directory: string, hash: string, content: Uint8Array) => {
    const folder = byHost.get(host) ?? byHost.set(host, { keys: new Map(), policies: new Set() }).get(host)!;
    const file = `${directory}hu/${hash}`;
    folder.keys.set(file, [...(folder.keys.get(file) ?? []), content]);
    folder.policies.add(`${directory}policy`);
  };
  const notices: string[] = [];
  for (const contact of contacts) {
    const binary = contact.key?.publicBinary;
    if (binary === undefined) continue;
    const { localPart } = splitAddress(contact.email);
    // Clients ask with the domain in lower case; the hash lowers the local part's ASCII capitals itself.
    const domain = splitAddress(contact.email).domain.toLowerCase();
    if (domain === site) continue;
    const hash = hashLocalPart(localPart);
    const advancedHost = `openpgpkey.${domain}`;
    // The direct method's directory is the host's own; the advanced method's is per domain.
    const directDirectory = WKD_DIRECT_PATH.slice(1);
    const advancedDirectory = `${WKD_DIRECT_PATH.slice(1)}${domain}/`;
    add(domain, directDirectory, hash, binary);
    add(advancedHost, advancedDirectory, hash, binary);
    const direct = `${directDirectory}hu/${hash}`;
    const advanced = `${advancedDirectory}hu/${hash}`;
    const query = `?l=${encodeURIComponent(localPart)}`;
    const notice =
      `${contact.email} is not in the site's host ${site}, so its Web Key Directory is served by other hosts (draft-koch-openpgp-webkey-service, section 3.1): ` +
        `deploy ${folder}/${domain}/ at https://${domain}/ (direct method, https://${domain}/${direct}${query}) ` +
        `and ${folder}/${advancedHost}/ at https://${advancedHost}/ (advanced method, https://${advancedHost}/${advanced}${query}), ` +
        `or leave ${advancedHost} out of DNS so that clients use the direct method`;
    // A team's address with several keys is one address to deploy.
    if (!notices.includes(notice)) notices.push(notice);
  }
  const hosts: HostFolder[] = [];
  for (const [host, { keys, policies }] of byHost) {
    hosts.push({
      host,
      files: [
        ...[...keys].map(([file, parts]) => ({ file, content: concatBytes(parts) })),
        ...[...policies].map((file) => ({ file, content: "" })),
        { file: "_headers", content: formatWkdHostHeaders() },
      ],
    });
  }
  return { hosts, notices };
}
