import type { Problem } from "../../findings/finding.ts";
import { isListCommandAddress, type Mailto, splitAddressList } from "../../formats/mailto.ts";
import { contactAddresses, type Contact, type OtherAddress } from "../../types.ts";
import { defineRule } from "../rule.ts";

const mailtoUndeclared = defineRule({
  id: "mailto-undeclared",
  severity: "error",
  family: "mailto",
  summary: "A `mailto:` link to, or copying (cc, bcc), an address that is not a declared contact or other address.",
  disable: "page",
  messages: {
    undeclaredRecipient:
      "mailto link goes to {{address}}, which is not a declared security contact ({{contacts}}); a report must reach only the security team: fix the address, or declare it in the site data",
    undeclaredCopy:
      "mailto link sends a copy ({{field}}) to {{address}}, which is not a declared security contact ({{contacts}}); a report must reach only the security team: fix the address, or declare it in the site data",
  },
});

export default mailtoUndeclared;

/**
 * Everyone a valid mailto link would reach that is not a declared contact, in the order the link
 * names them. A declared other address (a mailing list's, say) is no report channel, but a link
 * to it is what it is declared for. A mailing list's command address (`announce-request@`,
 * `announce+subscribe@`) is recognised without being declared: a link to it subscribes a reader
 * and carries no report. A copy to one is still reported, since the copy goes with a report.
 */
export function checkRecipients(mailto: Mailto, contacts: Contact[], others: OtherAddress[] = []): Problem[] {
  const addresses = contactAddresses(contacts);
  const declared = new Set([...addresses, ...others.map((o) => o.email)].map((address) => address.toLowerCase()));
  const list = addresses.join(", ");
  return recipients(mailto)
    .filter(({ field, address }) => !declared.has(address.toLowerCase()) && !(field === "to" && isListCommandAddress(address)))
    .map(({ field, address }) =>
      field === "to"
        ? mailtoUndeclared.problem("undeclaredRecipient", { address, contacts: list })
        : mailtoUndeclared.problem("undeclaredCopy", { field, address, contacts: list }),
    );
}

/**
 * Everyone a report would reach: the `to` addresses, and those in `cc` and `bcc`
 * header fields, which RFC 6068 allows and which would leak a report just as well.
 */
function recipients(mailto: Mailto): Array<{ field: string; address: string }> {
  const copies = mailto.headers
    .filter((h) => h.name === "cc" || h.name === "bcc")
    .flatMap((h) =>
      // A copy may name its recipients as "Name <address>", and a quoted name may hold a comma.
      splitAddressList(h.value)
        .map((part) => (/<([^>]*)>\s*$/.exec(part)?.[1] ?? part).trim())
        .filter((address) => address !== "")
        .map((address) => ({ field: h.name, address })),
    );
  return [...mailto.to.map((address) => ({ field: "to", address })), ...copies];
}
