import type { Problem, Where } from "../../findings/finding.ts";
import type { AddressMention } from "../../formats/address-text.ts";
import { contactAddresses, isKeyFor, type Contact, type OtherAddress } from "../../types.ts";
import { defineRule } from "../rule.ts";

const addressUndeclared = defineRule({
  id: "address-undeclared",
  severity: "error",
  family: "mailto",
  summary: "An email address in a page's text, written plainly or spelt out (`name [at] example [dot] org`), that the site data declares neither as a contact nor as another address.",
  disable: "page",
  messages: {
    undeclared:
      "{{address}} is shown on the page but is not a declared address ({{declared}}); a researcher may send a report to it: correct it to a declared contact's address, or declare it in the site data (in \"contacts\", or in \"otherAddresses\" with its purpose)",
    undeclaredSpelt:
      "\"{{written}}\" spells out {{address}}, which is not a declared address ({{declared}}); a researcher may send a report to it: correct it to a declared contact's address, or declare it in the site data (in \"contacts\", or in \"otherAddresses\" with its purpose)",
    undeclaredInLayout:
      "{{address}} is shown on the page by its layout (it is in neither this page's Markdown nor a file of the layouts: it comes from the data a layout prints), and is not a declared address ({{declared}}): correct it where the layout takes it from, or declare it in the site data",
  },
});

export default addressUndeclared;

/** The declared addresses as the messages list them: the contacts, then the other addresses. */
export function declaredList(contacts: Contact[], others: OtherAddress[]): string {
  const listed = contactAddresses(contacts).join(", ") || "no contacts";
  return others.length === 0 ? listed : `${listed}; other addresses: ${others.map((o) => o.email).join(", ")}`;
}

/** Whether the site data declares an address, as a contact or as another address; compared without regard to case. */
export function isDeclared(address: string, contacts: Contact[], others: OtherAddress[]): boolean {
  const wanted = address.toLowerCase();
  return contacts.some((c) => isKeyFor(c, address)) || others.some((o) => o.email.toLowerCase() === wanted);
}

/**
 * The problem of an undeclared address shown on a page, and, should its text be found in no
 * source file, the same told as coming from the layout.
 */
export function undeclaredProblem(mention: AddressMention, contacts: Contact[], others: OtherAddress[], where: Where = {}): { problem: Problem; fromLayout: Problem } {
  const said = { address: mention.address, declared: declaredList(contacts, others) };
  return {
    problem: mention.obfuscated
      ? addressUndeclared.problem("undeclaredSpelt", { ...said, written: mention.text.replace(/\s+/g, " ") }, where)
      : addressUndeclared.problem("undeclared", said, where),
    fromLayout: addressUndeclared.problem("undeclaredInLayout", said, where),
  };
}
