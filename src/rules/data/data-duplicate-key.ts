import { defineRule } from "../rule.ts";

export default defineRule({
  id: "data-duplicate-key",
  severity: "error",
  family: "data",
  summary: "A key appears twice in one object of the site data, so one value would silently hide the other.",
  disable: "no",
  messages: {
    /** `key`: the key's path, as `contacts[0].email`. */
    duplicate: '"{{key}}" is written a second time in the same object (first on line {{firstLine}}); only one value can count, so the other would be silently ignored: keep one',
  },
});
