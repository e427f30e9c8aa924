import { defineRule } from "../rule.ts";

export default defineRule({
  id: "publish-conflict",
  severity: "error",
  family: "publish",
  summary: "A page writes a file the build publishes from the data (e.g. `permalink: /.well-known/security.txt`).",
  disable: "no",
  messages: {
    pageWritesPublished: "this page writes {{url}}, which the build publishes from the site data; give the page another permalink",
  },
});
