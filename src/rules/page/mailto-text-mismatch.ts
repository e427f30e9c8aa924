import type { Problem } from "../../findings/finding.ts";
import { isAddrSpec, type Mailto } from "../../formats/mailto.ts";
import { defineRule } from "../rule.ts";

const mailtoTextMismatch = defineRule({
  id: "mailto-text-mismatch",
  severity: "error",
  family: "mailto",
  summary: "A link whose text is an address other than the one it writes to.",
  disable: "page",
  messages: {
    otherAddress: "link text says {{shown}} but the link writes to {{addresses}}; make the text and the href the same address",
  },
});

export default mailtoTextMismatch;

/** When the text of a valid mailto link is one address (a leading "mailto:" allowed), it must be one the link writes to. */
export function checkMailtoText(mailto: Mailto, text: string): Problem[] {
  const shown = text.replace(/^mailto:/i, "").trim();
  if (!shown.includes("@") || /\s/.test(shown) || !isAddrSpec(shown)) return [];
  if (mailto.to.some((a) => a.toLowerCase() === shown.toLowerCase())) return [];
  // A valid mailto link has an address; "no address" only keeps the message whole if that ever changes.
  return [mailtoTextMismatch.problem("otherAddress", { shown, addresses: mailto.to.join(", ") || "no address" })];
}
