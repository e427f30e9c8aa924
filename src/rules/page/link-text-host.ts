import { defineRule } from "../rule.ts";

export default defineRule({
  id: "link-text-host",
  severity: "error",
  family: "link",
  summary: "A link whose text names a host or URL while it goes to another host.",
  disable: "page",
  messages: {
    otherHost: "link text names {{named}} but the link goes to {{host}}; make the text and the address name the same host",
    emptyAddress: "link text names {{named}} but the link has an empty address; link to {{named}} or change the text",
    fragment: 'link text names {{named}} but the link "{{href}}" goes to a fragment of this page; link to {{named}} or change the text',
    schemeWithoutHost: 'link text names {{named}} but the link "{{href}}" is a {{scheme}} address with no host; link to {{named}} or change the text',
    relative: 'link text names {{named}} but the link "{{href}}" is relative to this site; link to {{named}} or change the text',
    unparseable: 'link text names {{named}} but the link "{{href}}" cannot be parsed as a URL; fix the address',
  },
});
