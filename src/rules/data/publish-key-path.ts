/** publish-key-path: each contact's public key is published as `<keysPath><email>.asc`, so the address must make a file name. */
import type { Problem } from "../../findings/finding.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "publish-key-path",
  severity: "error",
  family: "publish",
  summary: "A contact's address holds `/`, `\\` or a control character, so its key cannot be named after it.",
  disable: "no",
  messages: {
    notAFileName:
      '{{email}} holds a character that cannot be in a file name ("/", "\\" or a control character), so its key cannot be published as {{keysPath}}<email>.asc: declare an address without one',
  },
});

export default rule;

/** The problem with naming the key file of `email` after it, if any. */
export function checkKeyFileName(email: string, keysPath: string): Problem | undefined {
  return /[/\\\u0000-\u001f]/.test(email) ? rule.problem("notAFileName", { email, keysPath }) : undefined;
}
