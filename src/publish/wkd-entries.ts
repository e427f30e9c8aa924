/**
 * What a Web Key Directory serves: each key under the addresses it is for. A contact's key is
 * served under the contact's address. A team member's key is served under the person's own
 * address and under the team's, each only where one of the key's valid user IDs carries it: a
 * client drops a key that does not carry the address it asked for (draft-koch-openpgp-webkey-service,
 * section 3.1), and where several members' keys carry the team's address, the directory serves
 * them one after another, so that `gpg --locate-keys` finds the whole team.
 * Pure: contacts in, entries out; the build writes them and verify asks for them.
 */
import { sameAddress } from "../formats/mailto.ts";

/** A key holder as the directory needs it: the address, the team it is in, and the parsed key. */
export interface DirectoryHolder {
  email: string;
  team?: string;
  /** `addresses`: those of the key's user IDs valid at the moment judged. */
  key?: { publicBinary?: Uint8Array; addresses?: string[] };
}

/** One key under one address. */
export interface DirectoryEntry<H extends DirectoryHolder> {
  address: string;
  holder: H;
  binary: Uint8Array;
}

export function directoryEntries<H extends DirectoryHolder>(holders: H[]): Array<DirectoryEntry<H>> {
  return holders.flatMap((holder) => {
    const binary = holder.key?.publicBinary;
    if (binary === undefined) return [];
    // A contact's own key that lacks its address is key-uid-mismatch's error; the directory still offers it where it was declared.
    const valid = holder.key?.addresses ?? [];
    const addresses = holder.team === undefined ? [holder.email] : [holder.email, holder.team].filter((address) => valid.some((a) => sameAddress(a, address)));
    return addresses.map((address) => ({ address, holder, binary }));
  });
}
