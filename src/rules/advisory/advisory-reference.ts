/**
 * advisory-reference: a reference (or a GIT range's repository) that is not an https: URL, and
 * a reference type that is not one of OSV's.
 */
import type { At } from "../../formats/advisory.ts";
import { REFERENCE_TYPES } from "../../formats/advisory.ts";
import type { Finding } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-reference",
  severity: "error",
  family: "advisory",
  summary: "A reference that is not an `https:` URL, or whose type is not one of OSV's.",
  disable: "no",
  messages: {
    notUrl: '"{{url}}" is not a URL: write the whole address, starting with https://',
    notHttps: '"{{url}}" is not an https: link: a reference must reach the reader unaltered; use its https: address',
    typeUnknown: 'the reference type "{{type}}" is not one of OSV\'s: {{types}}',
  },
});

export default rule;

/** Why an address cannot be published, as a finding in `file`, or undefined: only https: links, to a host. */
export function urlFinding(url: At<string>, file: string): Finding | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.value);
  } catch {
    return rule.finding("notUrl", { url: url.value }, file, url.at);
  }
  if (parsed.protocol !== "https:") return rule.finding("notHttps", { url: url.value }, file, url.at);
  return undefined;
}

/** A reference type that is not one of OSV's. */
export function referenceTypeFinding(type: At<string>, file: string): Finding | undefined {
  if ((REFERENCE_TYPES as readonly string[]).includes(type.value)) return undefined;
  return rule.finding("typeUnknown", { type: type.value, types: REFERENCE_TYPES.join(", ") }, file, type.at);
}
