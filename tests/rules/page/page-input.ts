/**
 * What the page rules' cases are written in: a rendered page's HTML and the declared contacts.
 * `runPage` runs every check that reads a page (src/rules/page.ts, checkPage) on it and places
 * each problem at its line and column in the HTML.
 */
import type { Finding } from "../../../src/findings/finding.ts";
import { placed } from "../../../src/findings/finding.ts";
import { scanHtml } from "../../../src/formats/html-scan.ts";
import { checkPage } from "../../../src/rules/page.ts";
import type { Rule } from "../../../src/rules/rule.ts";
import type { Contact, OtherAddress } from "../../../src/types.ts";
import { positionOf, type ExpectedFinding } from "../../support/rule-tester.ts";

export interface PageInput {
  html: string;
  /** The declared contacts; security@example.org with the key HEX when left out. */
  contacts?: Contact[];
  /** The declared other addresses (a mailing list, say); none when left out. */
  otherAddresses?: OtherAddress[];
}

export const HEX = "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91";
/** HEX as a page shows it. */
export const GROUPED = "7FC1 6F16 A8B3 D4C7 4BC3 3A73 E880 C9B8 C5B5 3E91";
export const V6 = "F6DCBD9A9F48C5F103E522D947CEDD5FA33D2B1BA61196F26A2CDBE987789F8F";
export const OTHER = "8ECAFE523964AF824016F6C8116727A60111BF2D";

export function contact(email: string, ...hexes: string[]): Contact {
  const fingerprints = hexes.map((hex) => ({ version: hex.length === 64 ? 6 : 4, hex }) as const);
  return { email, fingerprint: fingerprints[0]!, ...(fingerprints.length > 1 ? { fingerprints } : {}) };
}

export const SECURITY = contact("security@example.org", HEX);

/** A person of the team that takes reports for `team`, with a key of their own. */
export function member(name: string, email: string, team: string, hex: string): Contact {
  return { ...contact(email, hex), name, team };
}

export function runPage(input: PageInput): Finding[] {
  return checkPage(scanHtml(input.html), input.contacts ?? [SECURITY], undefined, input.otherAddresses).map((p) => placed(p, "page.html", positionOf(input.html, p.index)));
}

/**
 * A finding of another rule in a case, where one input makes two rules report: its message id
 * is checked against that rule's messages, which the case's own type does not know.
 */
export function alsoFrom<R extends Rule>(rule: R, messageId: keyof R["messages"] & string, line: number, column: number): ExpectedFinding<never> {
  return { rule: rule.id, messageId, line, column } as unknown as ExpectedFinding<never>;
}
