import { defineRule } from "../rule.ts";

export default defineRule({
  id: "key-rotation-unfinished",
  severity: "warning",
  family: "key",
  summary: "A previous key, listed during a rotation, is neither revoked nor expiring within 90 days.",
  disable: "no",
  messages: {},
});
