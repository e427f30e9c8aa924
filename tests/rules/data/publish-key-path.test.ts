/**
 * publish-key-path on what planPublication is given: a contact with a key whose address holds a
 * character a file name cannot, at the address in the site data; one without a key publishes no file.
 */
import publishKeyPath from "../../../src/rules/data/publish-key-path.ts";
import { testRule } from "../../support/rule-tester.ts";
import { GOOD, json, plan, type PlanInput } from "../publish/plan-input.ts";
import { CONTACT, OTHER_FINGERPRINT, valueOf } from "./site-data-text.ts";

const SLASH = "a/b@example.org";
const BACKSLASH = '"a\\\\b"@example.org';
const withEmail = (email: string): PlanInput => ({ data: { ...GOOD, contacts: [{ ...CONTACT, email }] } });
/** Data that declares `email`, read as if the reader had let `actual` through. */
const through = (actual: string): PlanInput => ({ ...withEmail("security@example.org"), site: { contacts: [{ email: actual, fingerprint: { version: 4, hex: "7FC16F16A8B3D4C74BC33A73E880C9B8C5B53E91" } }] } });
const emailAt = (email: string) => valueOf(json({ ...GOOD, contacts: [{ ...CONTACT, email }] }), "email");
const message = (email: string, keysPath = "/security/keys/") =>
  `${email} holds a character that cannot be in a file name ("/", "\\" or a control character), so its key cannot be published as ${keysPath}<email>.asc: declare an address without one`;

const TWO = { ...GOOD, contacts: [CONTACT, { email: SLASH, fingerprint: OTHER_FINGERPRINT }] };

testRule(publishKeyPath, plan, {
  example: (text) => ({ text }),
  valid: [
    { name: "an address of letters, a dot and a hyphen", input: withEmail("security-team.psirt@example.org") },
    { name: "an address with a slash, without a key to publish", input: { ...withEmail(SLASH), keys: { [SLASH]: null } } },
    { name: "an address with the signs atext allows, # and = among them", input: withEmail("security+pgp=1#x@example.org") },
    // The character after the last control character. (Without pages nothing is signed or formatted, so the address reaches only this check.)
    { name: "an address with a space (past the reader), which a file name can hold", input: { ...through("a b@example.org"), pages: [] } },
  ],
  invalid: [
    { name: "a slash in the local part", input: withEmail(SLASH), findings: [{ messageId: "notAFileName", ...emailAt(SLASH), message: message(SLASH) }] },
    { name: "a backslash in a quoted local part", input: withEmail(BACKSLASH), findings: [{ messageId: "notAFileName", ...emailAt(BACKSLASH), message: message(BACKSLASH) }] },
    {
      name: "a slash, with keys published in another folder",
      input: { ...withEmail(SLASH), options: { keysPath: "/keys/" } },
      findings: [{ messageId: "notAFileName", ...emailAt(SLASH), message: message(SLASH, "/keys/") }],
    },
    { name: "the first control character (past the reader)", input: through("a\u0001b@example.org"), findings: [{ messageId: "notAFileName", ...emailAt("security@example.org") }] },
    { name: "the last control character (past the reader)", input: through("a\u001fb@example.org"), findings: [{ messageId: "notAFileName", ...emailAt("security@example.org") }] },
    {
      name: "the second of two contacts, at its own address",
      input: { data: TWO },
      findings: [{ messageId: "notAFileName", ...valueOf(json(TWO), "email", 2), message: message(SLASH) }],
    },
  ],
});
