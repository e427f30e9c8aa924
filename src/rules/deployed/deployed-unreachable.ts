import { defineRule } from "../rule.ts";

/**
 * What the fetcher could not do, one situation each: the finding prints it after "could not be
 * checked: ", and verify's notices quote it as it is (src/verify/net.ts).
 */
export const FAULTS = {
  timeout: "no answer within {{seconds}} s",
  deadline: "no answer before the verification's deadline",
  deadlinePassed: "not asked: the verification's deadline had passed",
  refused: "connection refused by {{host}}",
  unresolved: "{{hostname}} does not resolve",
  /** `connected`: the address verify connected to, HOST:PORT (another than the URL's with --connect-to). */
  plainHttp: "{{host}} answered in plain HTTP, not TLS: the server at {{connected}} speaks http where the URL asks for https; serve the site over TLS on that port",
  plainHttpLoopback: "{{host}} answered in plain HTTP, not TLS: the server at {{connected}} speaks http where the URL asks for https; to check a local preview served over http, give --site http://{{connected}}/",
  certificateName: "the TLS certificate of {{host}} is not for {{hostname}}: serve a certificate whose names include {{hostname}}",
  certificateSelfSigned: "the TLS certificate of {{host}} is self-signed ({{code}}), so nothing vouches for it: serve one from a public CA; for a test certificate, give it in NODE_EXTRA_CA_CERTS",
  certificateUnknownIssuer: "the TLS certificate of {{host}} is issued by a CA this machine does not know ({{code}}): serve the full chain (the intermediate certificates too); for a private CA, give its certificate in NODE_EXTRA_CA_CERTS",
  certificatePrivateRoot: "the TLS certificate chain of {{host}} ends in a root CA this machine does not trust ({{code}}): a deployed site needs a public CA; for a private CA, give its certificate in NODE_EXTRA_CA_CERTS",
  certificateExpired: "the TLS certificate of {{host}} has expired ({{code}}): renew it on the server",
  certificateNotYetValid: "the TLS certificate of {{host}} is not valid yet ({{code}}): check its dates, and this machine's clock",
  /** Any other TLS failure: `code` is Node's, e.g. ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE. */
  certificateUntrusted: "TLS to {{host}} failed ({{code}}): the certificate is not trusted; a private CA goes in NODE_EXTRA_CA_CERTS",
  fetchFailed: "could not fetch it ({{reason}})",
  hostNotAllowed: "{{hostname}} is not a host the site data, its pages or the options name, so it is not asked",
  notHttps: "{{url}} is not https",
  tooManyRedirects: "more than {{max}} redirects: {{redirects}}",
  redirectLoop: "a redirect loop: {{redirects}}",
  tooLarge: "the answer is larger than {{max}} bytes",
} as const;

const CHECKED = "could not be checked: ";

type Checked<F extends Record<string, string>> = { readonly [K in keyof F]: `${typeof CHECKED}${F[K]}` };

function checked<F extends Record<string, string>>(faults: F): Checked<F> {
  return Object.fromEntries(Object.entries(faults).map(([id, text]) => [id, `${CHECKED}${text}`])) as Checked<F>;
}

export default defineRule({
  id: "deployed-unreachable",
  severity: "error",
  family: "deployed",
  summary: "A deployed source could not be checked: refused, timed out, not trusted, too large or redirected too often (exit code 2).",
  disable: "no",
  messages: {
    ...checked(FAULTS),
    unreadable: "could not be read: {{reason}}",
  },
});
